using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>
    /// A PL6xxx rule: runs on every technical profile that configures a documented identity provider,
    /// merged along the chain of a policy no other policy in the build inherits from (the relying-party
    /// file in the usual layout), so a base that leaves the client id to the extensions is seen complete.
    /// </summary>
    public abstract class IdentityProviderRule : PolicyRule
    {
        // Relying parties of one extensions file see the same merged profiles: checked once per scope, with its first leaf.
        public override void Initialize(RuleRegistration registration) => registration.OnScope(RecognizedProfiles.IsLeaf, context =>
        {
            foreach (var (profile, provider) in context.Get(RecognizedProfiles.Of).Items)
                Check(context, profile, provider);
        });

        protected abstract void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider);

        /// <summary>The profile's Id as declared (a reference elsewhere may have looked it up in another case).</summary>
        protected static string NameOf(MergedTechnicalProfile profile) => profile.Nearest["Id"] ?? profile.Id;

        /// <summary>The explanation the catalog gives for a known wrong value, as a clause to append, or empty.</summary>
        protected static string Explain(IdentityProvider provider, string key, Func<string, bool> isValue)
        {
            var mistake = provider.Mistakes.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.Ordinal) && isValue(m.Value));
            return mistake == null ? string.Empty : "; " + mistake.Explanation;
        }
    }

    /// <summary>The recognized identity-provider profiles of a resolution scope, computed once for all PL6xxx rules.</summary>
    internal sealed class RecognizedProfiles
    {
        private RecognizedProfiles(List<(MergedTechnicalProfile, IdentityProvider)> items) => Items = items;

        public IReadOnlyList<(MergedTechnicalProfile Profile, IdentityProvider Provider)> Items { get; }

        /// <summary>A scope fact: every PL6xxx rule reads the same list.</summary>
        public static readonly ScopeFact<RecognizedProfiles> Of = Fact.OfScope(Build);

        private static RecognizedProfiles Build(ResolutionScope scope)
        {
            var items = new List<(MergedTechnicalProfile, IdentityProvider)>();

            // A profile that others include is a template; it is checked as part of the profiles that include it.
            var included = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var policy in scope.Chain.Policies)
                foreach (var declarations in policy.Declarations(DeclarationKind.TechnicalProfile).Values)
                    foreach (var node in declarations)
                    {
                        string? include = node.Child("IncludeTechnicalProfile")?["ReferenceId"];
                        if (include != null) included.Add(include);
                    }

            foreach (var profile in scope.TechnicalProfiles())
            {
                if (included.Contains(profile.Id)) continue;
                var provider = IdentityProviderRecognizer.Recognize(profile);
                if (provider != null) items.Add((profile, provider));
            }
            return new RecognizedProfiles(items);
        }

        /// <summary>No other reported policy names this one as its base, and no missing base may (see <see cref="PolicySet.IsLeaf"/>).</summary>
        public static bool IsLeaf(PolicyContext context)
        {
            string? id = context.File.PolicyId;
            if (string.IsNullOrEmpty(id)) return true;
            return context.Set.IsLeaf(context.File, reportedOnly: true);
        }
    }

    internal static class MetadataValues
    {
        /// <summary>Items that name a field of the provider's requests or responses: those names are case-sensitive.</summary>
        private static readonly FrozenSet<string> FieldNameKeys = new[]
        {
            "ClientIdParamName", "ClientSecretParamName", "ExtraParamsInAccessTokenEndpointResponse",
            "ExtraParamsInClaimsEndpointRequest", "ResponseErrorCodeParamName", "external_user_identity_claim_id",
        }.ToFrozenSet(StringComparer.Ordinal);

        /// <summary>Equal as the service reads them: 0/1 for false/true, spaces around list commas ignored, case ignored except in field names.</summary>
        public static bool Same(string key, string actual, string expected)
        {
            string a = Canonical(actual), e = Canonical(expected);
            return string.Equals(a, e, FieldNameKeys.Contains(key) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }

        private static string Canonical(string value)
        {
            string v = value.Trim();
            if (v == "0") return "false";
            if (v == "1") return "true";
            return string.Join(",", v.Split(',').Select(s => s.Trim()));
        }

        public static PolicyNode? Item(MergedTechnicalProfile profile, string key)
            => profile.Metadata.TryGetValue(key, out var item) ? item : null;
    }
}
