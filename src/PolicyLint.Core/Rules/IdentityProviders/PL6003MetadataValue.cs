using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>A metadata item the provider documents holds another value.</summary>
    public sealed class PL6003MetadataValue : IdentityProviderRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6003",
            "Provider metadata differs from the documented value",
            "{0} profile '{1}' sets {2} to '{3}'; the documented value is '{4}'{5} (see {6})",
            DiagnosticSeverity.Error,
            "Providers that do not follow OAuth 2.0 to the letter (WeChat, QQ) or need a particular request shape (GitHub, eBay, LinkedIn) work only with the metadata values their article gives.");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            foreach (var rule in provider.Metadata)
            {
                if (rule.Value == null) continue;
                var item = MetadataValues.Item(profile, rule.Key);
                if (item == null) continue; // PL6004
                string value = item.Value.Text ?? string.Empty;
                if (Placeholders.IsDynamic(value) || MetadataValues.Same(rule.Key, value, rule.Value)
                    || rule.AlsoAccepted.Any(also => MetadataValues.Same(rule.Key, value, also))) continue;
                string why = Explain(provider, rule.Key, v => string.Equals(v, value.Trim(), StringComparison.Ordinal));
                context.ReportText(item, provider.Name, NameOf(profile), rule.Key, value, rule.Value, why, provider.DocsUrl);
            }
        }
    }
}
