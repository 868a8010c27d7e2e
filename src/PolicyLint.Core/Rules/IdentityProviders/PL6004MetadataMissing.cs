using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>A metadata item the provider needs is absent from the merged profile.</summary>
    public sealed class PL6004MetadataMissing : IdentityProviderRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6004",
            "Provider metadata missing",
            "{0} profile '{1}' has no metadata item '{2}' in {3}; the provider needs {4} (see {5})",
            DiagnosticSeverity.Error,
            "Checked on the profile merged along the inheritance chain, so an item set in the base or in the extensions counts.");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            // Where the items were looked for: the profile's nearest declaration and its bases, the same whatever relying party found it.
            string where = context.DescribeFrom(profile.Nearest);
            foreach (var rule in provider.Metadata)
            {
                if (!rule.Required || MetadataValues.Item(profile, rule.Key) != null) continue;
                string needs = rule.Value == null ? "it" : $"<Item Key=\"{rule.Key}\">{rule.Value}</Item>";
                context.Report(profile.Nearest, provider.Name, NameOf(profile), rule.Key, where, needs, provider.DocsUrl);
            }
            if (provider.RequiredScopes.Count > 0 && MetadataValues.Item(profile, "scope") == null)
                context.Report(profile.Nearest, provider.Name, NameOf(profile), "scope", where,
                    $"<Item Key=\"scope\">{string.Join(" ", provider.RequiredScopes)}</Item>", provider.DocsUrl);
        }
    }
}
