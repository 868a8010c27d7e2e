namespace PolicyLint.Build.Tests
{
    /// <summary>Small, valid policies for build tests. Line numbers in the tests depend on these layouts.</summary>
    public static class Policies
    {
        /// <summary>A base declaring 'email' and a transformation profile.</summary>
        public static string Base(string tenant = "contoso.onmicrosoft.com") => $@"<?xml version=""1.0"" encoding=""utf-8""?>
<TrustFrameworkPolicy xmlns=""http://schemas.microsoft.com/online/cpim/schemas/2013/06"" PolicySchemaVersion=""0.3.0.0"" TenantId=""{tenant}"" PolicyId=""B2C_1A_Base"" PublicPolicyUri=""http://{tenant}/B2C_1A_Base"">
  <BuildingBlocks>
    <ClaimsSchema>
      <ClaimType Id=""email"">
        <DisplayName>Email</DisplayName>
        <DataType>string</DataType>
      </ClaimType>
    </ClaimsSchema>
  </BuildingBlocks>
</TrustFrameworkPolicy>
";

        /// <summary>A child of B2C_1A_Base whose line 12 references the claim given (column 47 is the value) when before is empty.</summary>
        public static string Child(string claim, string tenant = "contoso.onmicrosoft.com", string before = "") => $@"<?xml version=""1.0"" encoding=""utf-8""?>
<TrustFrameworkPolicy xmlns=""http://schemas.microsoft.com/online/cpim/schemas/2013/06"" PolicySchemaVersion=""0.3.0.0"" TenantId=""{tenant}"" PolicyId=""B2C_1A_Child"" PublicPolicyUri=""http://{tenant}/B2C_1A_Child"">
  <BasePolicy><TenantId>{tenant}</TenantId><PolicyId>B2C_1A_Base</PolicyId></BasePolicy>
  <ClaimsProviders>
    <ClaimsProvider>
      <DisplayName>Local</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""Copy"">
          <DisplayName>Copy</DisplayName>
          <Protocol Name=""Proprietary"" Handler=""Web.TPEngine.Providers.ClaimsTransformationProtocolProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"" />
          <InputClaims>{before}
            <InputClaim ClaimTypeReferenceId=""{claim}"" />
          </InputClaims>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
  </ClaimsProviders>
</TrustFrameworkPolicy>
";
    }
}
