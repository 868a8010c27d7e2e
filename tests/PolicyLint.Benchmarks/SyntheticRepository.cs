using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Writes a policy repository shaped like real ones: per "family" a TrustFrameworkBase (claims, predicates,
    /// transformations, content definitions, 100 technical profiles of the usual protocols, four journeys),
    /// a TrustFrameworkLocalization, a TrustFrameworkExtensions (overrides and new profiles, one more journey) and
    /// four relying-party files. Scale 1 = 8 families (56 files, about 1,000 technical profiles); size grows
    /// linearly with the scale. Deterministic, and free of errors so that `dotnet build` passes.
    /// </summary>
    public static class SyntheticRepository
    {
        /// <summary>Bump when the generated shape changes, so cached copies are regenerated.</summary>
        public const int Version = 4;
        public const int FamiliesPerScale = 8;
        public const int ProfilesPerBase = 100;
        private const int ClaimCount = 60;
        private const int TransformationCount = 20;
        private const string Tenant = "contoso.onmicrosoft.com";
        private const string Ns = "http://schemas.microsoft.com/online/cpim/schemas/2013/06";
        private const string AadHandler = "Web.TPEngine.Providers.AzureActiveDirectoryProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        private const string SelfAssertedHandler = "Web.TPEngine.Providers.SelfAssertedAttributeProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        private const string RestHandler = "Web.TPEngine.Providers.RestfulProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        private const string TransformationHandler = "Web.TPEngine.Providers.ClaimsTransformationProtocolProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        private const string NoopSessionHandler = "Web.TPEngine.SSO.NoopSSOSessionProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        private const string SessionHandler = "Web.TPEngine.SSO.DefaultSSOSessionProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";

        public static readonly string[] RelyingParties = { "SignUpOrSignin", "ProfileEdit", "PasswordReset", "SignIn" };

        /// <summary>A generated repository under <paramref name="root"/>/scale-N, reused when already complete.</summary>
        public static string Ensure(string root, int scale) => EnsureFamilies(root, $"scale-{scale}", scale * FamiliesPerScale);

        /// <summary>A repository of this many families under <paramref name="root"/>/NAME, reused when already complete.</summary>
        public static string EnsureFamilies(string root, string name, int families)
        {
            string dir = Path.Combine(root, $"v{Version}-{name}");
            string done = Path.Combine(dir, ".complete");
            if (File.Exists(done)) return dir;
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            WriteFamilies(dir, families);
            File.WriteAllText(done, DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
            return dir;
        }

        public static void Write(string dir, int scale) => WriteFamilies(dir, scale * FamiliesPerScale);

        public static void WriteFamilies(string dir, int families)
        {
            for (int f = 0; f < families; f++)
            {
                string familyDir = Path.Combine(dir, $"family{f:D4}");
                Directory.CreateDirectory(familyDir);
                string prefix = $"B2C_1A_F{f:D4}_";
                Save(familyDir, "TrustFrameworkBase.xml", Base(prefix));
                Save(familyDir, "TrustFrameworkLocalization.xml", Localization(prefix));
                Save(familyDir, "TrustFrameworkExtensions.xml", Extensions(prefix));
                for (int r = 0; r < RelyingParties.Length; r++)
                    Save(familyDir, RelyingParties[r] + ".xml", RelyingParty(prefix, RelyingParties[r], r));
            }
        }

        private static void Save(string dir, string name, string text) => File.WriteAllText(Path.Combine(dir, name), text, new UTF8Encoding(false));

        private static StringBuilder Head(string policyId, string? basePolicyId)
        {
            var s = new StringBuilder(64 * 1024);
            s.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            s.Append($"<TrustFrameworkPolicy xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"{Ns}\"\n");
            s.Append($"  PolicySchemaVersion=\"0.3.0.0\" TenantId=\"{Tenant}\" PolicyId=\"{policyId}\" PublicPolicyUri=\"http://{Tenant}/{policyId}\">\n");
            if (basePolicyId != null)
                s.Append($"  <BasePolicy>\n    <TenantId>{Tenant}</TenantId>\n    <PolicyId>{basePolicyId}</PolicyId>\n  </BasePolicy>\n");
            return s;
        }

        private static string Claim(int i) => "claim" + i.ToString("D2", CultureInfo.InvariantCulture);

        private static string Base(string prefix)
        {
            var s = Head(prefix + "TrustFrameworkBase", null);
            s.Append("  <BuildingBlocks>\n    <ClaimsSchema>\n");
            foreach (var (id, type, input) in new[] { ("objectId", "string", ""), ("email", "string", "TextBox"), ("signInName", "string", "TextBox"),
                ("password", "string", "Password"), ("displayName", "string", "TextBox"), ("givenName", "string", "TextBox"), ("surname", "string", "TextBox"),
                ("isNewUser", "boolean", ""), ("userPrincipalName", "string", ""), ("authenticationSource", "string", "") })
            {
                s.Append($"      <ClaimType Id=\"{id}\">\n        <DisplayName>{id}</DisplayName>\n        <DataType>{type}</DataType>\n");
                s.Append($"        <UserHelpText>The user's {id}.</UserHelpText>\n");
                if (input.Length > 0) s.Append($"        <UserInputType>{input}</UserInputType>\n");
                if (id == "password") s.Append("        <PredicateValidationReference Id=\"StrongPassword\" />\n");
                s.Append("      </ClaimType>\n");
            }
            for (int i = 0; i < ClaimCount; i++)
            {
                s.Append($"      <ClaimType Id=\"{Claim(i)}\">\n        <DisplayName>Claim {i}</DisplayName>\n        <DataType>string</DataType>\n");
                s.Append("        <DefaultPartnerClaimTypes>\n");
                s.Append($"          <Protocol Name=\"OpenIdConnect\" PartnerClaimType=\"c{i}\" />\n");
                s.Append("        </DefaultPartnerClaimTypes>\n");
                s.Append($"        <UserHelpText>Value number {i}.</UserHelpText>\n");
                if (i % 10 == 0)
                {
                    s.Append("        <UserInputType>DropdownSingleSelect</UserInputType>\n        <Restriction>\n");
                    for (int e = 0; e < 4; e++) s.Append($"          <Enumeration Text=\"Option {e}\" Value=\"o{e}\" SelectByDefault=\"{(e == 0 ? "true" : "false")}\" />\n");
                    s.Append("        </Restriction>\n");
                }
                else
                {
                    s.Append("        <UserInputType>TextBox</UserInputType>\n");
                }
                s.Append("      </ClaimType>\n");
            }
            s.Append("    </ClaimsSchema>\n");
            s.Append("    <Predicates>\n");
            s.Append("      <Predicate Id=\"IsLengthBetween8And64\" Method=\"IsLengthRange\" HelpText=\"The password must be between 8 and 64 characters.\">\n        <Parameters>\n          <Parameter Id=\"Minimum\">8</Parameter>\n          <Parameter Id=\"Maximum\">64</Parameter>\n        </Parameters>\n      </Predicate>\n");
            s.Append("      <Predicate Id=\"Lowercase\" Method=\"IncludesCharacters\" HelpText=\"a lowercase letter\">\n        <Parameters>\n          <Parameter Id=\"CharacterSet\">a-z</Parameter>\n        </Parameters>\n      </Predicate>\n");
            s.Append("    </Predicates>\n    <PredicateValidations>\n      <PredicateValidation Id=\"StrongPassword\">\n        <PredicateGroups>\n");
            s.Append("          <PredicateGroup Id=\"Length\">\n            <PredicateReferences>\n              <PredicateReference Id=\"IsLengthBetween8And64\" />\n            </PredicateReferences>\n          </PredicateGroup>\n");
            s.Append("          <PredicateGroup Id=\"Characters\">\n            <PredicateReferences MatchAtLeast=\"1\">\n              <PredicateReference Id=\"Lowercase\" />\n            </PredicateReferences>\n          </PredicateGroup>\n");
            s.Append("        </PredicateGroups>\n      </PredicateValidation>\n    </PredicateValidations>\n");
            s.Append("    <ClaimsTransformations>\n");
            for (int i = 0; i < TransformationCount; i++)
            {
                if (i % 2 == 0)
                {
                    s.Append($"      <ClaimsTransformation Id=\"Copy{Claim(i)}\" TransformationMethod=\"FormatStringClaim\">\n");
                    s.Append($"        <InputClaims>\n          <InputClaim ClaimTypeReferenceId=\"{Claim(i)}\" TransformationClaimType=\"inputClaim\" />\n        </InputClaims>\n");
                    s.Append("        <InputParameters>\n          <InputParameter Id=\"stringFormat\" DataType=\"string\" Value=\"prefix-{0}\" />\n        </InputParameters>\n");
                    s.Append($"        <OutputClaims>\n          <OutputClaim ClaimTypeReferenceId=\"{Claim(i + 1)}\" TransformationClaimType=\"outputClaim\" />\n        </OutputClaims>\n");
                }
                else
                {
                    s.Append($"      <ClaimsTransformation Id=\"Create{Claim(i)}\" TransformationMethod=\"CreateRandomString\">\n");
                    s.Append("        <InputParameters>\n          <InputParameter Id=\"randomGeneratorType\" DataType=\"string\" Value=\"GUID\" />\n        </InputParameters>\n");
                    s.Append($"        <OutputClaims>\n          <OutputClaim ClaimTypeReferenceId=\"{Claim(i)}\" TransformationClaimType=\"outputClaim\" />\n        </OutputClaims>\n");
                }
                s.Append("      </ClaimsTransformation>\n");
            }
            s.Append("    </ClaimsTransformations>\n    <ContentDefinitions>\n");
            foreach (var (id, page, version) in new[] { ("api.error", "globalexception", "1.2.1"), ("api.idpselections", "providerselection", "1.2.1"),
                ("api.signuporsignin", "unifiedssp", "2.1.5"), ("api.selfasserted", "selfasserted", "2.1.7"),
                ("api.selfasserted.profileupdate", "selfasserted", "2.1.7"), ("api.localaccountsignup", "selfasserted", "2.1.7") })
            {
                s.Append($"      <ContentDefinition Id=\"{id}\">\n        <LoadUri>~/tenant/templates/AzureBlue/{page}.cshtml</LoadUri>\n");
                s.Append($"        <RecoveryUri>~/common/default_page_error.html</RecoveryUri>\n        <DataUri>urn:com:microsoft:aad:b2c:elements:contract:{page}:{version}</DataUri>\n");
                s.Append($"        <Metadata>\n          <Item Key=\"DisplayName\">{id}</Item>\n        </Metadata>\n      </ContentDefinition>\n");
            }
            s.Append("    </ContentDefinitions>\n  </BuildingBlocks>\n  <ClaimsProviders>\n");

            s.Append("    <ClaimsProvider>\n      <DisplayName>Token Issuer</DisplayName>\n      <TechnicalProfiles>\n");
            s.Append("        <TechnicalProfile Id=\"JwtIssuer\">\n          <DisplayName>JWT Issuer</DisplayName>\n          <Protocol Name=\"OpenIdConnect\" />\n          <OutputTokenFormat>JWT</OutputTokenFormat>\n");
            s.Append("          <Metadata>\n            <Item Key=\"client_id\">{service:te}</Item>\n            <Item Key=\"issuer_refresh_token_user_identity_claim_type\">objectId</Item>\n          </Metadata>\n");
            s.Append("          <CryptographicKeys>\n            <Key Id=\"issuer_secret\" StorageReferenceId=\"B2C_1A_TokenSigningKeyContainer\" />\n            <Key Id=\"issuer_refresh_token_key\" StorageReferenceId=\"B2C_1A_TokenEncryptionKeyContainer\" />\n          </CryptographicKeys>\n");
            s.Append("          <InputClaims />\n          <OutputClaims />\n          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-Noop\" />\n        </TechnicalProfile>\n");
            s.Append($"        <TechnicalProfile Id=\"SM-Noop\">\n          <DisplayName>Noop session</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{NoopSessionHandler}\" />\n        </TechnicalProfile>\n");
            s.Append($"        <TechnicalProfile Id=\"SM-AAD\">\n          <DisplayName>Session</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{SessionHandler}\" />\n");
            s.Append("          <PersistedClaims>\n            <PersistedClaim ClaimTypeReferenceId=\"objectId\" />\n            <PersistedClaim ClaimTypeReferenceId=\"signInName\" />\n          </PersistedClaims>\n");
            s.Append("          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"isNewUser\" DefaultValue=\"false\" />\n          </OutputClaims>\n        </TechnicalProfile>\n");
            s.Append($"        <TechnicalProfile Id=\"AAD-Common\">\n          <DisplayName>Azure Active Directory</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{AadHandler}\" />\n");
            s.Append("          <CryptographicKeys>\n            <Key Id=\"issuer_secret\" StorageReferenceId=\"B2C_1A_TokenSigningKeyContainer\" />\n          </CryptographicKeys>\n");
            s.Append("          <IncludeInSso>false</IncludeInSso>\n          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-Noop\" />\n        </TechnicalProfile>\n");
            s.Append("      </TechnicalProfiles>\n    </ClaimsProvider>\n");

            for (int group = 0; group < ProfilesPerBase / 10; group++)
            {
                s.Append($"    <ClaimsProvider>\n      <DisplayName>Provider group {group}</DisplayName>\n      <TechnicalProfiles>\n");
                for (int i = group * 10; i < group * 10 + 10; i++) Profile(s, i);
                s.Append("      </TechnicalProfiles>\n    </ClaimsProvider>\n");
            }
            s.Append("  </ClaimsProviders>\n  <UserJourneys>\n");
            for (int j = 0; j < RelyingParties.Length; j++) Journey(s, "Journey" + j, j * 24);
            s.Append("  </UserJourneys>\n</TrustFrameworkPolicy>\n");
            return s.ToString();
        }

        /// <summary>Technical profile number i: self-asserted, directory read, REST or transformation, in turn.</summary>
        private static void Profile(StringBuilder s, int i)
        {
            string a = Claim(i % ClaimCount), b = Claim((i + 7) % ClaimCount), c = Claim((i + 13) % ClaimCount);
            switch (i % 4)
            {
                case 0:
                    s.Append($"        <TechnicalProfile Id=\"SelfAsserted-{i}\">\n          <DisplayName>Collect step {i}</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{SelfAssertedHandler}\" />\n");
                    s.Append("          <Metadata>\n            <Item Key=\"ContentDefinitionReferenceId\">api.selfasserted</Item>\n            <Item Key=\"setting.showCancelButton\">false</Item>\n          </Metadata>\n");
                    s.Append("          <CryptographicKeys>\n            <Key Id=\"issuer_secret\" StorageReferenceId=\"B2C_1A_TokenSigningKeyContainer\" />\n          </CryptographicKeys>\n");
                    s.Append($"          <InputClaims>\n            <InputClaim ClaimTypeReferenceId=\"email\" />\n          </InputClaims>\n");
                    s.Append($"          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"email\" Required=\"true\" />\n            <OutputClaim ClaimTypeReferenceId=\"{a}\" Required=\"true\" />\n            <OutputClaim ClaimTypeReferenceId=\"{b}\" />\n            <OutputClaim ClaimTypeReferenceId=\"{c}\" />\n          </OutputClaims>\n");
                    s.Append($"          <ValidationTechnicalProfiles>\n            <ValidationTechnicalProfile ReferenceId=\"AAD-Read-{i + 1}\" />\n          </ValidationTechnicalProfiles>\n");
                    s.Append("          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-AAD\" />\n        </TechnicalProfile>\n");
                    break;
                case 1:
                    s.Append($"        <TechnicalProfile Id=\"AAD-Read-{i}\">\n          <Metadata>\n            <Item Key=\"Operation\">Read</Item>\n            <Item Key=\"RaiseErrorIfClaimsPrincipalDoesNotExist\">true</Item>\n          </Metadata>\n");
                    s.Append("          <InputClaims>\n            <InputClaim ClaimTypeReferenceId=\"email\" PartnerClaimType=\"signInNames.emailAddress\" Required=\"true\" />\n          </InputClaims>\n");
                    s.Append($"          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"objectId\" />\n            <OutputClaim ClaimTypeReferenceId=\"{a}\" PartnerClaimType=\"extension_{a}\" />\n            <OutputClaim ClaimTypeReferenceId=\"displayName\" />\n          </OutputClaims>\n");
                    s.Append("          <IncludeTechnicalProfile ReferenceId=\"AAD-Common\" />\n        </TechnicalProfile>\n");
                    break;
                case 2:
                    s.Append($"        <TechnicalProfile Id=\"REST-{i}\">\n          <DisplayName>Call API {i}</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{RestHandler}\" />\n");
                    s.Append($"          <Metadata>\n            <Item Key=\"ServiceUrl\">https://api.contoso.com/step/{i}</Item>\n            <Item Key=\"AuthenticationType\">Bearer</Item>\n            <Item Key=\"SendClaimsIn\">Body</Item>\n          </Metadata>\n");
                    s.Append("          <CryptographicKeys>\n            <Key Id=\"BearerAuthenticationToken\" StorageReferenceId=\"B2C_1A_RestApiKey\" />\n          </CryptographicKeys>\n");
                    s.Append($"          <InputClaims>\n            <InputClaim ClaimTypeReferenceId=\"objectId\" />\n            <InputClaim ClaimTypeReferenceId=\"email\" PartnerClaimType=\"value\" />\n          </InputClaims>\n");
                    s.Append($"          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"{b}\" PartnerClaimType=\"result\" />\n          </OutputClaims>\n");
                    s.Append("          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-Noop\" />\n        </TechnicalProfile>\n");
                    break;
                default:
                    int t = (i / 4) % TransformationCount;
                    string transformation = t % 2 == 0 ? "Copy" + Claim(t) : "Create" + Claim(t);
                    string output = t % 2 == 0 ? Claim(t + 1) : Claim(t);
                    s.Append($"        <TechnicalProfile Id=\"Transform-{i}\">\n          <DisplayName>Transform {i}</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{TransformationHandler}\" />\n");
                    s.Append($"          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"{output}\" />\n          </OutputClaims>\n");
                    s.Append($"          <OutputClaimsTransformations>\n            <OutputClaimsTransformation ReferenceId=\"{transformation}\" />\n          </OutputClaimsTransformations>\n");
                    s.Append("          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-Noop\" />\n        </TechnicalProfile>\n");
                    break;
            }
        }

        /// <summary>A sign-in journey: provider selection, then exchanges with preconditions, then SendClaims.</summary>
        private static void Journey(StringBuilder s, string id, int firstProfile)
        {
            s.Append($"    <UserJourney Id=\"{id}\">\n      <OrchestrationSteps>\n");
            s.Append("        <OrchestrationStep Order=\"1\" Type=\"CombinedSignInAndSignUp\" ContentDefinitionReferenceId=\"api.signuporsignin\">\n");
            s.Append("          <ClaimsProviderSelections>\n            <ClaimsProviderSelection ValidationClaimsExchangeId=\"LocalAccountSigninEmailExchange\" />\n          </ClaimsProviderSelections>\n");
            s.Append($"          <ClaimsExchanges>\n            <ClaimsExchange Id=\"LocalAccountSigninEmailExchange\" TechnicalProfileReferenceId=\"SelfAsserted-{firstProfile}\" />\n          </ClaimsExchanges>\n        </OrchestrationStep>\n");
            int order = 2;
            for (int k = 1; k < 28; k++)
            {
                int p = firstProfile + k;
                string profile = (p % 4) switch { 0 => "SelfAsserted-", 1 => "AAD-Read-", 2 => "REST-", _ => "Transform-" } + p;
                s.Append($"        <OrchestrationStep Order=\"{order}\" Type=\"ClaimsExchange\">\n");
                if (k % 3 == 1)
                {
                    s.Append("          <Preconditions>\n            <Precondition Type=\"ClaimsExist\" ExecuteActionsIf=\"true\">\n");
                    s.Append($"              <Value>{Claim(p % ClaimCount)}</Value>\n              <Action>SkipThisOrchestrationStep</Action>\n            </Precondition>\n          </Preconditions>\n");
                }
                s.Append($"          <ClaimsExchanges>\n            <ClaimsExchange Id=\"Step{order}Exchange\" TechnicalProfileReferenceId=\"{profile}\" />\n          </ClaimsExchanges>\n        </OrchestrationStep>\n");
                order++;
            }
            s.Append($"        <OrchestrationStep Order=\"{order}\" Type=\"SendClaims\" CpimIssuerTechnicalProfileReferenceId=\"JwtIssuer\" />\n");
            s.Append("      </OrchestrationSteps>\n    </UserJourney>\n");
        }

        private static string Localization(string prefix)
        {
            var s = Head(prefix + "TrustFrameworkLocalization", prefix + "TrustFrameworkBase");
            s.Append("  <BuildingBlocks>\n    <ContentDefinitions>\n");
            foreach (var id in new[] { "api.signuporsignin", "api.selfasserted" })
            {
                s.Append($"      <ContentDefinition Id=\"{id}\">\n        <LocalizedResourcesReferences MergeBehavior=\"Prepend\">\n");
                foreach (var language in new[] { "en", "fr" })
                    s.Append($"          <LocalizedResourcesReference Language=\"{language}\" LocalizedResourcesReferenceId=\"{id}.{language}\" />\n");
                s.Append("        </LocalizedResourcesReferences>\n      </ContentDefinition>\n");
            }
            s.Append("    </ContentDefinitions>\n    <Localization Enabled=\"true\">\n");
            s.Append("      <SupportedLanguages DefaultLanguage=\"en\" MergeBehavior=\"ReplaceAll\">\n        <SupportedLanguage>en</SupportedLanguage>\n        <SupportedLanguage>fr</SupportedLanguage>\n      </SupportedLanguages>\n");
            foreach (var id in new[] { "api.signuporsignin", "api.selfasserted" })
                foreach (var language in new[] { "en", "fr" })
                {
                    s.Append($"      <LocalizedResources Id=\"{id}.{language}\">\n        <LocalizedStrings>\n");
                    for (int i = 0; i < 20; i++)
                        s.Append($"          <LocalizedString ElementType=\"ClaimType\" ElementId=\"{Claim(i)}\" StringId=\"DisplayName\">{language} claim {i}</LocalizedString>\n");
                    string button = id == "api.signuporsignin" ? "button_signin" : "button_continue";
                    s.Append($"          <LocalizedString ElementType=\"UxElement\" StringId=\"{button}\">Continue</LocalizedString>\n");
                    s.Append("        </LocalizedStrings>\n      </LocalizedResources>\n");
                }
            s.Append("    </Localization>\n  </BuildingBlocks>\n</TrustFrameworkPolicy>\n");
            return s.ToString();
        }

        private static string Extensions(string prefix)
        {
            var s = Head(prefix + "TrustFrameworkExtensions", prefix + "TrustFrameworkLocalization");
            s.Append("  <BuildingBlocks>\n    <ClaimsSchema>\n");
            s.Append("      <ClaimType Id=\"extension_loyaltyNumber\">\n        <DisplayName>Loyalty number</DisplayName>\n        <DataType>string</DataType>\n        <UserInputType>TextBox</UserInputType>\n      </ClaimType>\n");
            s.Append("    </ClaimsSchema>\n  </BuildingBlocks>\n  <ClaimsProviders>\n    <ClaimsProvider>\n      <DisplayName>Overrides</DisplayName>\n      <TechnicalProfiles>\n");
            // Five overrides of base profiles (merged by Id) ...
            for (int k = 0; k < 5; k++)
            {
                int i = k * 8 + 2;
                s.Append($"        <TechnicalProfile Id=\"REST-{i}\">\n          <Metadata>\n            <Item Key=\"ServiceUrl\">https://api.contoso.com/v2/step/{i}</Item>\n          </Metadata>\n");
                s.Append("          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"extension_loyaltyNumber\" PartnerClaimType=\"loyalty\" />\n          </OutputClaims>\n        </TechnicalProfile>\n");
            }
            s.Append("      </TechnicalProfiles>\n    </ClaimsProvider>\n    <ClaimsProvider>\n      <DisplayName>Additions</DisplayName>\n      <TechnicalProfiles>\n");
            // ... and ten new ones that build on them.
            for (int k = 0; k < 10; k++)
            {
                s.Append($"        <TechnicalProfile Id=\"SelfAsserted-Extra-{k}\">\n          <DisplayName>Extra {k}</DisplayName>\n          <Protocol Name=\"Proprietary\" Handler=\"{SelfAssertedHandler}\" />\n");
                s.Append("          <Metadata>\n            <Item Key=\"ContentDefinitionReferenceId\">api.selfasserted.profileupdate</Item>\n          </Metadata>\n");
                s.Append($"          <OutputClaims>\n            <OutputClaim ClaimTypeReferenceId=\"extension_loyaltyNumber\" />\n            <OutputClaim ClaimTypeReferenceId=\"{Claim(k)}\" />\n          </OutputClaims>\n");
                s.Append($"          <ValidationTechnicalProfiles>\n            <ValidationTechnicalProfile ReferenceId=\"REST-{(k % 5) * 8 + 2}\" />\n          </ValidationTechnicalProfiles>\n");
                s.Append("          <UseTechnicalProfileForSessionManagement ReferenceId=\"SM-AAD\" />\n        </TechnicalProfile>\n");
            }
            s.Append("      </TechnicalProfiles>\n    </ClaimsProvider>\n  </ClaimsProviders>\n  <UserJourneys>\n");
            // Journey0 overridden: steps of the same Order replace the base's.
            s.Append("    <UserJourney Id=\"Journey0\">\n      <OrchestrationSteps>\n");
            for (int k = 0; k < 3; k++)
                s.Append($"        <OrchestrationStep Order=\"{k + 3}\" Type=\"ClaimsExchange\">\n          <ClaimsExchanges>\n            <ClaimsExchange Id=\"Extra{k}Exchange\" TechnicalProfileReferenceId=\"SelfAsserted-Extra-{k}\" />\n          </ClaimsExchanges>\n        </OrchestrationStep>\n");
            s.Append("      </OrchestrationSteps>\n    </UserJourney>\n  </UserJourneys>\n</TrustFrameworkPolicy>\n");
            return s.ToString();
        }

        private static string RelyingParty(string prefix, string name, int journey)
        {
            var s = Head(prefix + name, prefix + "TrustFrameworkExtensions");
            s.Append($"  <RelyingParty>\n    <DefaultUserJourney ReferenceId=\"Journey{journey}\" />\n");
            s.Append("    <UserJourneyBehaviors>\n      <SingleSignOn Scope=\"Tenant\" />\n      <SessionExpiryType>Rolling</SessionExpiryType>\n      <SessionExpiryInSeconds>86400</SessionExpiryInSeconds>\n    </UserJourneyBehaviors>\n");
            s.Append("    <TechnicalProfile Id=\"PolicyProfile\">\n      <DisplayName>PolicyProfile</DisplayName>\n      <Protocol Name=\"OpenIdConnect\" />\n      <OutputClaims>\n");
            s.Append("        <OutputClaim ClaimTypeReferenceId=\"displayName\" />\n        <OutputClaim ClaimTypeReferenceId=\"objectId\" PartnerClaimType=\"sub\" />\n");
            // Claims the journey's self-asserted and directory steps produce (Journey: profiles 24j to 24j+27; Journey0 replaces steps 3-5 in the extensions).
            for (int i = 0; i < 6; i++) s.Append($"        <OutputClaim ClaimTypeReferenceId=\"{Claim((journey * 24 + 8 + i / 2 * 4 + i % 2) % ClaimCount)}\" />\n");
            s.Append("        <OutputClaim ClaimTypeReferenceId=\"authenticationSource\" AlwaysOutputIfPresent=\"true\" DefaultValue=\"{Policy:TenantObjectId}\" />\n");
            s.Append("      </OutputClaims>\n      <SubjectNamingInfo ClaimType=\"sub\" />\n    </TechnicalProfile>\n  </RelyingParty>\n</TrustFrameworkPolicy>\n");
            return s.ToString();
        }

        /// <summary>Every .xml file under a directory, in a stable order.</summary>
        public static List<string> Files(string dir)
        {
            var files = new List<string>(Directory.GetFiles(dir, "*.xml", SearchOption.AllDirectories));
            files.Sort(StringComparer.Ordinal);
            return files;
        }
    }
}
