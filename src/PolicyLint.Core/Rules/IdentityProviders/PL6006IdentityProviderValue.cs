using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>The identityProvider claim's DefaultValue is not the provider's documented domain.</summary>
    public sealed class PL6006IdentityProviderValue : IdentityProviderRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6006",
            "identityProvider value differs from the provider's domain",
            "{0} profile '{1}' sets identityProvider to '{2}'; the documented value is '{3}'. The value is part of the account-linking key, so changing it later orphans the accounts of existing users (see {4})",
            DiagnosticSeverity.Warning,
            "alternativeSecurityId combines the user id with identityProvider: accounts created under one value are not found under another.");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            if (provider.IdentityProviderValues.Count == 0) return; // mapped from the token's iss
            foreach (var claim in profile.OutputClaims)
            {
                if (!string.Equals(claim["ClaimTypeReferenceId"], "identityProvider", StringComparison.OrdinalIgnoreCase)) continue;
                var value = claim.Attribute("DefaultValue");
                if (value == null || claim["PartnerClaimType"] != null || Placeholders.IsDynamic(value.Value)) continue;
                if (provider.IdentityProviderValues.Contains(value.Value.Trim(), StringComparer.OrdinalIgnoreCase)) continue;
                context.Report(value, provider.Name, NameOf(profile), value.Value, provider.IdentityProviderValues[0], provider.DocsUrl);
            }
        }
    }
}
