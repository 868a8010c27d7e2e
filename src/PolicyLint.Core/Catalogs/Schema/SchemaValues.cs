namespace PolicyLint.Catalogs.Schema
{
    /// <summary>
    /// Enumerations and patterns of the policy schema. Source: shared/b2c-reference/schema.md (element tree and
    /// notes), technical-profiles.md §1, §3, §16, user-interface.md §1.1, §2.1, limits.md (naming), which restate
    /// TrustFrameworkPolicy_0.3.0.0.xsd and the docs. Where the XSD is stale the entry says so and follows the docs.
    /// </summary>
    public static class SchemaValues
    {
        // schema.md §1: PolicySchemaVersion "pattern d.d.d.d (XSD); docs: must be 0.3.0.0" — we follow the docs.
        public static readonly SimpleType PolicySchemaVersion = SimpleType.Enumeration("PolicySchemaVersion", "0.3.0.0");

        // schema.md §1; limits.md: TenantId [A-Za-z0-9.]{3,63}.
        public static readonly SimpleType TenantId = SimpleType.Matching("TenantId", @"\A[A-Za-z0-9.]{3,63}\z",
            "3 to 63 letters, digits or dots, e.g. contoso.onmicrosoft.com");

        // schema.md §1; limits.md: PolicyId [A-Za-z0-9_\-.]*[A-Za-z0-9_\-]+ (no spaces, must not end with '.').
        public static readonly SimpleType PolicyId = SimpleType.Matching("PolicyId", @"\A[A-Za-z0-9_\-.]*[A-Za-z0-9_\-]+\z",
            "letters, digits, '_', '-' and '.', not ending with '.'");

        // schema.md §1 (PolicyConstraints, XSD only): RerouteRule PolicyId may also hold '{' '}'.
        public static readonly SimpleType PolicyIdPattern = SimpleType.Matching("PolicyIdPattern", @"\A[A-Za-z0-9_\-{}.]*[A-Za-z0-9_\-{}]+\z",
            "letters, digits, '_', '-', '{', '}' and '.', not ending with '.'");

        // schema.md §1 TenantObjectId, §5 JourneyInsights InstrumentationKey: a GUID.
        public static readonly SimpleType Guid = SimpleType.Matching("GUID",
            @"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z",
            "a GUID such as 00000000-0000-0000-0000-000000000000");

        // schema.md §1: XSD enum Development | Production | Debugging (docs list the first two; the service's schema takes all three).
        public static readonly SimpleType DeploymentMode = SimpleType.Enumeration("DeploymentMode", "Development", "Production", "Debugging");

        // schema.md §2.1 DataType (XSD enum, 14 values, case-sensitive; claims-transformations.md §1: also InputParameter/@DataType).
        public static readonly SimpleType DataType = SimpleType.Enumeration("DataType",
            "boolean", "date", "dateTime", "duration", "int", "long", "string", "stringCollection",
            "alternativeSecurityIdCollection", "userIdentityCollection", "userIdentity", "phoneNumber",
            "objectIdentityCollection", "objectIdentity");

        // schema.md §2.1 UserInputType (XSD enum).
        public static readonly SimpleType UserInputType = SimpleType.Enumeration("UserInputType",
            "TextBox", "EmailBox", "DateTimeDropdown", "RadioSingleSelect", "DropdownSingleSelect", "CheckboxMultiSelect",
            "Password", "Readonly", "Button", "Paragraph");

        // schema.md §2.1 ClaimType @StatementType (default Attribute).
        public static readonly SimpleType StatementType = SimpleType.Enumeration("StatementType", "Attribute", "Authentication", "Subject");

        // schema.md §2.1 Mask @Type.
        public static readonly SimpleType MaskType = SimpleType.Enumeration("MaskType", "Simple", "Regex");

        // schema.md §2.1 Restriction, §2.6 SupportedLanguages, §2.5 LocalizedResourcesReferences, §6 (merge control).
        public static readonly SimpleType MergeBehavior = SimpleType.Enumeration("MergeBehavior", "Append", "Prepend", "ReplaceAll");

        // technical-profiles.md §1: XSD enum ProtocolName (also ClaimType DefaultPartnerClaimTypes/Protocol).
        public static readonly SimpleType ProtocolName = SimpleType.Enumeration("ProtocolName",
            "None", "OAuth1", "OAuth2", "SAML2", "OpenIdConnect", "WsFed", "WsTrust", "UProve11", "Proprietary");

        /// <summary>A technical profile's Protocol Name is reported by PL5001 (with the relying-party restriction).</summary>
        public static readonly SimpleType TechnicalProfileProtocolName = ProtocolName.OwnedBy("PL5001");

        // technical-profiles.md §2: OutputTokenFormat/InputTokenFormat XSD enum.
        public static readonly SimpleType TokenFormat = SimpleType.Enumeration("TokenFormat",
            "JSON", "JWT", "SAML11", "SAML2", "CpimUnsigned", "UProve11", "OAuth2Error");

        // technical-profiles.md §3 EnabledForUserJourneys (XSD values).
        public static readonly SimpleType EnabledForUserJourneys = SimpleType.Enumeration("EnabledForUserJourneys",
            "true", "false", "OnClaimsExistence", "Always", "Never", "OnItemExistenceInStringCollectionClaim", "OnItemAbsenceInStringCollectionClaim");

        // technical-profiles.md §3 ErrorHandlers (XSD only).
        public static readonly SimpleType ErrorResponseFormat = SimpleType.Enumeration("ErrorResponseFormat", "json");
        public static readonly SimpleType ErrorHandlingAction = SimpleType.Enumeration("ErrorHandlingAction", "Reauthenticate", "InvalidClient");

        // technical-profiles.md §16 UserInterfaceControlType. The XSD (2022) lacks CaptchaControl, which
        // display-control-captcha.md (2024) documents ("Value must be CaptchaControl"): XSD stale, follow the service.
        public static readonly SimpleType UserInterfaceControlType = SimpleType.Enumeration("UserInterfaceControlType",
            "VerificationControl", "QrCodeControl", "AuthenticatorInfoControl", "AuthenticatorAppIconControl", "CaptchaControl");

        // schema.md §4 OrchestrationStep @Type (XSD enum).
        public static readonly SimpleType OrchestrationStepType = SimpleType.Enumeration("OrchestrationStepType",
            "ConsentScreen", "ClaimsProviderSelection", "CombinedSignInAndSignUp", "ClaimsExchange", "ReviewScreen",
            "SendClaims", "GetClaims", "UserDialog", "InvokeSubJourney", "Noop");

        // schema.md §4 Precondition @Type and Action.
        public static readonly SimpleType PreconditionType = SimpleType.Enumeration("PreconditionType", "ClaimsExist", "ClaimEquals");
        public static readonly SimpleType PreconditionAction = SimpleType.Enumeration("PreconditionAction", "SkipThisOrchestrationStep", "SkipThisValidationTechnicalProfile");

        // schema.md §4 ClaimsProviderSelections @DisplayOption; SubJourney @Type.
        public static readonly SimpleType DisplayOption = SimpleType.Enumeration("ClaimsProviderSelectionDisplayOption", "DoNotShowSingleProvider", "ShowSingleProvider");
        public static readonly SimpleType SubJourneyType = SimpleType.Enumeration("SubJourneyType", "Transfer", "Call");

        // schema.md §5 UserJourneyBehaviors.
        public static readonly SimpleType SingleSignOnScope = SimpleType.Enumeration("SingleSignOnScope", "Suppressed", "TrustFramework", "Tenant", "Application", "Policy");
        public static readonly SimpleType SessionExpiryType = SimpleType.Enumeration("SessionExpiryType", "Rolling", "Absolute");
        public static readonly SimpleType TelemetryEngine = SimpleType.Enumeration("TelemetryEngine", "ApplicationInsights");
        public static readonly SimpleType ScriptExecution = SimpleType.Enumeration("ScriptExecution", "Disallow", "Allow");
        public static readonly SimpleType OnErrorMode = SimpleType.Enumeration("OnErrorMode", "ReturnToRequestor", "DisplayInService");

        // schema.md §5 JourneyInsights @TelemetryVersion: x.y.z.
        public static readonly SimpleType ThreePartVersion = SimpleType.Matching("ThreePartVersion", @"\A[0-9][.][0-9][.][0-9]\z", "a version such as 1.0.0");

        // user-interface.md §2.1: culture [a-z]{1,3}(-[a-zA-Z0-9]{2,4}){0,2}, primary subtag lower-case.
        public static readonly SimpleType Culture = SimpleType.Matching("Culture", @"\A[a-z]{1,3}(-[a-zA-Z0-9]{2,4}){0,2}\z",
            "a culture such as en or pt-BR (primary subtag lower-case)");

        // user-interface.md §1.1 ContentUriTYPE (DataUri, RecoveryUri): an http(s):// or ~/ URL, or a lower-case URN.
        // The XSD's \w is "not punctuation, separator or other", written out here.
        private const string UrlChar = @"(?:[^\p{P}\p{Z}\p{C}]|[.,@?^=%&:~+#\-_$!’();])";
        public static readonly SimpleType ContentUri = SimpleType.Matching("ContentUri",
            @"\A(?:(?:http://|https://|~/)(?:" + UrlChar + @"+/)*(?:" + UrlChar + @"+/?)|urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,/\-.:=@;$_!*'%?#]+)\z",
            "an http(s):// or ~/ address, or a lower-case urn: such as urn:com:microsoft:aad:b2c:elements:contract:selfasserted:2.1.7");

        // schema.md §3 Domains/Domain: a non-empty string of at most 256 characters.
        public static readonly SimpleType NonEmpty256 = SimpleType.OfLength("nonemptystring", "1 to 256 characters", 1, 256);

        // RerouteRule @Match (XSD only): non-empty.
        public static readonly SimpleType NonEmpty = SimpleType.OfLength("Match", "a non-empty value", 1);
    }
}
