using System;
using System.Collections.Generic;

namespace PolicyLint.Catalogs.IdentityProviders
{
    /// <summary>
    /// One identity provider as Microsoft documents its custom-policy technical profile: how a profile is
    /// recognised as this provider and the values the documented configuration depends on.
    /// </summary>
    public sealed class IdentityProvider
    {
        public const string DocsBase = "https://learn.microsoft.com/azure/active-directory-b2c/";

        public IdentityProvider(string name, string protocol, string docsPage)
        {
            Name = name;
            Protocol = protocol;
            DocsUrl = DocsBase + docsPage;
        }

        /// <summary>How messages name the provider, e.g. "WeChat".</summary>
        public string Name { get; }
        /// <summary>The documented Protocol Name: OAuth1, OAuth2, OpenIdConnect or SAML2.</summary>
        public string Protocol { get; }
        /// <summary>The page the facts come from.</summary>
        public string DocsUrl { get; }
        /// <summary>The Id the docs give the technical profile.</summary>
        public string TechnicalProfileId { get; set; } = "";

        // How a profile is recognised.
        /// <summary>ProviderName metadata values (case-insensitive).</summary>
        public List<string> ProviderNames { get; } = new List<string>();
        /// <summary>ClaimsProvider (or TechnicalProfile) Domain values that only this provider uses.</summary>
        public List<string> Domains { get; } = new List<string>();
        /// <summary>Hosts of endpoints or metadata URLs that only this provider uses.</summary>
        public List<string> Hosts { get; } = new List<string>();

        // What the documented configuration depends on.
        public List<EndpointRule> Endpoints { get; } = new List<EndpointRule>();
        /// <summary>Scope values the profile must request (space or comma separated in the scope item).</summary>
        public List<string> RequiredScopes { get; } = new List<string>();
        /// <summary>Metadata the provider needs with its documented value.</summary>
        public List<MetadataRule> Metadata { get; } = new List<MetadataRule>();
        /// <summary>CryptographicKeys Ids of the documented profile (PL5005 checks them generically).</summary>
        public List<string> KeyIds { get; } = new List<string>();
        /// <summary>Partner claims that carry the provider's stable user id, the documented one first (e.g. WeChat unionid).</summary>
        public List<string> UserIdClaims { get; } = new List<string>();
        /// <summary>The claim Microsoft's article maps the user id to when that claim does not link accounts (WeChat, QQ: UserId).</summary>
        public string? ArticleUserIdTarget { get; set; }
        /// <summary>Accepted identityProvider DefaultValues, the documented one first; empty when the profile maps it from iss.</summary>
        public List<string> IdentityProviderValues { get; } = new List<string>();
        /// <summary>Known wrong values with the explanation a message gives.</summary>
        public List<KnownMistake> Mistakes { get; } = new List<KnownMistake>();

        public override string ToString() => Name + " (" + Protocol + ")";
    }

    /// <summary>A metadata item the provider documents. Value null: any value, the item must only be present.</summary>
    public sealed class MetadataRule
    {
        public MetadataRule(string key, string? value, bool required, params string[] alsoAccepted)
        {
            Key = key;
            Value = value;
            Required = required;
            AlsoAccepted = alsoAccepted;
        }

        public string Key { get; }
        public string? Value { get; }
        /// <summary>Other values known to work, though the article gives <see cref="Value"/>.</summary>
        public IReadOnlyList<string> AlsoAccepted { get; }
        /// <summary>Missing from the merged profile is an error (PL6004); otherwise only a differing value is (PL6003).</summary>
        public bool Required { get; }
    }

    /// <summary>An endpoint metadata item and the URLs the docs give for it; {name} parts stand for one tenant-specific part.</summary>
    public sealed class EndpointRule
    {
        public EndpointRule(string key, string[] documented, string[]? alsoAccepted = null)
        {
            Key = key;
            Documented = documented;
            AlsoAccepted = alsoAccepted ?? Array.Empty<string>();
        }

        public string Key { get; }
        /// <summary>Documented URLs; a match also recognises the provider.</summary>
        public IReadOnlyList<string> Documented { get; }
        /// <summary>URLs accepted without recognising the provider (e.g. a Salesforce community on any host).</summary>
        public IReadOnlyList<string> AlsoAccepted { get; }
    }

    /// <summary>A value known to be wrong for a metadata item, with why (e.g. WeChat's snsapi_userinfo scope).</summary>
    public sealed class KnownMistake
    {
        public KnownMistake(string key, string value, string explanation)
        {
            Key = key;
            Value = value;
            Explanation = explanation;
        }

        public string Key { get; }
        /// <summary>A scope token, or for endpoints a URL prefix (scheme and host included).</summary>
        public string Value { get; }
        public string Explanation { get; }
    }
}
