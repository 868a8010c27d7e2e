using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>
    /// Decides which documented provider a merged technical profile configures, from its ProviderName
    /// metadata, its endpoint and metadata URLs and its ClaimsProvider Domain. The protocol must be the
    /// documented one (LinkedIn OAuth2 and LinkedIn OpenID Connect are two entries).
    /// </summary>
    public static class IdentityProviderRecognizer
    {
        /// <summary>Metadata items that hold a URL of the provider.</summary>
        private static readonly ImmutableArray<string> UrlKeys = IdentityProviderCatalog.All
            .SelectMany(p => p.Endpoints.Select(e => e.Key))
            .Distinct(StringComparer.Ordinal).ToImmutableArray();

        private static readonly FrozenSet<string> IdpProtocols = new[]
        {
            Protocols.OAuth1, Protocols.OAuth2, Protocols.OpenIdConnect, Protocols.Saml2,
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        public static IdentityProvider? Recognize(MergedTechnicalProfile profile)
        {
            string? protocol = profile.ProtocolName;
            if (protocol == null || !IdpProtocols.Contains(protocol)) return null;

            string? providerName = profile.MetadataValue(MetadataKeys.ProviderName)?.Trim();
            var domains = Domains(profile);
            var urls = UrlKeys.Select(k => UrlPattern.Normalize(profile.MetadataValue(k))).Where(u => u != null).Select(u => u!).ToList();
            var hosts = new HashSet<string>(urls.Select(UrlPattern.Host), StringComparer.OrdinalIgnoreCase);

            IdentityProvider? best = null;
            int bestScore = 0;
            foreach (var provider in IdentityProviderCatalog.All)
            {
                if (!string.Equals(provider.Protocol, protocol, StringComparison.OrdinalIgnoreCase)) continue;
                int score = 0;
                if (providerName != null && provider.ProviderNames.Contains(providerName, StringComparer.OrdinalIgnoreCase)) score += 4;
                if (domains.Any(d => provider.Domains.Contains(d, StringComparer.OrdinalIgnoreCase))) score += 3;
                if (provider.Hosts.Any(hosts.Contains)) score += 2;
                foreach (var endpoint in provider.Endpoints)
                {
                    string? value = profile.MetadataValue(endpoint.Key);
                    if (endpoint.Documented.Any(d => UrlPattern.Matches(value, d))) score += 1;
                }
                if (score > bestScore)
                {
                    best = provider;
                    bestScore = score;
                }
            }
            return best;
        }

        /// <summary>The Domain of the profile's ClaimsProviders (or of the profile itself) along the chain.</summary>
        private static List<string> Domains(MergedTechnicalProfile profile)
        {
            var result = new List<string>();
            foreach (var part in profile.OwnParts)
            {
                string? own = part.ChildText("Domain");
                if (own != null) result.Add(own.Trim());
                string? provider = part.Parent?.Parent?.ChildText("Domain");
                if (provider != null) result.Add(provider.Trim());
            }
            return result;
        }
    }
}
