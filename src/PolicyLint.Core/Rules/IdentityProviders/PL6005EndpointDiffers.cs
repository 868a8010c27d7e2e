using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>
    /// An authorization, token, claims or metadata endpoint whose host or path is not the provider's. Providers serve more
    /// URLs than their B2C article names (regions, sandboxes, per-app metadata, older versions), so an unknown URL is a
    /// warning; an error only for a URL the catalog knows to fail (a known mistake, with why).
    /// </summary>
    public sealed class PL6005EndpointDiffers : IdentityProviderRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6005",
            "Provider endpoint differs from the documented one",
            "{0} profile '{1}' {2} '{3}' is not the provider's endpoint; the documented one is '{4}'{5} (see {6})",
            DiagnosticSeverity.Warning,
            "Host and path are compared; the scheme (PL7005), the query string and a trailing slash are not. Parts of the documented URL in braces stand for a tenant- or environment-specific part. An error when the URL is a known mistake that fails at sign-in, else a warning.");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            foreach (var endpoint in provider.Endpoints)
            {
                var item = MetadataValues.Item(profile, endpoint.Key);
                string? value = item?.Text;
                if (item == null || value == null || Placeholders.IsDynamic(value) || UrlPattern.Normalize(value) == null) continue;
                if (endpoint.Documented.Concat(endpoint.AlsoAccepted).Any(d => UrlPattern.Matches(value, d))) continue;
                string normalized = UrlPattern.Normalize(value)!;
                string why = Explain(provider, endpoint.Key, prefix => normalized.StartsWith(UrlPattern.Normalize(prefix) ?? prefix, StringComparison.Ordinal));
                var severity = why.Length > 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                context.ReportText(severity, item.Value, provider.Name, NameOf(profile), endpoint.Key, value, endpoint.Documented[0], why, provider.DocsUrl);
            }
        }
    }
}
