using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// CryptographicKeys/Key Ids per profile type (technical-profiles.md §17). A missing key is judged on the merged
    /// profile at the end of each chain (like PL5003); an unknown Id where it is written.
    /// </summary>
    public sealed class PL5005CryptographicKeyMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5005",
            "Cryptographic key missing or unknown",
            "{0}",
            DiagnosticSeverity.Error,
            "A cryptographic key the profile's type requires is absent from the merged profile, or a Key Id names a role the type does not use.");

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("Key", (context, node) =>
            {
                if (node.Parent?.IsNamed("CryptographicKeys") != true) return;
                var profileNode = ProfileFacts.OwningProfile(node.Parent);
                var resolved = profileNode == null ? null : ProfileFacts.Resolve(context, profileNode);
                if (resolved == null) return;
                var (profile, type) = resolved.Value;
                string? id = node["Id"];
                if (string.IsNullOrEmpty(id) || Placeholders.IsDynamic(id)) return;
                if (type.AcceptsAnyKeyId(ProfileFacts.MetadataOf(profile)) || type.KnowsKeyId(id!)) return;
                var known = type.CryptographicKeys.Select(k => k.Id).ToList();
                context.Report(node, $"Key Id '{id}' of technical profile '{profileNode!["Id"]}' is not a key {type.Name} technical profiles use (they use {string.Join(", ", known)}).{DidYouMean.Hint(id!, known)}");
            });

            registration.OnPolicy(context =>
            {
                if (!ProfileFacts.IsLeaf(context)) return;
                var includeOnly = ProfileFacts.IncludeOnlyProfiles(context);
                foreach (var profileId in context.Chain.Ids(DeclarationKind.TechnicalProfile).ToList())
                {
                    if (includeOnly.Contains(profileId)) continue;
                    var profile = context.TechnicalProfile(profileId);
                    var type = profile == null ? null : ProfileFacts.TypeOf(profile);
                    if (profile == null || type == null) continue;
                    var metadata = ProfileFacts.MetadataOf(profile);
                    var keys = profile.Keys;
                    foreach (var key in type.CryptographicKeys.Where(k => k.IsRequired(metadata) && !keys.ContainsKey(k.Id)))
                    {
                        if (ProfileFacts.InheritedFromInclude(context, profile, type, includeOnly, source => !source.Keys.ContainsKey(key.Id))) continue;
                        context.Report(profile.Nearest, $"Technical profile '{profile.Id}' ({type.Name}) has no cryptographic key '{key.Id}' (required {key.Condition}), in any of its declarations or included profiles.");
                    }
                    if (keys.Count == 0 && type.MissingAnyKey(metadata) is string why)
                        context.Report(profile.Nearest, $"Technical profile '{profile.Id}' ({type.Name}) has no cryptographic key: {why}.");
                }
            });
        }
    }
}
