using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// CryptographicKeys/Key Ids per profile type (technical-profiles.md §17). A missing key is judged on the merged
    /// profile at the end of each chain (like PL5003); an unknown Id where it is written. The service ignores a key it
    /// does not read, so only a typo of a key the type needs is an error.
    /// </summary>
    public sealed class PL5005CryptographicKeyMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5005",
            "Cryptographic key missing or unknown",
            "{0}",
            DiagnosticSeverity.Error,
            "A cryptographic key the profile's type requires is absent from the merged profile (an error when something runs the profile, a warning when nothing does), or a Key Id names a role the type does not use (an error for a typo of a known Id, a suggestion for a SAML key on the other SAML type, otherwise a warning).");

        public override void Initialize(RuleRegistration registration)
        {
            ProfileFacts.OnProfileItem(registration, "CryptographicKeys", "Key", (context, node, profileId, profile, type) =>
            {
                string? id = node["Id"];
                if (string.IsNullOrEmpty(id) || Placeholders.IsDynamic(id)) return;
                if (type.AcceptsAnyKeyId(ProfileFacts.MetadataOf(profile)) || type.KnowsKeyId(id!)) return;
                var known = type.CryptographicKeys.Select(k => k.Id).ToList();
                string message = $"Key Id '{id}' of technical profile '{profileId}' is not a key {type.Name} technical profiles use (they use {(known.Count == 0 ? "none" : string.Join(", ", known))})";
                // A SAML key on the other SAML profile type (SamlAssertionDecryption on the issuer): unused, harmless.
                if (IsSamlKeyOnSamlProfile(type, id!))
                {
                    context.Report(DiagnosticSeverity.Info, node, $"{message}; the service does not read it here, so it can go.");
                    return;
                }
                var (severity, hint) = DidYouMean.JudgeUnknown(id!, known);
                context.Report(severity, node, $"{message}.{hint}");
            });

            ProfileFacts.OnCompleteProfiles(registration, (context, profile, type, includeOnly) =>
            {
                var metadata = ProfileFacts.MetadataOf(profile);
                var keys = profile.Keys;
                // A plain loop: this runs for every profile of every leaf chain.
                foreach (var key in type.CryptographicKeys)
                    if (key.IsRequired(metadata) && !keys.ContainsKey(key.Id)) ReportMissing(context, profile, type, includeOnly, key);
                if (keys.Count == 0 && type.MissingAnyKey(metadata) is string why)
                    context.Report(ProfileFacts.GapSeverity(context, profile), profile.Nearest,
                        $"Technical profile '{profile.Id}' ({type.Name}) has no cryptographic key: {why}.{ProfileFacts.NotRunNote(context, profile)}");
            });
        }

        private static void ReportMissing(PolicyContext context, MergedTechnicalProfile profile, TechnicalProfileType type, ISet<string> includeOnly, CryptographicKeyInfo key)
        {
            if (ProfileFacts.InheritedFromInclude(context, profile, type, includeOnly, source => !source.Keys.ContainsKey(key.Id))) return;
            context.Report(ProfileFacts.GapSeverity(context, profile), profile.Nearest,
                $"Technical profile '{profile.Id}' ({type.Name}) has no cryptographic key '{key.Id}' (required {key.Condition}), in any of its declarations or included profiles.{ProfileFacts.NotRunNote(context, profile)}");
        }

        private static bool IsSamlKeyOnSamlProfile(TechnicalProfileType type, string id)
            => (type == TechnicalProfileCatalog.Saml2 || type == TechnicalProfileCatalog.SamlIssuer)
               && (TechnicalProfileCatalog.Saml2.KnowsKeyId(id) || TechnicalProfileCatalog.SamlIssuer.KnowsKeyId(id));
    }
}
