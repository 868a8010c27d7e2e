using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs
{
    /// <summary>
    /// Handler type names (technical-profiles.md §2; UserJourneyContext is undocumented), one place per name: rules and
    /// the claim flow name a handler through these.
    /// </summary>
    public static class HandlerNames
    {
        public const string AzureActiveDirectory = "Web.TPEngine.Providers.AzureActiveDirectoryProvider";
        public const string SelfAsserted = "Web.TPEngine.Providers.SelfAssertedAttributeProvider";
        public const string Restful = "Web.TPEngine.Providers.RestfulProvider";
        public const string ClaimsTransformation = "Web.TPEngine.Providers.ClaimsTransformationProtocolProvider";
        public const string PhoneFactor = "Web.TPEngine.Providers.PhoneFactorProtocolProvider";
        public const string AzureMfa = "Web.TPEngine.Providers.AzureMfaProtocolProvider";
        public const string AadSspr = "Web.TPEngine.Providers.AadSsprProtocolProvider";
        public const string OneTimePassword = "Web.TPEngine.Providers.OneTimePasswordProtocolProvider";
        public const string ConditionalAccess = "Web.TPEngine.Providers.ConditionalAccessProtocolProvider";
        public const string ApplicationInsights = "Web.TPEngine.Providers.Insights.AzureApplicationInsightsProvider";
        public const string Captcha = "Web.TPEngine.Providers.CaptchaProvider";
        public const string NoopSession = "Web.TPEngine.SSO.NoopSSOSessionProvider";
        public const string DefaultSession = "Web.TPEngine.SSO.DefaultSSOSessionProvider";
        public const string ExternalLoginSession = "Web.TPEngine.SSO.ExternalLoginSSOSessionProvider";
        public const string OAuthSession = "Web.TPEngine.SSO.OAuthSSOSessionProvider";
        public const string SamlSession = "Web.TPEngine.SSO.SamlSSOSessionProvider";
        public const string UserJourneyContext = "Web.TPEngine.Providers.UserJourneyContextProvider";

        /// <summary>What every SSO session manager's type name ends with (Web.TPEngine.SSO.*SSOSessionProvider).</summary>
        public const string SessionManagerSuffix = "SSOSessionProvider";

        /// <summary>The class part of a handler type name: "RestfulProvider" from "Web.TPEngine.Providers.RestfulProvider".</summary>
        public static string ClassName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);
    }

    /// <summary>Metadata keys that rules and the engine read by name; the technical-profile types below list them too.</summary>
    public static class MetadataKeys
    {
        public const string Operation = "Operation";
        public const string ContentDefinitionReferenceId = "ContentDefinitionReferenceId";
        public const string ProviderName = "ProviderName";
        public const string InstrumentationKey = "InstrumentationKey";
        public const string DeveloperMode = "DeveloperMode";
        public const string ServiceUrl = "ServiceUrl";
        public const string AuthenticationType = "AuthenticationType";
        public const string AllowInsecureAuthInProduction = "AllowInsecureAuthInProduction";
        /// <summary>The prefix of per-profile UI string overrides (language.button_continue).</summary>
        public const string LanguagePrefix = "language.";
    }

    /// <summary>The AuthenticationType values of the RESTful technical profile (restful-technical-profile).</summary>
    public static class RestAuthenticationTypes
    {
        public const string None = "None";
        public const string Basic = "Basic";
        public const string Bearer = "Bearer";
        public const string ClientCertificate = "ClientCertificate";
        public const string ApiKeyHeader = "ApiKeyHeader";
    }

    /// <summary>The Operation values of the Microsoft Entra ID technical profile (active-directory-technical-profile).</summary>
    public static class DirectoryOperations
    {
        public const string Read = "Read";
        public const string Write = "Write";
        public const string DeleteClaims = "DeleteClaims";
        public const string DeleteClaimsPrincipal = "DeleteClaimsPrincipal";
    }

    /// <summary>Technical-profile protocol names (technical-profiles.md §1).</summary>
    public static class Protocols
    {
        public const string Proprietary = "Proprietary";
        public const string None = "None";
        public const string OAuth1 = "OAuth1";
        public const string OAuth2 = "OAuth2";
        public const string OpenIdConnect = "OpenIdConnect";
        public const string Saml2 = "SAML2";
        public const string WsFed = "WsFed";
        public const string WsTrust = "WsTrust";
        public const string UProve11 = "UProve11";
    }

    /// <summary>A documented Metadata Item Key of one technical-profile type.</summary>
    public sealed class MetadataKeyInfo
    {
        internal MetadataKeyInfo(string key, bool required, string[]? allowedValues, Func<Func<string, string?>, bool>? requiredWhen, string? condition, bool words = false)
        {
            Words = words;
            Key = key;
            Required = required;
            AllowedValues = allowedValues;
            RequiredWhen = requiredWhen;
            Condition = condition;
        }

        public string Key { get; }
        /// <summary>Documented as required (possibly only under <see cref="Condition"/>).</summary>
        public bool Required { get; }
        /// <summary>The documented values (compared ignoring case), or null when the value is free.</summary>
        public IReadOnlyList<string>? AllowedValues { get; }
        internal Func<Func<string, string?>, bool>? RequiredWhen { get; }
        /// <summary>When a conditionally required key is required, in words.</summary>
        public string? Condition { get; }

        /// <summary>Whether the key is required given the profile's merged metadata.</summary>
        public bool IsRequired(Func<string, string?> metadata) => Required && (RequiredWhen == null || RequiredWhen(metadata));

        /// <summary>The value is a space-separated list of allowed words (response_types "code id_token").</summary>
        public bool Words { get; }

        public bool Allows(string value)
        {
            if (AllowedValues == null) return true;
            if (!Words) return IsAllowed(value.Trim());
            foreach (var part in value.Split(Space, StringSplitOptions.RemoveEmptyEntries))
                if (!IsAllowed(part)) return false;
            return true;
        }

        private static readonly char[] Space = { ' ' };

        private bool IsAllowed(string part)
        {
            foreach (var allowed in AllowedValues!)
                if (string.Equals(allowed, part, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    /// <summary>A documented CryptographicKeys/Key Id of one technical-profile type.</summary>
    public sealed class CryptographicKeyInfo
    {
        internal CryptographicKeyInfo(string id, Func<Func<string, string?>, bool>? requiredWhen, string? condition)
        {
            Id = id;
            RequiredWhen = requiredWhen;
            Condition = condition;
        }

        public string Id { get; }
        internal Func<Func<string, string?>, bool>? RequiredWhen { get; }
        /// <summary>When the key is required, in words; null when it is optional.</summary>
        public string? Condition { get; }
        public bool IsRequired(Func<string, string?> metadata) => RequiredWhen != null && RequiredWhen(metadata);
    }

    /// <summary>A kind of technical profile: its metadata keys and cryptographic keys, from its docs page.</summary>
    public sealed class TechnicalProfileType
    {
        private readonly Dictionary<string, MetadataKeyInfo> _metadata = new Dictionary<string, MetadataKeyInfo>(StringComparer.Ordinal);
        private readonly List<string> _prefixes = new List<string>();
        private readonly List<CryptographicKeyInfo> _keys = new List<CryptographicKeyInfo>();

        internal TechnicalProfileType(string name, string docsPage)
        {
            Name = name;
            DocsPage = docsPage;
        }

        /// <summary>"OAuth2 identity provider", "RESTful", ...</summary>
        public string Name { get; }
        public string DocsPage { get; }
        public IEnumerable<MetadataKeyInfo> Metadata => _metadata.Values;
        /// <summary>Key prefixes accepted as a family (self-asserted language.* overrides and UserMessageIf* texts).</summary>
        public IReadOnlyList<string> MetadataPrefixes => _prefixes;
        public IReadOnlyList<CryptographicKeyInfo> CryptographicKeys => _keys;
        /// <summary>When true, any Key Id is accepted (REST ApiKeyHeader names the HTTP header; profiles whose type is not pinned down).</summary>
        internal Func<Func<string, string?>, bool>? AnyKeyIdWhen { get; private set; }
        /// <summary>Why a profile of this type needs at least one key whatever its Id (REST ApiKeyHeader).</summary>
        internal Func<Func<string, string?>, string?>? NeedsSomeKey { get; private set; }

        /// <summary>The documented key (exact, case-sensitive as the service reads it), or null.</summary>
        public MetadataKeyInfo? FindMetadata(string key) => _metadata.TryGetValue(key, out var info) ? info : null;

        public bool KnowsMetadata(string key)
            => _metadata.ContainsKey(key) || _prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length);

        public bool AcceptsAnyKeyId(Func<string, string?> metadata) => AnyKeyIdWhen != null && AnyKeyIdWhen(metadata);

        public bool KnowsKeyId(string id) => _keys.Any(k => string.Equals(k.Id, id, StringComparison.Ordinal));

        /// <summary>A message when the type needs some key and has none, else null.</summary>
        public string? MissingAnyKey(Func<string, string?> metadata) => NeedsSomeKey?.Invoke(metadata);

        // Builder steps.
        internal TechnicalProfileType Req(params string[] keys) => AddAll(keys, required: true);
        internal TechnicalProfileType Opt(params string[] keys) => AddAll(keys, required: false);
        internal TechnicalProfileType Bool(params string[] keys)
        {
            foreach (var key in keys) Add(key, false, TechnicalProfileCatalog.BooleanValues);
            return this;
        }
        internal TechnicalProfileType Values(string key, params string[] values) => Add(key, false, values);
        internal TechnicalProfileType WordsOf(string key, params string[] values)
        {
            _metadata[key] = new MetadataKeyInfo(key, false, values, null, null, words: true);
            return this;
        }
        internal TechnicalProfileType ReqValues(string key, params string[] values) => Add(key, true, values);
        internal TechnicalProfileType ReqIf(string key, string condition, Func<Func<string, string?>, bool> when)
        {
            _metadata[key] = new MetadataKeyInfo(key, true, null, when, condition);
            return this;
        }
        internal TechnicalProfileType Prefix(string prefix)
        {
            _prefixes.Add(prefix);
            return this;
        }
        internal TechnicalProfileType Key(string id, string? condition = null, Func<Func<string, string?>, bool>? requiredWhen = null)
        {
            _keys.Add(new CryptographicKeyInfo(id, requiredWhen ?? (condition == null ? null : (Func<Func<string, string?>, bool>)(_ => true)), condition));
            return this;
        }
        internal TechnicalProfileType AnyKeyId(Func<Func<string, string?>, bool> when, Func<Func<string, string?>, string?>? needsSomeKey = null)
        {
            AnyKeyIdWhen = when;
            NeedsSomeKey = needsSomeKey;
            return this;
        }

        private TechnicalProfileType AddAll(string[] keys, bool required)
        {
            foreach (var key in keys) Add(key, required, null);
            return this;
        }

        private TechnicalProfileType Add(string key, bool required, string[]? values)
        {
            _metadata[key] = new MetadataKeyInfo(key, required, values, null, null);
            return this;
        }

        public override string ToString() => Name;
    }

    /// <summary>
    /// Technical-profile facts (technical-profiles.md): protocol names, Proprietary handlers, and per profile
    /// type the metadata keys (required, allowed values) and cryptographic key Ids.
    /// </summary>
    public static class TechnicalProfileCatalog
    {
        private const string Docs = "https://learn.microsoft.com/azure/active-directory-b2c/";

        /// <summary>The XSD's ProtocolName enumeration (technical-profiles.md §1).</summary>
        public static readonly IReadOnlyList<string> ProtocolNames = new[]
            { Protocols.None, Protocols.OAuth1, Protocols.OAuth2, Protocols.Saml2, Protocols.OpenIdConnect, Protocols.WsFed, Protocols.WsTrust, Protocols.UProve11, Protocols.Proprietary };

        /// <summary>A relying party's technical profile speaks only these (technical-profiles.md §1).</summary>
        public static readonly IReadOnlyList<string> RelyingPartyProtocolNames = new[] { Protocols.OpenIdConnect, Protocols.Saml2 };

        /// <summary>Boolean metadata: the samples also write 0 for false (UsePolicyInRedirectUri).</summary>
        internal static readonly string[] BooleanValues = { "true", "false", "0", "1" };

        private static bool Is(Func<string, string?> meta, string key, string value)
            => string.Equals(meta(key)?.Trim(), value, StringComparison.OrdinalIgnoreCase);

        private static bool HasWord(Func<string, string?> meta, string key, string word)
            => (meta(key) ?? "").Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase));

        private static TechnicalProfileType T(string name, string page)
            => new TechnicalProfileType(name, Docs + page)
                // Any profile may carry these (technical-profiles.md §3, "Metadata keys shared by many types").
                .Opt("ClaimTypeOnWhichToEnable", "ClaimValueOnWhichToEnable")
                .Bool("IncludeClaimResolvingInClaimsHandling");

        // ---- Identity providers ----

        public static readonly TechnicalProfileType OAuth1 = T("OAuth1 identity provider", "oauth1-technical-profile")
            .Req("client_id", "request_token_endpoint", "authorization_endpoint", "access_token_endpoint")
            .Opt(MetadataKeys.ProviderName, "ClaimsEndpoint", "ClaimsResponseFormat")
            .Key("client_secret", "always");

        public static readonly TechnicalProfileType OAuth2 = T("OAuth2 identity provider", "oauth2-technical-profile")
            .Req("client_id", "authorization_endpoint", "AccessTokenEndpoint", "ClaimsEndpoint")
            .Opt("IdTokenAudience", "end_session_endpoint", "AccessTokenResponseFormat", "AdditionalRequestQueryParameters",
                "ClaimsEndpointAccessTokenName", "ClaimsEndpointFormatName", "ClaimsEndpointFormat", MetadataKeys.ProviderName, "scope",
                "ResponseErrorCodeParamName", "ExtraParamsInAccessTokenEndpointResponse", "ExtraParamsInClaimsEndpointRequest",
                // In Microsoft's identity-provider samples, not in the reference table (technical-profiles.md §4.2).
                "ClientIdParamName", "ClientSecretParamName", "external_user_identity_claim_id", "ClaimsResponseFormat", "UserAgentForClaimsExchange")
            .Opt("BearerTokenTransmissionMethod") // AuthorizationHeader; the default (query string) has no documented name
            .WordsOf("response_types", "id_token", "code", "token") // azure-ad-b2c/unit-tests IDP_MyCustomIdp_Oauth2.xml
            .Values("response_mode", "query", "form_post", "fragment")
            .Values("HttpBinding", "GET", "POST")
            .Values("token_endpoint_auth_method", "client_secret_post", "client_secret_basic", "private_key_jwt")
            .Values("token_signing_algorithm", "RS256", "RS512")
            .Bool("ResolveJsonPathsInJsonTokens", "SingleLogoutEnabled", "UsePolicyInRedirectUri")
            .Key("client_secret", "always (the authorization-code flow)")
            .Key("assertion_signing_key");

        public static readonly TechnicalProfileType OpenIdConnect = T("OpenID Connect identity provider", "openid-connect-technical-profile")
            .Req("client_id")
            .ReqIf("METADATA", "unless DiscoverMetadataByTokenIssuer is true or the endpoints are given directly (authorization_endpoint, as the Apple article does)", m => !Is(m, "DiscoverMetadataByTokenIssuer", "true") && m("authorization_endpoint") == null)
            .Opt("IdTokenAudience", "authorization_endpoint", "end_session_endpoint", "issuer", MetadataKeys.ProviderName, "scope",
                "ValidTokenIssuerPrefixes", "ReadBodyClaimsOnIdpRedirect",
                "UserMessageIfClaimsPrincipalDoesNotExist", "UserMessageIfInvalidPassword", "UserMessageIfOldPasswordUsed",
                // Seen in Microsoft's samples: Apple (AccessTokenEndpoint, JWKS, external_user_identity_claim_id),
                // the starter pack's phone-number-passwordless login-NonInteractive (DefaultMessage).
                "AccessTokenEndpoint", "JWKS", "external_user_identity_claim_id", "DefaultMessage",
                // Microsoft's resource-owner password credentials article (add-ropc-policy) sets it on its OpenID Connect profile.
                "grant_type")
            .WordsOf("response_types", "id_token", "code", "token")
            .Values("response_mode", "query", "form_post", "fragment")
            .Values("HttpBinding", "GET", "POST")
            .Values("token_endpoint_auth_method", "client_secret_post", "client_secret_basic", "private_key_jwt")
            .Values("token_signing_algorithm", "RS256", "RS512")
            .Bool("UsePolicyInRedirectUri", "MarkAsFailureOnStatusCode5xx", "DiscoverMetadataByTokenIssuer", "SingleLogoutEnabled")
            .Key("client_secret", "when response_types includes code and token_endpoint_auth_method is not private_key_jwt",
                m => HasWord(m, "response_types", "code") && !Is(m, "token_endpoint_auth_method", "private_key_jwt"))
            .Key("assertion_signing_key", "when token_endpoint_auth_method is private_key_jwt",
                m => Is(m, "token_endpoint_auth_method", "private_key_jwt"));

        public static readonly TechnicalProfileType Saml2 = T("SAML identity provider", "saml-identity-provider-technical-profile")
            .Req("PartnerEntity")
            .Opt("NameIdPolicyFormat", "AuthenticationRequestExtensions", "IncludeAuthnContextClassReferences", MetadataKeys.ProviderName)
            .Values("XmlSignatureAlgorithm", "Sha256", "Sha384", "Sha512", "Sha1")
            .Bool("WantsSignedRequests", "WantsSignedAssertions", "ResponsesSigned", "WantsEncryptedAssertions", "NameIdPolicyAllowCreate",
                "IncludeKeyInfo", "SingleLogoutEnabled", "ForceAuthN")
            .Key("SamlMessageSigning", "unless WantsSignedRequests is false", m => !Is(m, "WantsSignedRequests", "false"))
            .Key("SamlAssertionDecryption", "when WantsEncryptedAssertions is true", m => Is(m, "WantsEncryptedAssertions", "true"))
            .Key("MetadataSigning");

        // ---- Token issuers ----

        public static readonly TechnicalProfileType JwtIssuer = T("JWT token issuer", "jwt-issuer-technical-profile")
            .Req("issuer_refresh_token_user_identity_claim_type")
            .Opt("token_lifetime_secs", "id_token_lifetime_secs", "refresh_token_lifetime_secs", "rolling_refresh_token_lifetime_secs",
                "RefreshTokenUserJourneyId",
                "ClientCredentialsUserJourneyId", // client-credentials-grant-flow: the journey that issues client-credentials tokens
                "client_id") // the starter pack sets {service:te}
            .Bool("SendTokenResponseBodyWithJsonNumbers", "allow_infinite_rolling_refresh_token")
            .Values("IssuanceClaimPattern", "AuthorityAndTenantGuid", "AuthorityWithTfp")
            .Values("AuthenticationContextReferenceClaimPattern", "None", "PolicyId")
            .Key("issuer_secret", "always")
            .Key("issuer_refresh_token_key", "always");

        public static readonly TechnicalProfileType SamlIssuer = T("SAML token issuer", "saml-issuer-technical-profile")
            .Opt("IssuerUri", "TokenNotBeforeSkewInSeconds", "TokenLifeTimeInSeconds")
            .Values("XmlSignatureAlgorithm", "Sha256", "Sha384", "Sha512", "Sha1")
            // The reference page marks MetadataSigning required, but Microsoft's own SAML application tutorial
            // (saml-service-provider) issues tokens without it (SamlAssertionSigning and SamlMessageSigning only;
            // MicrosoftDocs/azure-docs#90113), as IEFPolicies' template and working mrochon samples do: optional.
            .Key("MetadataSigning")
            .Key("SamlMessageSigning", "always")
            .Key("SamlAssertionSigning");

        /// <summary>OutputTokenFormat OAuth2Error: from azure-ad-b2c/unit-tests, metadata not documented.</summary>
        public static readonly TechnicalProfileType OAuth2ErrorIssuer = T("OAuth2 error issuer", "oauth2-error-technical-profile")
            .Key("issuer_secret");

        /// <summary>
        /// Protocol None without a JWT/SAML2 output: the id_token_hint profile, the UserInfo endpoint's bearer-token
        /// check (InputTokenFormat JWT) and JSON issuer, and the starter pack's engine defaults.
        /// </summary>
        public static readonly TechnicalProfileType NoneProtocol = T("technical profile with protocol None", "id-token-hint")
            .Opt("issuer", "IdTokenAudience", "METADATA",
                "audience", "client_assertion_type", // userinfo-endpoint: the UserInfoAuthorization profile
                "url") // TpEngine_c3bd4fe2-1775-4013-b91d-35f16d377d13 in the starter pack
            .AnyKeyId(_ => true);

        // ---- Proprietary handlers ----

        public static readonly TechnicalProfileType AzureActiveDirectory = T("Microsoft Entra ID directory", "active-directory-technical-profile")
            .ReqValues(MetadataKeys.Operation, DirectoryOperations.Read, DirectoryOperations.Write, DirectoryOperations.DeleteClaims, DirectoryOperations.DeleteClaimsPrincipal)
            .Bool("RaiseErrorIfClaimsPrincipalDoesNotExist", "RaiseErrorIfClaimsPrincipalAlreadyExists")
            .Opt("ApplicationObjectId", "ClientId", "UserMessageIfClaimsPrincipalAlreadyExists", "UserMessageIfClaimsPrincipalDoesNotExist")
            .Key("issuer_secret"); // the starter pack's AAD-Common

        public static readonly TechnicalProfileType SelfAsserted = T("self-asserted", "self-asserted-technical-profile")
            .Opt(MetadataKeys.ContentDefinitionReferenceId, // required, but PL8003 checks it with the step's content definition
                "setting.retryLimit", "SignUpTarget", "setting.inputVerificationDelayTimeInMilliseconds", "setting.forgotPasswordLinkOverride",
                "IpAddressClaimReferenceId",
                "ClaimsProviderSelectionDisplayType", // the starter pack's passwordless scenario
                "setting.enableCaptchaChallenge", // display-control-captcha: true to show a CAPTCHA display control
                // Error texts for the assert transformations its validation profiles run (claims-transformations.md §3).
                "DateTimeGreaterThan", "AssertNumberError", "LookupNotFound")
            .Values("setting.operatingMode", "Username", "Email")
            .Values("setting.forgotPasswordLinkLocation", "AfterLabel", "AfterInput", "AfterButtons", "None")
            .Bool("AllowGenerationOfClaimsWithNullValues", "EnforceEmailVerification", "setting.showCancelButton",
                "setting.showContinueButton", "setting.showSignupLink", "setting.enableRememberMe")
            .Prefix(MetadataKeys.LanguagePrefix)        // per-profile UI string overrides
            .Prefix("UserMessageIf")    // error texts for its validation profiles (directory, MFA, SSPR, OTP, transformations)
            .Key("issuer_secret");      // the starter pack sets it though the docs say keys are not used

        public static readonly TechnicalProfileType Restful = T("RESTful", "restful-technical-profile")
            .Req(MetadataKeys.ServiceUrl)
            .ReqValues(MetadataKeys.AuthenticationType, RestAuthenticationTypes.None, RestAuthenticationTypes.Basic, RestAuthenticationTypes.Bearer, RestAuthenticationTypes.ClientCertificate, RestAuthenticationTypes.ApiKeyHeader)
            .Values("SendClaimsIn", "Body", "Form", "Header", "Url", "QueryString")
            .Opt("ClaimsFormat", "ClaimUsedForRequestPayload", "UseClaimAsBearerToken", "DefaultUserMessageIfRequestFailed",
                "UserMessageIfCircuitOpen", "UserMessageIfDnsResolutionFailed", "UserMessageIfRequestTimeout")
            .Bool(MetadataKeys.AllowInsecureAuthInProduction, "DebugMode", "ResolveJsonPathsInJsonTokens")
            .Key("BasicAuthenticationUsername", "when AuthenticationType is Basic", m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.Basic))
            .Key("BasicAuthenticationPassword", "when AuthenticationType is Basic", m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.Basic))
            .Key("ClientCertificate", "when AuthenticationType is ClientCertificate", m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.ClientCertificate))
            .Key("BearerAuthenticationToken", "when AuthenticationType is Bearer and UseClaimAsBearerToken is not set",
                m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.Bearer) && string.IsNullOrEmpty(m("UseClaimAsBearerToken")))
            // ApiKeyHeader: the key's Id is the HTTP header name.
            // A {Settings:...} authentication type may turn out to be ApiKeyHeader: any Id then.
            .AnyKeyId(m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.ApiKeyHeader) || PolicyLint.Common.Placeholders.IsDynamic(m(MetadataKeys.AuthenticationType)),
                m => Is(m, MetadataKeys.AuthenticationType, RestAuthenticationTypes.ApiKeyHeader) ? "AuthenticationType ApiKeyHeader needs a key whose Id is the HTTP header name" : null);

        public static readonly TechnicalProfileType ClaimsTransformation = T("claims transformation", "claims-transformation-technical-profile")
            .Opt(MetadataKeys.ContentDefinitionReferenceId)
            .Key("issuer_secret");

        public static readonly TechnicalProfileType PhoneFactor = T("phone factor", "phone-factor-technical-profile")
            .Opt(MetadataKeys.ContentDefinitionReferenceId) // required, but PL8003 checks it
            .Bool("ManualPhoneNumberEntryAllowed", "setting.autodial")
            .Values("setting.authenticationMode", "sms", "phone", "mixed")
            .Prefix(MetadataKeys.LanguagePrefix)
            .Key("issuer_secret"); // the starter pack sets it though the docs say keys are not used

        public static readonly TechnicalProfileType AzureMfa = T("Microsoft Entra multifactor authentication", "multi-factor-auth-technical-profile")
            .ReqValues(MetadataKeys.Operation, "OneWaySMS", "Verify", "GetAvailableDevices", "BeginVerifyOTP", "VerifyOTP")
            .Key("issuer_secret");

        public static readonly TechnicalProfileType AadSspr = T("Microsoft Entra SSPR", "aad-sspr-technical-profile")
            .ReqValues(MetadataKeys.Operation, "SendCode", "VerifyCode")
            .Key("issuer_secret");

        public static readonly TechnicalProfileType OneTimePassword = T("one-time password", "one-time-password-technical-profile")
            .ReqValues(MetadataKeys.Operation, "GenerateCode", "VerifyCode")
            .Opt("CodeExpirationInSeconds", "CodeLength", "CharacterSet", "NumRetryAttempts", "NumCodeGenerationAttempts")
            .Bool("ReuseSameCode")
            .Key("issuer_secret");

        public static readonly TechnicalProfileType ConditionalAccess = T("conditional access", "conditional-access-technical-profile")
            .ReqValues("OperationType", "Evaluation", "Remediation")
            .Key("issuer_secret");

        public static readonly TechnicalProfileType ApplicationInsights = T("Application Insights", "application-insights-technical-profile")
            .Req(MetadataKeys.InstrumentationKey)
            .Bool(MetadataKeys.DeveloperMode, "DisableTelemetry")
            .Key("issuer_secret");

        public static readonly TechnicalProfileType Captcha = T("CAPTCHA", "captcha-technical-profile")
            .ReqValues(MetadataKeys.Operation, "GetChallenge", "VerifyChallenge")
            .ReqValues("Brand", "HIP");

        private static TechnicalProfileType Session(string name) => T(name, "custom-policy-reference-sso").Key("issuer_secret");

        public static readonly TechnicalProfileType NoopSession = Session("no-op session manager");
        public static readonly TechnicalProfileType DefaultSession = Session("default session manager");
        public static readonly TechnicalProfileType ExternalLoginSession = Session("external login session manager").Bool("AlwaysFetchClaimsFromProvider");
        public static readonly TechnicalProfileType OAuthSession = Session("OAuth session manager");
        public static readonly TechnicalProfileType SamlSession = Session("SAML session manager").Bool("RegisterServiceProviders", "IncludeSessionIndex");

        /// <summary>Documented Proprietary handlers by type name (technical-profiles.md §2); the assembly part may vary.</summary>
        public static readonly IReadOnlyDictionary<string, TechnicalProfileType> Handlers = new Dictionary<string, TechnicalProfileType>(StringComparer.Ordinal)
        {
            [HandlerNames.AzureActiveDirectory] = AzureActiveDirectory,
            [HandlerNames.SelfAsserted] = SelfAsserted,
            [HandlerNames.Restful] = Restful,
            [HandlerNames.ClaimsTransformation] = ClaimsTransformation,
            [HandlerNames.PhoneFactor] = PhoneFactor,
            [HandlerNames.AzureMfa] = AzureMfa,
            [HandlerNames.AadSspr] = AadSspr,
            [HandlerNames.OneTimePassword] = OneTimePassword,
            [HandlerNames.ConditionalAccess] = ConditionalAccess,
            [HandlerNames.ApplicationInsights] = ApplicationInsights,
            [HandlerNames.Captcha] = Captcha,
            [HandlerNames.NoopSession] = NoopSession,
            [HandlerNames.DefaultSession] = DefaultSession,
            [HandlerNames.ExternalLoginSession] = ExternalLoginSession,
            [HandlerNames.OAuthSession] = OAuthSession,
            [HandlerNames.SamlSession] = SamlSession,
        };

        /// <summary>"Web.TPEngine.Providers.RestfulProvider" from "Web.TPEngine.Providers.RestfulProvider, Web.TPEngine, Version=...".</summary>
        public static string HandlerTypeName(string handler) => TypeNames.Get(handler);

        // Every rule asks about every profile's handler: the few distinct handler strings are cut once.
        private static readonly PolicyLint.Common.BoundedCache<string> TypeNames = new PolicyLint.Common.BoundedCache<string>(handler =>
        {
            int comma = handler.IndexOf(',');
            return (comma < 0 ? handler : handler.Substring(0, comma)).Trim();
        });

        public static TechnicalProfileType? FindHandler(string handler)
            => Handlers.TryGetValue(HandlerTypeName(handler), out var type) ? type : null;

        /// <summary>
        /// Proprietary handlers that no reference page describes but that working policies use. Their metadata and keys
        /// are unknown, so their profiles are not checked further.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> UndocumentedHandlers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Undocumented, seen working in Microsoft's Application Insights article of 2018 (active-directory-b2c-custom-guide-eventlogger-appins)
            // and in samples that read the journey's correlation id from it.
            [HandlerNames.UserJourneyContext] = "Microsoft's 2018 Application Insights article",
        };

        /// <summary>A handler that working policies use though no reference page describes it.</summary>
        public static bool IsUndocumentedHandler(string handler) => UndocumentedHandlers.ContainsKey(HandlerTypeName(handler));

        /// <summary>Every handler type name the service is known to have, documented or not: what a mistyped one is compared with.</summary>
        public static IEnumerable<string> KnownHandlerNames => Handlers.Keys.Concat(UndocumentedHandlers.Keys);

        /// <summary>The profile's type from its protocol, handler and OutputTokenFormat alone (no metadata to weigh).</summary>
        public static TechnicalProfileType? TypeOf(string? protocol, string? handler, string? outputTokenFormat)
            => TypeOf(protocol, handler, outputTokenFormat, Array.Empty<string>(), Array.Empty<string>());

        /// <summary>
        /// The profile's type; null when it cannot be told (no protocol, an unknown handler, WsFed/WsTrust/UProve11 which
        /// the docs no longer describe).
        /// The protocol names the identity provider a profile is; an OutputTokenFormat naming a token (JWT, SAML2,
        /// OAuth2Error) makes it that token's issuer unless its own metadata and keys mostly say identity provider:
        /// older Entra ID articles put &lt;OutputTokenFormat&gt;JWT&lt;/OutputTokenFormat&gt; on OpenID Connect identity
        /// providers too, and those read METADATA and client_secret, never issuer_secret.
        /// </summary>
        public static TechnicalProfileType? TypeOf(string? protocol, string? handler, string? outputTokenFormat,
            IEnumerable<string> metadataKeys, IEnumerable<string> keyIds)
        {
            switch (protocol)
            {
                case Protocols.Proprietary: return handler == null ? null : FindHandler(handler);
                case Protocols.OAuth1: return OAuth1;
                case Protocols.OAuth2: return ProviderOrIssuer(OAuth2, outputTokenFormat == "OAuth2Error" ? OAuth2ErrorIssuer : null, metadataKeys, keyIds);
                case Protocols.OpenIdConnect: return ProviderOrIssuer(OpenIdConnect, outputTokenFormat == "JWT" ? JwtIssuer : null, metadataKeys, keyIds);
                case Protocols.Saml2: return ProviderOrIssuer(Saml2, outputTokenFormat == "SAML2" ? SamlIssuer : null, metadataKeys, keyIds);
                case Protocols.None:
                    return ProviderOrIssuer(NoneProtocol, outputTokenFormat == "JWT" ? JwtIssuer : outputTokenFormat == "SAML2" ? SamlIssuer : null, metadataKeys, keyIds);
                default: return null;
            }
        }

        /// <summary>
        /// The issuer the token format names, unless more of the profile's settings are ones only the protocol's own type
        /// reads than ones only the issuer reads: then that type.
        /// </summary>
        private static TechnicalProfileType ProviderOrIssuer(TechnicalProfileType provider, TechnicalProfileType? issuer,
            IEnumerable<string> metadataKeys, IEnumerable<string> keyIds)
        {
            if (issuer == null) return provider;
            int providerOnly = 0, issuerOnly = 0;
            foreach (var key in metadataKeys) Count(provider.KnowsMetadata(key), issuer.KnowsMetadata(key), ref providerOnly, ref issuerOnly);
            foreach (var id in keyIds) Count(provider.KnowsKeyId(id), issuer.KnowsKeyId(id), ref providerOnly, ref issuerOnly);
            return providerOnly > issuerOnly ? provider : issuer;
        }

        private static void Count(bool byProvider, bool byIssuer, ref int providerOnly, ref int issuerOnly)
        {
            if (byProvider && !byIssuer) providerOnly++;
            if (byIssuer && !byProvider) issuerOnly++;
        }

        public static IEnumerable<TechnicalProfileType> AllTypes
            => new[] { OAuth1, OAuth2, OpenIdConnect, Saml2, JwtIssuer, SamlIssuer, OAuth2ErrorIssuer, NoneProtocol }.Concat(Handlers.Values.Distinct());
    }
}
