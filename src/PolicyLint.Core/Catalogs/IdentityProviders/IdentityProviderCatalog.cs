using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs.IdentityProviders
{
    /// <summary>
    /// The identity providers Microsoft documents for custom policies (b2c-reference/identity-providers.md).
    /// Adding a provider = adding one entry. Order matters only for ties in recognition: the more specific
    /// entry comes first (Entra multi-tenant before single tenant).
    /// </summary>
    public static class IdentityProviderCatalog
    {
        public static IReadOnlyList<IdentityProvider> All { get; } = new List<IdentityProvider>
        {
            new IdentityProvider("WeChat", "OAuth2", "identity-provider-wechat")
            {
                TechnicalProfileId = "WeChat-OAUTH",
                ProviderNames = { "wechat" },
                Domains = { "wechat.com" },
                Hosts = { "open.weixin.qq.com", "api.weixin.qq.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://open.weixin.qq.com/connect/qrconnect"),
                    Url("AccessTokenEndpoint", "https://api.weixin.qq.com/sns/oauth2/access_token"),
                    Url("ClaimsEndpoint", "https://api.weixin.qq.com/sns/userinfo"),
                },
                RequiredScopes = { "snsapi_login" },
                Metadata =
                {
                    Must("ClientIdParamName", "appid"),
                    Must("ClientSecretParamName", "secret"),
                    Must("ExtraParamsInAccessTokenEndpointResponse", "openid"),
                    Must("ExtraParamsInClaimsEndpointRequest", "openid"),
                    Must("ResponseErrorCodeParamName", "errcode"),
                    Must("external_user_identity_claim_id", "unionid"),
                    Must("HttpBinding", "GET"),
                    Must("AccessTokenResponseFormat", "json"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "unionid" },
                ArticleUserIdTarget = "UserId",
                IdentityProviderValues = { "wechat.com" },
                Mistakes =
                {
                    new KnownMistake("scope", "snsapi_userinfo", "snsapi_userinfo belongs to the in-WeChat oauth2/authorize endpoint (pages opened inside WeChat), not to the qrconnect sign-in endpoint"),
                    new KnownMistake("scope", "snsapi_base", "snsapi_base belongs to the in-WeChat oauth2/authorize endpoint (pages opened inside WeChat), not to the qrconnect sign-in endpoint"),
                    new KnownMistake("authorization_endpoint", "https://open.weixin.qq.com/connect/oauth2/authorize", "oauth2/authorize serves pages opened inside WeChat (scopes snsapi_base/snsapi_userinfo); browser sign-in uses qrconnect with snsapi_login"),
                    new KnownMistake("external_user_identity_claim_id", "openid", "openid differs for each WeChat app; unionid is the same across the apps bound to one Open Platform account"),
                },
            },
            new IdentityProvider("QQ", "OAuth2", "identity-provider-qq")
            {
                TechnicalProfileId = "QQ-OAUTH",
                ProviderNames = { "qq" },
                Domains = { "qq.com" },
                Hosts = { "graph.qq.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://graph.qq.com/oauth2.0/authorize"),
                    Url("AccessTokenEndpoint", "https://graph.qq.com/oauth2.0/token"),
                    Url("ClaimsEndpoint", "https://graph.qq.com/oauth2.0/me"),
                },
                RequiredScopes = { "get_user_info" },
                Metadata =
                {
                    Must("HttpBinding", "GET"),
                    Must("ClaimsResponseFormat", "JsonP"),
                    Must("ResponseErrorCodeParamName", "error"),
                    Must("external_user_identity_claim_id", "openid"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "openid" },
                ArticleUserIdTarget = "UserId",
                IdentityProviderValues = { "qq.com" },
            },
            new IdentityProvider("Weibo", "OAuth2", "identity-provider-weibo")
            {
                TechnicalProfileId = "Weibo-OAuth2",
                ProviderNames = { "weibo" },
                Domains = { "weibo.com" },
                Hosts = { "api.weibo.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://api.weibo.com/oauth2/authorize"),
                    Url("AccessTokenEndpoint", "https://api.weibo.com/oauth2/access_token"),
                    Url("ClaimsEndpoint", "https://api.weibo.com/2/account/get_uid.json"),
                },
                Metadata =
                {
                    Must("external_user_identity_claim_id", "uid"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "uid" },
                IdentityProviderValues = { "weibo.com" },
            },
            new IdentityProvider("Facebook", "OAuth2", "identity-provider-facebook")
            {
                TechnicalProfileId = "Facebook-OAUTH",
                ProviderNames = { "facebook" },
                Domains = { "facebook.com" },
                Hosts = { "www.facebook.com", "graph.facebook.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://www.facebook.com/dialog/oauth", "https://www.facebook.com/{version}/dialog/oauth"),
                    Url("AccessTokenEndpoint", "https://graph.facebook.com/oauth/access_token", "https://graph.facebook.com/{version}/oauth/access_token"),
                    Url("ClaimsEndpoint", "https://graph.facebook.com/me", "https://graph.facebook.com/{version}/me"),
                },
                Metadata =
                {
                    Must("HttpBinding", "GET"),
                    Must("AccessTokenResponseFormat", "json"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "id" },
                IdentityProviderValues = { "facebook.com" },
                Mistakes =
                {
                    new KnownMistake("scope", "user_impersonation", "user_impersonation is an Entra ID API scope, not a Facebook permission (the starter pack asks for 'email public_profile')"),
                },
            },
            new IdentityProvider("Google", "OAuth2", "identity-provider-google")
            {
                TechnicalProfileId = "Google-OAuth2",
                ProviderNames = { "google" },
                Domains = { "google.com" },
                Hosts = { "accounts.google.com", "www.googleapis.com", "oauth2.googleapis.com", "openidconnect.googleapis.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://accounts.google.com/o/oauth2/auth", "https://accounts.google.com/o/oauth2/v2/auth"),
                    new EndpointRule("AccessTokenEndpoint",
                        new[] { "https://accounts.google.com/o/oauth2/token", "https://oauth2.googleapis.com/token" },
                        // Google's earlier discovery document's token endpoint; still served.
                        new[] { "https://www.googleapis.com/oauth2/v4/token" }),
                    Url("ClaimsEndpoint", "https://www.googleapis.com/oauth2/v1/userinfo", "https://www.googleapis.com/oauth2/v2/userinfo"),
                },
                Metadata = { Doc("HttpBinding", "POST") },
                KeyIds = { "client_secret" },
                UserIdClaims = { "id" },
                IdentityProviderValues = { "google.com" },
                Mistakes =
                {
                    new KnownMistake("ClaimsEndpoint", "https://openidconnect.googleapis.com/", "the OpenID Connect userinfo endpoint returns the user id as 'sub', not as the 'id' the documented profile maps"),
                },
            },
            new IdentityProvider("Apple", "OpenIdConnect", "identity-provider-apple-id")
            {
                TechnicalProfileId = "Apple-OIDC",
                ProviderNames = { "apple" },
                Domains = { "apple.com" },
                Hosts = { "appleid.apple.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://appleid.apple.com/auth/authorize"),
                    Url("AccessTokenEndpoint", "https://appleid.apple.com/auth/token"),
                    Url("JWKS", "https://appleid.apple.com/auth/keys"),
                    Url("issuer", "https://appleid.apple.com"),
                    Url("METADATA", "https://appleid.apple.com/.well-known/openid-configuration"),
                },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Must("response_mode", "form_post"),
                    Doc("response_types", "code"),
                    Doc("external_user_identity_claim_id", "sub"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
                IdentityProviderValues = { "https://appleid.apple.com" },
            },
            new IdentityProvider("GitHub", "OAuth2", "identity-provider-github")
            {
                TechnicalProfileId = "GitHub-OAuth2",
                ProviderNames = { "github.com" },
                Domains = { "github.com" },
                Hosts = { "github.com", "api.github.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://github.com/login/oauth/authorize"),
                    Url("AccessTokenEndpoint", "https://github.com/login/oauth/access_token"),
                    Url("ClaimsEndpoint", "https://api.github.com/user"),
                },
                Metadata =
                {
                    Must("BearerTokenTransmissionMethod", "AuthorizationHeader"),
                    Must("UserAgentForClaimsExchange", null),
                    // The article gives GET; GitHub documents its token endpoint as POST (docs.github.com, "Authorizing OAuth apps"),
                    // which is also what OAuth 2.0 requires of token requests (RFC 6749 §3.2): both work.
                    Doc("HttpBinding", "GET", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "id" },
                IdentityProviderValues = { "github.com" },
            },
            new IdentityProvider("LinkedIn (OpenID Connect)", "OpenIdConnect", "identity-provider-linkedin")
            {
                TechnicalProfileId = "LinkedIn-OIDC",
                ProviderNames = { "linkedin" },
                Domains = { "linkedin.com" },
                Hosts = { "www.linkedin.com", "api.linkedin.com" },
                Endpoints = { Url("METADATA", "https://www.linkedin.com/oauth/.well-known/openid-configuration") },
                RequiredScopes = { "openid", "email" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "email" },
                IdentityProviderValues = { "linkedin.com" },
            },
            new IdentityProvider("LinkedIn (OAuth2)", "OAuth2", "identity-provider-linkedin")
            {
                TechnicalProfileId = "LinkedIn-OAuth2",
                ProviderNames = { "linkedin" },
                Domains = { "linkedin.com" },
                Hosts = { "www.linkedin.com", "api.linkedin.com" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://www.linkedin.com/oauth/v2/authorization"),
                    Url("AccessTokenEndpoint", "https://www.linkedin.com/oauth/v2/accessToken"),
                    Url("ClaimsEndpoint", "https://api.linkedin.com/v2/me"),
                },
                RequiredScopes = { "r_liteprofile" },
                Metadata =
                {
                    Must("BearerTokenTransmissionMethod", "AuthorizationHeader"),
                    Must("ResolveJsonPathsInJsonTokens", "true"),
                    Doc("external_user_identity_claim_id", "id"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "id" },
                IdentityProviderValues = { "linkedin.com" },
                Mistakes =
                {
                    new KnownMistake("ClaimsEndpoint", "https://api.linkedin.com/v1/", "LinkedIn's v1 API is retired; the v2 profile is https://api.linkedin.com/v2/me with scope r_liteprofile"),
                },
            },
            new IdentityProvider("Twitter", "OAuth1", "identity-provider-twitter")
            {
                TechnicalProfileId = "Twitter-OAuth1",
                ProviderNames = { "Twitter" },
                Domains = { "twitter.com" },
                Hosts = { "api.twitter.com" },
                Endpoints =
                {
                    // X's developer docs give the same paths on api.x.com; api.twitter.com still answers.
                    new EndpointRule("authorization_endpoint", new[] { "https://api.twitter.com/oauth/authenticate" }, new[] { "https://api.x.com/oauth/authenticate", "https://api.twitter.com/oauth/authorize", "https://api.x.com/oauth/authorize" }),
                    new EndpointRule("access_token_endpoint", new[] { "https://api.twitter.com/oauth/access_token" }, new[] { "https://api.x.com/oauth/access_token" }),
                    new EndpointRule("request_token_endpoint", new[] { "https://api.twitter.com/oauth/request_token" }, new[] { "https://api.x.com/oauth/request_token" }),
                    new EndpointRule("ClaimsEndpoint", new[] { "https://api.twitter.com/1.1/account/verify_credentials.json" }, new[] { "https://api.x.com/1.1/account/verify_credentials.json" }),
                },
                Metadata = { Doc("ClaimsResponseFormat", "json") },
                KeyIds = { "client_secret" },
                UserIdClaims = { "user_id" },
                IdentityProviderValues = { "twitter.com" },
            },
            new IdentityProvider("Amazon", "OAuth2", "identity-provider-amazon")
            {
                TechnicalProfileId = "Amazon-OAUTH",
                ProviderNames = { "amazon" },
                Domains = { "amazon.com" },
                Hosts = { "www.amazon.com", "api.amazon.com" },
                Endpoints =
                {
                    // Login with Amazon serves Europe and Far East customers from regional hosts (its developer guide).
                    new EndpointRule("authorization_endpoint", new[] { "https://www.amazon.com/ap/oa" },
                        new[] { "https://{region}.account.amazon.com/ap/oa", "https://www.amazon.{tld}/ap/oa" }),
                    new EndpointRule("AccessTokenEndpoint", new[] { "https://api.amazon.com/auth/o2/token" },
                        new[] { "https://api.amazon.{tld}/auth/o2/token" }),
                    new EndpointRule("ClaimsEndpoint", new[] { "https://api.amazon.com/user/profile" },
                        new[] { "https://api.amazon.{tld}/user/profile" }),
                },
                RequiredScopes = { "profile" },
                Metadata = { Doc("HttpBinding", "POST") },
                KeyIds = { "client_secret" },
                UserIdClaims = { "user_id" },
                IdentityProviderValues = { "amazon.com" },
            },
            new IdentityProvider("Microsoft account", "OpenIdConnect", "identity-provider-microsoft-account")
            {
                TechnicalProfileId = "MSA-MicrosoftAccount-OpenIdConnect",
                ProviderNames = { "https://login.live.com" },
                Domains = { "live.com" },
                Hosts = { "login.live.com" },
                Endpoints =
                {
                    new EndpointRule("METADATA", new[] { "https://login.live.com/.well-known/openid-configuration" },
                        // Personal accounts through the Microsoft identity platform: the consumers tenant, by name or by its Id.
                        new[]
                        {
                            "https://login.microsoftonline.com/consumers/v2.0/.well-known/openid-configuration",
                            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0/.well-known/openid-configuration",
                        }),
                },
                RequiredScopes = { "openid", "profile" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                // The provider article maps oid; the OpenID Connect technical-profile reference's older example maps sub.
                UserIdClaims = { "oid", "sub" },
            },
            new IdentityProvider("Microsoft Entra ID (multi-tenant)", "OpenIdConnect", "identity-provider-azure-ad-multi-tenant")
            {
                TechnicalProfileId = "AADCommon-OpenIdConnect",
                Domains = { "commonaad" },
                Endpoints =
                {
                    new EndpointRule("METADATA",
                        new[] { "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration" },
                        EntraVariants("common").Concat(EntraVariants("organizations")).ToArray()),
                },
                RequiredScopes = { "openid", "profile" },
                Metadata =
                {
                    Must("DiscoverMetadataByTokenIssuer", "true"),
                    Must("ValidTokenIssuerPrefixes", null),
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "oid" },
            },
            new IdentityProvider("Microsoft Entra ID (single tenant)", "OpenIdConnect", "identity-provider-azure-ad-single-tenant")
            {
                TechnicalProfileId = "AADContoso-OpenIdConnect",
                Endpoints =
                {
                    new EndpointRule("METADATA", new[] { "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration" }, EntraVariants("{tenant}")),
                },
                RequiredScopes = { "openid", "profile" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "oid" },
            },
            new IdentityProvider("AD FS (OpenID Connect)", "OpenIdConnect", "identity-provider-adfs")
            {
                TechnicalProfileId = "Contoso-OpenIdConnect",
                Endpoints = { Url("METADATA", "https://{adfs-domain}/adfs/.well-known/openid-configuration") },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Doc("response_types", "id_token"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                UserIdClaims = { "upn" },
            },
            new IdentityProvider("AD FS (SAML)", "SAML2", "identity-provider-adfs-saml")
            {
                TechnicalProfileId = "Contoso-SAML2",
                Endpoints = { Url("PartnerEntity", "https://{adfs-domain}/federationmetadata/2007-06/federationmetadata.xml") },
                Metadata = { Doc("WantsEncryptedAssertions", "false") },
                KeyIds = { "SamlMessageSigning" },
                UserIdClaims = { "userPrincipalName" },
            },
            new IdentityProvider("Salesforce (OpenID Connect)", "OpenIdConnect", "identity-provider-salesforce")
            {
                TechnicalProfileId = "Salesforce-OpenIdConnect",
                Domains = { "salesforce.com" },
                Hosts = { "login.salesforce.com", "test.salesforce.com" },
                Endpoints =
                {
                    new EndpointRule("METADATA",
                        new[] { "https://login.salesforce.com/.well-known/openid-configuration", "https://test.salesforce.com/.well-known/openid-configuration" },
                        new[] { "https://{community}/.well-known/openid-configuration", "https://{community}/{site}/.well-known/openid-configuration" }),
                },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
                IdentityProviderValues = { "salesforce.com" },
            },
            new IdentityProvider("Salesforce (SAML)", "SAML2", "identity-provider-salesforce-saml")
            {
                TechnicalProfileId = "Salesforce-SAML2",
                Domains = { "salesforce.com" },
                Endpoints =
                {
                    new EndpointRule("PartnerEntity", new[] { "https://{org}.my.salesforce.com/.well-known/samlidp.xml" },
                        // Salesforce serves each connected app's metadata at samlidp/<app>.xml, and a community's under its own URL.
                        new[]
                        {
                            "https://{org}.my.salesforce.com/.well-known/samlidp/{app}.xml",
                            "https://{community}/.well-known/samlidp.xml", "https://{community}/.well-known/samlidp/{app}.xml",
                            "https://{community}/{site}/.well-known/samlidp.xml", "https://{community}/{site}/.well-known/samlidp/{app}.xml",
                        }),
                },
                Metadata =
                {
                    Doc("WantsEncryptedAssertions", "false"),
                    Doc("WantsSignedAssertions", "false"),
                },
                KeyIds = { "SamlMessageSigning" },
                UserIdClaims = { "userId" },
                IdentityProviderValues = { "salesforce.com" },
            },
            new IdentityProvider("ID.me", "OAuth2", "identity-provider-id-me")
            {
                TechnicalProfileId = "IdMe-OAUTH2",
                ProviderNames = { "api.id.me" },
                Domains = { "id.me" },
                Hosts = { "api.id.me" },
                Endpoints =
                {
                    // ID.me's sandbox answers the same paths on api.idmelabs.com.
                    new EndpointRule("authorization_endpoint", new[] { "https://api.id.me/oauth/authorize" }, new[] { "https://api.idmelabs.com/oauth/authorize" }),
                    new EndpointRule("AccessTokenEndpoint", new[] { "https://api.id.me/oauth/token" }, new[] { "https://api.idmelabs.com/oauth/token" }),
                    new EndpointRule("ClaimsEndpoint", new[] { "https://api.id.me/api/public/v2/attributes.json" }, new[] { "https://api.idmelabs.com/api/public/v2/attributes.json" }),
                },
                Metadata = { Doc("HttpBinding", "POST") },
                KeyIds = { "client_secret" },
                UserIdClaims = { "uuid" },
                // The article's value is me.id.com (sic); the provider's own domain is accepted too.
                IdentityProviderValues = { "me.id.com", "id.me" },
            },
            new IdentityProvider("PingOne", "OpenIdConnect", "identity-provider-ping-one")
            {
                TechnicalProfileId = "PingOne-OpenIdConnect",
                Domains = { "pingone.com" },
                Hosts = { "auth.pingone.com", "auth.pingone.eu", "auth.pingone.asia", "auth.pingone.ca" },
                Endpoints = { Url("METADATA", "https://auth.pingone.{region}/{environment-id}/as/.well-known/openid-configuration") },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
            },
            new IdentityProvider("Mobile ID", "OAuth2", "identity-provider-mobile-id")
            {
                TechnicalProfileId = "MobileID-OAuth2",
                ProviderNames = { "Mobile-ID" },
                Domains = { "mobileid.ch" },
                Hosts = { "m.mobileid.ch", "openid.mobileid.ch" },
                Endpoints =
                {
                    Url("authorization_endpoint", "https://m.mobileid.ch/oidc/authorize"),
                    Url("AccessTokenEndpoint", "https://openid.mobileid.ch/token"),
                    Url("ClaimsEndpoint", "https://openid.mobileid.ch/userinfo"),
                },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Must("BearerTokenTransmissionMethod", "AuthorizationHeader"),
                    Doc("token_endpoint_auth_method", "client_secret_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
                IdentityProviderValues = { "mobileid.ch" },
            },
            new IdentityProvider("eBay", "OAuth2", "identity-provider-ebay")
            {
                TechnicalProfileId = "eBay-OAUTH2",
                ProviderNames = { "ebay.com" },
                Domains = { "ebay.com" },
                Hosts = { "auth.ebay.com", "api.ebay.com", "apiz.ebay.com" },
                Endpoints =
                {
                    // eBay's sandbox answers the same paths on its sandbox hosts.
                    new EndpointRule("authorization_endpoint", new[] { "https://auth.ebay.com/oauth2/authorize" }, new[] { "https://auth.sandbox.ebay.com/oauth2/authorize" }),
                    new EndpointRule("AccessTokenEndpoint", new[] { "https://api.ebay.com/identity/v1/oauth2/token" }, new[] { "https://api.sandbox.ebay.com/identity/v1/oauth2/token" }),
                    new EndpointRule("ClaimsEndpoint", new[] { "https://apiz.ebay.com/commerce/identity/v1/user" }, new[] { "https://apiz.sandbox.ebay.com/commerce/identity/v1/user" }),
                },
                RequiredScopes = { "https://api.ebay.com/oauth/api_scope/commerce.identity.readonly" },
                Metadata =
                {
                    Must("BearerTokenTransmissionMethod", "AuthorizationHeader"),
                    Must("token_endpoint_auth_method", "client_secret_basic"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "userId" },
                IdentityProviderValues = { "ebay.com" },
            },
            new IdentityProvider("Azure AD B2C", "OpenIdConnect", "identity-provider-azure-ad-b2c")
            {
                TechnicalProfileId = "AzureADB2CFabrikam-OpenIdConnect",
                Endpoints =
                {
                    new EndpointRule("METADATA",
                        new[]
                        {
                            "https://{tenant}.b2clogin.com/{tenant}.onmicrosoft.com/{policy}/v2.0/.well-known/openid-configuration",
                            "https://{tenant}.b2clogin.com/{tenant}.onmicrosoft.com/v2.0/.well-known/openid-configuration",
                        },
                        // The tenant by its Id, a custom domain (custom-domain article), the policy as ?p= (query strings are not compared).
                        new[]
                        {
                            "https://{host}/{tenant}/{policy}/v2.0/.well-known/openid-configuration",
                            "https://{host}/{tenant}/v2.0/.well-known/openid-configuration",
                        }),
                },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
            },
            new IdentityProvider("SwissID", "OpenIdConnect", "identity-provider-swissid")
            {
                TechnicalProfileId = "SwissID-OpenIdConnect",
                Domains = { "swissid.com" },
                Hosts = { "login.sandbox.pre.swissid.ch", "login.swissid.ch" },
                Endpoints =
                {
                    new EndpointRule("METADATA",
                        new[] { "https://login.sandbox.pre.swissid.ch/idp/oauth2/.well-known/openid-configuration" },
                        // Production's URL comes from SwissID support; accept SwissID's hosts with the same path.
                        new[] { "https://{host}.swissid.ch/idp/oauth2/.well-known/openid-configuration" }),
                },
                RequiredScopes = { "openid" },
                Metadata =
                {
                    Doc("response_types", "code"),
                    Doc("response_mode", "form_post"),
                    Doc("HttpBinding", "POST"),
                },
                KeyIds = { "client_secret" },
                UserIdClaims = { "sub" },
            },
        };

        /// <summary>A value the provider needs: missing is PL6004, different is PL6003. A null value only asks for presence.</summary>
        private static MetadataRule Must(string key, string? value) => new MetadataRule(key, value, required: true);

        /// <summary>A documented value: different is PL6003; absent is left to the protocol's default.</summary>
        private static MetadataRule Doc(string key, string value, params string[] alsoAccepted) => new MetadataRule(key, value, required: false, alsoAccepted);

        private static EndpointRule Url(string key, params string[] documented) => new EndpointRule(key, documented);

        /// <summary>
        /// An Entra ID tenant's (or common's) discovery document on every Entra host, v2.0 and v1: the earlier version of the
        /// multi-tenant article used https://login.windows.net/common/.well-known/openid-configuration, and v1 works alike.
        /// </summary>
        private static string[] EntraVariants(string tenant)
            // Entra ID hosts that serve the same discovery documents as login.microsoftonline.com (national clouds included).
            // (A local list: a static field would be set only after All, which uses it.)
            => new[]
            {
                "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net",
                "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
            }.SelectMany(host => new[]
            {
                $"https://{host}/{tenant}/v2.0/.well-known/openid-configuration",
                $"https://{host}/{tenant}/.well-known/openid-configuration",
            }).ToArray();
    }
}
