using V = PolicyLint.Catalogs.Schema.SchemaValues;

namespace PolicyLint.Catalogs.Schema
{
    /// <summary>
    /// The TrustFrameworkPolicy element tree as data: for each element, its attributes (required or not, value type)
    /// and its children in schema order with their bounds. Written from shared/b2c-reference/schema.md (section numbers
    /// below), technical-profiles.md §3 and §16, claims-transformations.md §1 and user-interface.md §2.1, which restate
    /// TrustFrameworkPolicy_0.3.0.0.xsd; the product does not ship or load the XSD. Notation as in schema.md:
    /// Optional = ?, Required = 1, ZeroOrMore = *, OneOrMore = +.
    /// </summary>
    public static class PolicySchema
    {
        private static PolicySchemaModel? _model;

        public static PolicySchemaModel Model => _model ??= Build();

        private static PolicySchemaModel Build()
        {
            var s = new SchemaBuilder();

            // ---- schema.md §1: root ----
            s.Type("TrustFrameworkPolicy")
                .RequiredAttr("PolicySchemaVersion", V.PolicySchemaVersion)
                .RequiredAttr("TenantId", V.TenantId)
                .RequiredAttr("PolicyId", V.PolicyId)
                .RequiredAttr("PublicPolicyUri")
                .Attr("TenantObjectId", V.Guid)
                .Attr("DeploymentMode", V.DeploymentMode)
                .Attr("UserJourneyRecorderEndpoint")
                .Attr("StateTableName")
                .Optional("BasePolicy")
                .Optional("PolicyConstraints")
                .Optional("Contacts")
                .Optional("DocumentReferences")
                .Optional("BuildingBlocks")
                .Optional("ClaimsProviders")
                .Optional("UserJourneys")
                .Optional("SubJourneys")
                .Optional("RelyingParty");

            s.Type("BasePolicy")
                .RequiredText("TenantId", V.TenantId)
                .RequiredText("PolicyId", V.PolicyId);

            // PolicyConstraints, Contacts, DocumentReferences: XSD only, undocumented (schema.md §1).
            s.Type("PolicyConstraints").Optional("Inheritance").Optional("RerouteRules");
            s.Type("Inheritance").RequiredAttr("DerivingPolicies")
                .Choice(("Tenants", "Tenants", 0, 1), ("ConstraintHandler", "ConstraintHandler", 0, 1));
            s.Type("Tenants").OneOrMore("Tenant");
            s.Type("Tenant").RequiredAttr("ReferenceId", V.Guid);
            s.Type("ConstraintHandler").RequiredAttr("Id").RequiredAttr("Handler");
            s.Type("RerouteRules").RequiredAttr("Type").ZeroOrMore("RerouteRule");
            s.Type("RerouteRule").RequiredAttr("PolicyId", V.PolicyIdPattern).Attr("Weight", SimpleType.Int).Attr("Match", V.NonEmpty);
            s.Type("Contacts").ZeroOrMore("Contact");
            s.Type("Contact").RequiredAttr("Id")
                .RequiredText("DisplayName").RequiredText("TelephoneNumber").RequiredText("Email").RequiredText("Role");
            s.Type("DocumentReferences").ZeroOrMore("DocumentReference")
                .Key("DocumentReference Id", "DocumentReference", "Id");
            s.Type("DocumentReference").RequiredAttr("Id").RequiredText("DisplayName").RequiredText("Url");

            // ---- schema.md §2: BuildingBlocks (sequence order) ----
            s.Type("BuildingBlocks")
                .Optional("ClaimsSchema")
                .Optional("Predicates")
                .Optional("InputValidations")
                .Optional("PredicateValidations")
                .Optional("ClaimsTransformations")
                .Optional("ClientDefinitions")
                .Optional("ContentDefinitions")
                .Optional("Localization")
                .Optional("DisplayControls");

            // §2.1 ClaimsSchema / ClaimType
            s.Type("ClaimsSchema").OneOrMore("ClaimType").Key("ClaimType Id", "ClaimType", "Id");
            s.Type("ClaimType").RequiredAttr("Id").Attr("StatementType", V.StatementType)
                .OptionalText("DisplayName")
                .OptionalText("DataType", V.DataType)
                .ZeroOrMore("DefaultPartnerClaimTypes")
                .Optional("Mask")
                .OptionalText("AdminHelpText")
                .OptionalText("UserHelpText")
                .OptionalText("UserInputType", V.UserInputType)
                .Optional("Restriction")
                .Optional("InputValidationReference", "IdReference")
                .Optional("PredicateValidationReference", "IdReference");
            s.Type("DefaultPartnerClaimTypes").ZeroOrMore("Protocol", "PartnerClaimTypeProtocol");
            s.Type("PartnerClaimTypeProtocol").RequiredAttr("Name", V.ProtocolName).Attr("Handler").RequiredAttr("PartnerClaimType");
            s.Type("Mask").FreeText().RequiredAttr("Type", V.MaskType).Attr("Regex");
            s.Type("Restriction").Attr("MergeBehavior", V.MergeBehavior)
                .Choice(("Enumeration", "EnumerationItem", 0, Particle.Unbounded), ("Pattern", "Pattern", 0, 1));
            s.Type("EnumerationItem").FreeText().RequiredAttr("Text").RequiredAttr("Value").Attr("SelectByDefault", SimpleType.Boolean);
            s.Type("Pattern").RequiredAttr("RegularExpression").Attr("HelpText");
            s.Type("IdReference").RequiredAttr("Id");

            // §2.2 Predicates / InputValidations / PredicateValidations
            s.Type("Predicates").ZeroOrMore("Predicate").Key("Predicate Id", "Predicate", "Id");
            s.Type("Predicate").RequiredAttr("Id").RequiredAttr("Method").Attr("HelpText")
                .OptionalText("UserHelpText")
                .Optional("Parameters");
            s.Type("Parameters").ZeroOrMore("Parameter", "PredicateParameter");
            s.Type("PredicateParameter").FreeText().RequiredAttr("Id");
            s.Type("InputValidations").ZeroOrMore("InputValidation").Key("InputValidation Id", "InputValidation", "Id");
            s.Type("InputValidation").RequiredAttr("Id").ZeroOrMore("PredicateReferences");
            s.Type("PredicateReferences").Attr("Id").Attr("HelpText").Attr("MatchAtLeast", SimpleType.Integer).Attr("Reject", SimpleType.Boolean)
                .OneOrMore("PredicateReference", "IdReference");
            s.Type("PredicateValidations").ZeroOrMore("PredicateValidation").Key("PredicateValidation Id", "PredicateValidation", "Id");
            s.Type("PredicateValidation").RequiredAttr("Id").ZeroOrMore("PredicateGroups");
            s.Type("PredicateGroups").OneOrMore("PredicateGroup");
            s.Type("PredicateGroup").RequiredAttr("Id").OptionalText("UserHelpText").ZeroOrMore("PredicateReferences");

            // §2.3 ClaimsTransformations (claims-transformations.md §1)
            s.Type("ClaimsTransformations").ZeroOrMore("ClaimsTransformation").Key("ClaimsTransformation Id", "ClaimsTransformation", "Id");
            s.Type("ClaimsTransformation").RequiredAttr("Id").RequiredAttr("TransformationMethod")
                .Optional("InputClaims", "ClaimsTransformation.InputClaims")
                .Optional("InputParameters")
                .Optional("OutputClaims", "ClaimsTransformation.OutputClaims");
            s.Type("ClaimsTransformation.InputClaims").ZeroOrMore("InputClaim", "TransformationClaim");
            s.Type("InputParameters").OneOrMore("InputParameter");
            s.Type("InputParameter").RequiredAttr("Id").RequiredAttr("DataType", V.DataType).RequiredAttr("Value");
            s.Type("ClaimsTransformation.OutputClaims").OneOrMore("OutputClaim", "TransformationClaim");
            s.Type("TransformationClaim").RequiredAttr("ClaimTypeReferenceId").Attr("TransformationClaimType");

            // §2.4 ClientDefinitions
            s.Type("ClientDefinitions").ZeroOrMore("ClientDefinition").Key("ClientDefinition Id", "ClientDefinition", "Id");
            s.Type("ClientDefinition").RequiredAttr("Id").RequiredText("ClientUIFilterFlags");

            // §2.5 ContentDefinitions (user-interface.md §1.1 for the URI types)
            s.Type("ContentDefinitions").ZeroOrMore("ContentDefinition").Key("ContentDefinition Id", "ContentDefinition", "Id");
            s.Type("ContentDefinition").RequiredAttr("Id")
                .OptionalText("LoadUri")
                .OptionalText("RecoveryUri", V.ContentUri)
                .OptionalText("DataUri", V.ContentUri)
                .Optional("Metadata")
                .Optional("LocalizedResourcesReferences");
            s.Type("Metadata").OneOrMore("Item", "MetadataItem");
            s.Type("MetadataItem").FreeText().RequiredAttr("Key");
            s.Type("LocalizedResourcesReferences").Attr("MergeBehavior", V.MergeBehavior).ZeroOrMore("LocalizedResourcesReference");
            s.Type("LocalizedResourcesReference").RequiredAttr("Language", V.Culture).Attr("LocalizedResourcesReferenceId").Attr("Url");

            // §2.6 Localization (user-interface.md §2.1). LocalizedResources Ids are not keyed in the XSD, but content
            // definitions reference them by Id and the service merges them by Id (schema.md §6), so a repeat is ambiguous.
            s.Type("Localization").Attr("Enabled", SimpleType.Boolean)
                .Optional("SupportedLanguages")
                .ZeroOrMore("LocalizedResources")
                .Key("LocalizedResources Id", "LocalizedResources", "Id", notInXsd: "referenced and merged by Id (schema.md §2.5, §6)");
            s.Type("SupportedLanguages").Attr("DefaultLanguage", V.Culture).Attr("PolicyLanguage", V.Culture).Attr("MergeBehavior", V.MergeBehavior)
                .ZeroOrMoreText("SupportedLanguage", V.Culture);
            s.Type("LocalizedResources").Attr("Id").Attr("Culture", V.Culture)
                .Optional("LocalizedCollections")
                .Optional("LocalizedStrings");
            s.Type("LocalizedCollections").ZeroOrMore("LocalizedCollection");
            s.Type("LocalizedCollection").RequiredAttr("ElementType").RequiredAttr("ElementId").RequiredAttr("TargetCollection")
                .OneOrMore("Item", "EnumerationItem");
            s.Type("LocalizedStrings").ZeroOrMore("LocalizedString");
            s.Type("LocalizedString").FreeText().RequiredAttr("ElementType").Attr("ElementId").RequiredAttr("StringId");

            // §2.7 DisplayControls (technical-profiles.md §16). Ids not keyed in the XSD, but referenced by Id.
            s.Type("DisplayControls").ZeroOrMore("DisplayControl")
                .Key("DisplayControl Id", "DisplayControl", "Id", notInXsd: "referenced by DisplayClaim/@DisplayControlReferenceId (technical-profiles.md §16)");
            s.Type("DisplayControl").RequiredAttr("Id").RequiredAttr("UserInterfaceControlType", V.UserInterfaceControlType)
                .Optional("InputClaims", "DisplayControl.InputClaims")
                .Optional("DisplayClaims", "DisplayControl.DisplayClaims")
                .Optional("OutputClaims", "DisplayControl.OutputClaims")
                .Optional("Actions");
            s.Type("DisplayControl.InputClaims").ZeroOrMore("InputClaim", "DisplayControlClaim");
            s.Type("DisplayControl.OutputClaims").ZeroOrMore("OutputClaim", "DisplayControlClaim");
            s.Type("DisplayControlClaim").Attr("ClaimTypeReferenceId").Attr("Required", SimpleType.Boolean).Attr("DefaultValue").Attr("AlwaysUseDefaultValue", SimpleType.Boolean);
            s.Type("DisplayControl.DisplayClaims").ZeroOrMore("DisplayClaim", "DisplayControlDisplayClaim");
            s.Type("DisplayControlDisplayClaim").Attr("ClaimTypeReferenceId").Attr("ControlClaimType").Attr("Required", SimpleType.Boolean);
            s.Type("Actions").ZeroOrMore("Action", "DisplayControlAction");
            s.Type("DisplayControlAction").RequiredAttr("Id").Required("ValidationClaimsExchange");
            s.Type("ValidationClaimsExchange").OneOrMore("ValidationClaimsExchangeTechnicalProfile");
            s.Type("ValidationClaimsExchangeTechnicalProfile").RequiredAttr("TechnicalProfileReferenceId")
                .Attr("ContinueOnSuccess", SimpleType.Boolean).Attr("ContinueOnError", SimpleType.Boolean)
                .ZeroOrMore("Preconditions");

            // ---- schema.md §3: ClaimsProviders; TechnicalProfile Ids are unique across all ClaimsProviders of a file ----
            s.Type("ClaimsProviders").OneOrMore("ClaimsProvider")
                .Key("TechnicalProfile Id", "ClaimsProvider/TechnicalProfiles/TechnicalProfile", "Id");
            s.Type("ClaimsProvider")
                .Optional("Domains")
                .OptionalText("Domain")
                .OptionalText("DisplayName")
                .Required("TechnicalProfiles");
            s.Type("Domains").OneOrMoreText("Domain", V.NonEmpty256);
            s.Type("TechnicalProfiles").ZeroOrMore("TechnicalProfile");

            // technical-profiles.md §3: children in XSD order.
            s.Type("TechnicalProfile").RequiredAttr("Id")
                .Optional("Domains")
                .OptionalText("Domain")
                .OptionalText("DisplayName")
                .OptionalText("Description")
                .Optional("Protocol")
                .OptionalText("InputTokenFormat", V.TokenFormat)
                .OptionalText("OutputTokenFormat", V.TokenFormat)
                .OptionalText("AssuranceLevelOfOutputClaims")
                .Optional("RequiredAssuranceLevelsOfInputClaims")
                .Optional("SubjectAuthenticationRequirements")
                .Optional("Metadata")
                .Optional("CryptographicKeys")
                .Optional("Suppressions")
                .OptionalText("PreferredBinding")
                .OptionalText("IncludeInSso", SimpleType.Boolean)
                .Optional("InputTokenSources")
                .ZeroOrMore("InputClaimsTransformations")
                .Optional("InputClaims")
                .Optional("DisplayClaims")
                .Optional("PersistedClaims")
                .Optional("OutputClaims")
                .ZeroOrMore("OutputClaimsTransformations")
                .ZeroOrMore("ValidationTechnicalProfiles")
                .Optional("SubjectNamingInfo")
                .Optional("Extensions")
                .OptionalText("IncludeClaimsFromTechnicalProfile")
                .Optional("IncludeTechnicalProfile", "ReferenceIdElement")
                .Optional("UseTechnicalProfileForSessionManagement", "ReferenceIdElement")
                .Optional("ErrorHandlers")
                .OptionalText("EnabledForUserJourneys", V.EnabledForUserJourneys);
            s.Type("Protocol").RequiredAttr("Name", V.TechnicalProfileProtocolName).Attr("Handler");
            s.Type("RequiredAssuranceLevelsOfInputClaims").ZeroOrMoreText("RequiredAssuranceLevelOfInputClaims");
            s.Type("SubjectAuthenticationRequirements").RequiredAttr("TimeToLive", SimpleType.Int).Attr("ResetExpiryWhenTokenIssued", SimpleType.Boolean);
            s.Type("CryptographicKeys").OneOrMore("Key");
            s.Type("Key").RequiredAttr("Id").RequiredAttr("StorageReferenceId");
            s.Type("Suppressions").OneOrMore("Item", "SuppressionItem");
            s.Type("SuppressionItem").RequiredAttr("Key").RequiredAttr("Value");
            s.Type("InputTokenSources").OneOrMore("TechnicalProfile", "InputTokenSource");
            s.Type("InputTokenSource").RequiredAttr("Id");
            s.Type("InputClaimsTransformations").OneOrMore("InputClaimsTransformation", "ReferenceIdElement");
            s.Type("OutputClaimsTransformations").OneOrMore("OutputClaimsTransformation", "ReferenceIdElement");
            s.Type("ReferenceIdElement").RequiredAttr("ReferenceId");
            s.Type("InputClaims").ZeroOrMore("InputClaim", "ClaimReference");
            s.Type("OutputClaims").ZeroOrMore("OutputClaim", "ClaimReference");
            s.Type("ClaimReference").RequiredAttr("ClaimTypeReferenceId").Attr("PartnerClaimType").Attr("Required", SimpleType.Boolean)
                .Attr("DefaultValue").Attr("AlwaysUseDefaultValue", SimpleType.Boolean)
                .ZeroOrMore("From");
            s.Type("From").RequiredAttr("TechnicalProfileReferenceId");
            s.Type("DisplayClaims").ZeroOrMore("DisplayClaim");
            s.Type("DisplayClaim").Attr("ClaimTypeReferenceId").Attr("DisplayControlReferenceId").Attr("Required", SimpleType.Boolean);
            s.Type("PersistedClaims").ZeroOrMore("PersistedClaim");
            s.Type("PersistedClaim").RequiredAttr("ClaimTypeReferenceId").Attr("PartnerClaimType").Attr("DefaultValue")
                .Attr("OverwriteIfExists", SimpleType.Boolean).Attr("AlwaysUseDefaultValue", SimpleType.Boolean);
            s.Type("ValidationTechnicalProfiles").OneOrMore("ValidationTechnicalProfile")
                .Key("ValidationTechnicalProfile ReferenceId", "ValidationTechnicalProfile", "ReferenceId");
            s.Type("ValidationTechnicalProfile").RequiredAttr("ReferenceId")
                .Attr("ContinueOnSuccess", SimpleType.Boolean).Attr("ContinueOnError", SimpleType.Boolean)
                .ZeroOrMore("Preconditions");
            s.Type("SubjectNamingInfo").RequiredAttr("ClaimType").Attr("NameQualifier").Attr("SPNameQualifier").Attr("Format")
                .Attr("SPProvidedID").Attr("ExcludeAsClaim", SimpleType.Boolean);
            s.Type("Extensions").AnyChildren();
            s.Type("ErrorHandlers").ZeroOrMore("ErrorHandler");
            s.Type("ErrorHandler")
                .OptionalText("ErrorResponseFormat", V.ErrorResponseFormat)
                .RequiredText("ResponseMatch")
                .RequiredText("Action", V.ErrorHandlingAction)
                .ZeroOrMore("AdditionalRequestParameters");
            s.Type("AdditionalRequestParameters").FreeText().RequiredAttr("Key");

            // ---- schema.md §4: UserJourneys and SubJourneys ----
            s.Type("UserJourneys").OneOrMore("UserJourney").Key("UserJourney Id", "UserJourney", "Id");
            s.Type("UserJourney").RequiredAttr("Id").Attr("NonInteractive", SimpleType.Boolean).Attr("DefaultCpimIssuerTechnicalProfileReferenceId")
                .OptionalText("AssuranceLevel")
                .OptionalText("PreserveOriginalAssertion", SimpleType.Boolean)
                .Optional("Authorization")
                .Optional("OrchestrationSteps")
                .Optional("ClientDefinition", "ClientDefinitionReference")
                .Optional("CryptographicKeys");
            s.Type("Authorization").Optional("AuthorizationTechnicalProfiles");
            s.Type("AuthorizationTechnicalProfiles").OneOrMore("AuthorizationTechnicalProfile", "ReferenceIdElement")
                .Key("AuthorizationTechnicalProfile ReferenceId", "AuthorizationTechnicalProfile", "ReferenceId");
            s.Type("ClientDefinitionReference").Attr("ReferenceId");
            s.Type("SubJourneys").OneOrMore("SubJourney").Key("SubJourney Id", "SubJourney", "Id");
            s.Type("SubJourney").RequiredAttr("Id").RequiredAttr("Type", V.SubJourneyType)
                .Optional("OrchestrationSteps");
            s.Type("OrchestrationSteps").OneOrMore("OrchestrationStep")
                .Key("OrchestrationStep Order", "OrchestrationStep", "Order", numeric: true)
                .Key("ClaimsExchange Id", "OrchestrationStep/ClaimsExchanges/ClaimsExchange", "Id");
            s.Type("OrchestrationStep").RequiredAttr("Order", SimpleType.Int).RequiredAttr("Type", V.OrchestrationStepType)
                .Attr("ContentDefinitionReferenceId").Attr("CpimIssuerTechnicalProfileReferenceId")
                .ZeroOrMore("Preconditions")
                .ZeroOrMore("ClaimsProviderSelections")
                .ZeroOrMore("ClaimsExchanges")
                .ZeroOrMore("JourneyList");
            s.Type("Preconditions").OneOrMore("Precondition");
            s.Type("Precondition").RequiredAttr("Type", V.PreconditionType).RequiredAttr("ExecuteActionsIf", SimpleType.Boolean)
                .OneOrMoreText("Value")
                .OneOrMoreText("Action", V.PreconditionAction);
            s.Type("ClaimsProviderSelections").Attr("DisplayOption", V.DisplayOption).OneOrMore("ClaimsProviderSelection");
            s.Type("ClaimsProviderSelection").Attr("TargetClaimsExchangeId").Attr("ValidationClaimsExchangeId");
            s.Type("ClaimsExchanges").Attr("UserIdentity", SimpleType.Boolean).ZeroOrMore("ClaimsExchange");
            s.Type("ClaimsExchange").RequiredAttr("Id").RequiredAttr("TechnicalProfileReferenceId");
            s.Type("JourneyList").OneOrMore("Candidate");
            s.Type("Candidate").RequiredAttr("SubJourneyReferenceId");

            // ---- schema.md §5: RelyingParty ----
            s.Type("RelyingParty")
                .Optional("DefaultUserJourney", "ReferenceIdElement")
                .Optional("Endpoints")
                .Optional("UserJourneyBehaviors")
                .ZeroOrMore("TechnicalProfile");
            s.Type("Endpoints").OneOrMore("Endpoint").Key("Endpoint Id", "Endpoint", "Id");
            s.Type("Endpoint").RequiredAttr("Id").RequiredAttr("UserJourneyReferenceId");
            s.Type("UserJourneyBehaviors")
                .Optional("SingleSignOn")
                .OptionalText("SessionExpiryType", V.SessionExpiryType)
                .OptionalText("SessionExpiryInSeconds", SimpleType.Int)
                .Optional("AzureApplicationInsights")
                .Optional("JourneyInsights")
                .Optional("ContentDefinitionParameters")
                .Optional("JourneyFraming")
                .OptionalText("ScriptExecution", V.ScriptExecution)
                .Optional("OnError");
            s.Type("SingleSignOn").RequiredAttr("Scope", V.SingleSignOnScope).Attr("KeepAliveInDays", SimpleType.Int).Attr("EnforceIdTokenHintOnLogout", SimpleType.Boolean);
            s.Type("AzureApplicationInsights").RequiredAttr("InstrumentationKey", V.Guid);
            s.Type("JourneyInsights").RequiredAttr("InstrumentationKey", V.Guid).RequiredAttr("TelemetryEngine", V.TelemetryEngine)
                .Attr("DeveloperMode", SimpleType.Boolean).Attr("ClientEnabled", SimpleType.Boolean).Attr("ServerEnabled", SimpleType.Boolean)
                .Attr("TelemetryVersion", V.ThreePartVersion);
            s.Type("ContentDefinitionParameters").OneOrMore("Parameter", "ContentDefinitionParameter");
            s.Type("ContentDefinitionParameter").FreeText().RequiredAttr("Name");
            s.Type("JourneyFraming").RequiredAttr("Enabled", SimpleType.Boolean).RequiredAttr("Sources");
            s.Type("OnError").RequiredAttr("Mode", V.OnErrorMode);

            return s.Build("TrustFrameworkPolicy");
        }
    }
}
