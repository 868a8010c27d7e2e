using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Navigation;
using PolicyLint.Resolution;

namespace PolicyLint.Tests.Navigation
{
    /// <summary>
    /// A small policy set: a base (claims, a transformation, content definitions, profiles, a journey), an extensions file
    /// that adds a claim and overrides a profile, and two relying parties. Line numbers in the tests are those of these texts.
    /// </summary>
    public static class NavigationFixture
    {
        public static readonly string Folder = Path.Combine(Path.GetTempPath(), "policylint-nav");
        public static readonly string BasePath = Path.Combine(Folder, "Base.xml");
        public static readonly string ExtensionsPath = Path.Combine(Folder, "Extensions.xml");
        public static readonly string SignInPath = Path.Combine(Folder, "SignIn.xml");
        public static readonly string ProfilePath = Path.Combine(Folder, "Profile.xml");

        private const string Root = "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"contoso.onmicrosoft.com\"";

        public static readonly string Base = Root + @" PolicyId=""B2C_1A_Base"" PublicPolicyUri=""http://contoso.onmicrosoft.com/B2C_1A_Base"">
  <BuildingBlocks>
    <ClaimsSchema>
      <ClaimType Id=""email"">
        <DisplayName>Email Address</DisplayName>
        <DataType>string</DataType>
        <UserInputType>TextBox</UserInputType>
      </ClaimType>
      <ClaimType Id=""objectId"">
        <DisplayName>User's Object ID</DisplayName>
        <DataType>string</DataType>
      </ClaimType>
      <ClaimType Id=""displayName"">
        <DisplayName>Display Name</DisplayName>
        <DataType>string</DataType>
      </ClaimType>
    </ClaimsSchema>
    <ClaimsTransformations>
      <ClaimsTransformation Id=""CopyEmail"" TransformationMethod=""CopyClaim"">
        <InputClaims>
          <InputClaim ClaimTypeReferenceId=""email"" TransformationClaimType=""inputClaim"" />
        </InputClaims>
        <OutputClaims>
          <OutputClaim ClaimTypeReferenceId=""displayName"" TransformationClaimType=""outputClaim"" />
        </OutputClaims>
      </ClaimsTransformation>
    </ClaimsTransformations>
    <ContentDefinitions>
      <ContentDefinition Id=""api.error"">
        <LoadUri>~/tenant/templates/AzureBlue/exception.cshtml</LoadUri>
        <DataUri>urn:com:microsoft:aad:b2c:elements:contract:globalexception:1.2.1</DataUri>
      </ContentDefinition>
      <ContentDefinition Id=""api.selfasserted"">
        <LoadUri>~/tenant/templates/AzureBlue/selfAsserted.cshtml</LoadUri>
        <DataUri>urn:com:microsoft:aad:b2c:elements:contract:selfasserted:2.1.7</DataUri>
      </ContentDefinition>
    </ContentDefinitions>
  </BuildingBlocks>
  <ClaimsProviders>
    <ClaimsProvider>
      <DisplayName>Local Account</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""SelfAsserted-Email"">
          <DisplayName>Email sign-in</DisplayName>
          <Protocol Name=""Proprietary"" Handler=""Web.TPEngine.Providers.SelfAssertedAttributeProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"" />
          <Metadata>
            <Item Key=""ContentDefinitionReferenceId"">api.selfasserted</Item>
          </Metadata>
          <OutputClaims>
            <OutputClaim ClaimTypeReferenceId=""email"" Required=""true"" />
          </OutputClaims>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
    <ClaimsProvider>
      <DisplayName>Azure Active Directory</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""AAD-Common"">
          <Protocol Name=""Proprietary"" Handler=""Web.TPEngine.Providers.AzureActiveDirectoryProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"" />
        </TechnicalProfile>
        <TechnicalProfile Id=""AAD-Read"">
          <InputClaims>
            <InputClaim ClaimTypeReferenceId=""objectId"" Required=""true"" />
          </InputClaims>
          <OutputClaims>
            <OutputClaim ClaimTypeReferenceId=""email"" />
          </OutputClaims>
          <OutputClaimsTransformations>
            <OutputClaimsTransformation ReferenceId=""CopyEmail"" />
          </OutputClaimsTransformations>
          <IncludeTechnicalProfile ReferenceId=""AAD-Common"" />
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
    <ClaimsProvider>
      <DisplayName>Token Issuer</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""JwtIssuer"">
          <Protocol Name=""OpenIdConnect"" />
          <OutputTokenFormat>JWT</OutputTokenFormat>
          <CryptographicKeys>
            <Key Id=""issuer_secret"" StorageReferenceId=""B2C_1A_TokenSigningKeyContainer"" />
          </CryptographicKeys>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
  </ClaimsProviders>
  <UserJourneys>
    <UserJourney Id=""SignIn"">
      <OrchestrationSteps>
        <OrchestrationStep Order=""1"" Type=""ClaimsExchange"">
          <ClaimsExchanges>
            <ClaimsExchange Id=""EmailExchange"" TechnicalProfileReferenceId=""SelfAsserted-Email"" />
          </ClaimsExchanges>
        </OrchestrationStep>
        <OrchestrationStep Order=""2"" Type=""ClaimsExchange"">
          <Preconditions>
            <Precondition Type=""ClaimsExist"" ExecuteActionsIf=""true"">
              <Value>loyaltyId</Value>
              <Action>SkipThisOrchestrationStep</Action>
            </Precondition>
          </Preconditions>
          <ClaimsExchanges>
            <ClaimsExchange Id=""ReadExchange"" TechnicalProfileReferenceId=""AAD-Read"" />
          </ClaimsExchanges>
        </OrchestrationStep>
        <OrchestrationStep Order=""3"" Type=""SendClaims"" CpimIssuerTechnicalProfileReferenceId=""JwtIssuer"" />
      </OrchestrationSteps>
    </UserJourney>
  </UserJourneys>
</TrustFrameworkPolicy>
";

        public static readonly string Extensions = Root + @" PolicyId=""B2C_1A_Ext"" PublicPolicyUri=""http://contoso.onmicrosoft.com/B2C_1A_Ext"">
  <BasePolicy>
    <TenantId>contoso.onmicrosoft.com</TenantId>
    <PolicyId>B2C_1A_Base</PolicyId>
  </BasePolicy>
  <BuildingBlocks>
    <ClaimsSchema>
      <ClaimType Id=""loyaltyId"">
        <DisplayName>Loyalty number</DisplayName>
        <DataType>int</DataType>
      </ClaimType>
    </ClaimsSchema>
  </BuildingBlocks>
  <ClaimsProviders>
    <ClaimsProvider>
      <DisplayName>Azure Active Directory</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""AAD-Read"">
          <OutputClaims>
            <OutputClaim ClaimTypeReferenceId=""loyaltyId"" />
          </OutputClaims>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
    <ClaimsProvider>
      <DisplayName>Local Account</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""SelfAsserted-Email"">
          <ValidationTechnicalProfiles>
            <ValidationTechnicalProfile ReferenceId=""AAD-Read"" />
          </ValidationTechnicalProfiles>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
  </ClaimsProviders>
</TrustFrameworkPolicy>
";

        public static readonly string SignIn = RelyingParty("B2C_1A_SignIn", @"
            <OutputClaim ClaimTypeReferenceId=""email"" />
            <OutputClaim ClaimTypeReferenceId=""loyaltyId"" />
            <OutputClaim ClaimTypeReferenceId=""objectId"" PartnerClaimType=""sub"" />");

        public static readonly string Profile = RelyingParty("B2C_1A_Profile", @"
            <OutputClaim ClaimTypeReferenceId=""EMAIL"" />
            <OutputClaim ClaimTypeReferenceId=""undeclaredClaim"" />");

        private static string RelyingParty(string policyId, string outputClaims) => Root + $@" PolicyId=""{policyId}"" PublicPolicyUri=""http://contoso.onmicrosoft.com/{policyId}"">
  <BasePolicy>
    <TenantId>contoso.onmicrosoft.com</TenantId>
    <PolicyId>B2C_1A_Ext</PolicyId>
  </BasePolicy>
  <RelyingParty>
    <DefaultUserJourney ReferenceId=""SignIn"" />
    <TechnicalProfile Id=""PolicyProfile"">
      <DisplayName>PolicyProfile</DisplayName>
      <Protocol Name=""OpenIdConnect"" />
      <OutputClaims>{outputClaims}
      </OutputClaims>
      <SubjectNamingInfo ClaimType=""sub"" />
    </TechnicalProfile>
  </RelyingParty>
</TrustFrameworkPolicy>
";

        public static IReadOnlyDictionary<string, string> Texts => new Dictionary<string, string>
        {
            [BasePath] = Base,
            [ExtensionsPath] = Extensions,
            [SignInPath] = SignIn,
            [ProfilePath] = Profile,
        };

        /// <summary>The set as the workspace builds it; <paramref name="references"/> are B2CPolicyReference files.</summary>
        public static PolicySet Set(IReadOnlyDictionary<string, string>? texts = null, params string[] references)
            => new PolicySet((texts ?? Texts).Select(p => new PolicyFile(PolicyParser.Parse(p.Key, p.Value), references.Contains(p.Key))));

        /// <summary>The offset of the <paramref name="occurrence"/>-th (from 1) appearance of <paramref name="marker"/> in a text, plus <paramref name="delta"/>.</summary>
        public static int At(string text, string marker, int occurrence = 1, int delta = 0)
        {
            int at = -1;
            for (int i = 0; i < occurrence; i++)
            {
                at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
                if (at < 0) throw new ArgumentException($"'{marker}' #{occurrence} not in the text");
            }
            return at + delta;
        }

        /// <summary>"Base.xml(5,22,5,27)": file name and one-based start and end line and column.</summary>
        public static string Format(SymbolLocation location) => Path.GetFileName(location.Path) + location.Span;

        public static string Format(string path, SourceSpan span) => Path.GetFileName(path) + span;
    }
}
