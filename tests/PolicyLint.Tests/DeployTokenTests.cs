using PolicyLint.Analysis;
using Xunit;
using PolicyLint.Common;

namespace PolicyLint.Tests
{
    /// <summary>Deploy-time tokens (PolicyLintTokenPatterns) against claim resolvers and plain values.</summary>
    public sealed class DeployTokenTests
    {
        [Theory]
        [InlineData("{{ tenantId }}")]
        [InlineData("{{environmentName}}authn.onmicrosoft.com")]
        [InlineData("{{ .Values.tenant }}")]
        [InlineData("#{TenantName}#.onmicrosoft.com")]
        [InlineData("https://__ApiHost__/api")]
        [InlineData("${TENANT_ID}")]
        [InlineData("{AADSecret}")]
        [InlineData(" {recaptchaSecret} ")]
        [InlineData("https://api.contoso.com/x?subscription-key={{key}}")]
        public void BuiltInShapesAreTokens(string value) => Assert.True(DeployTokens.Default.Contains(value));

        [Theory]
        [InlineData("{Context:CorrelationId}")]
        [InlineData("{OIDC:LoginHint}")]
        [InlineData("{Claim:email}")]
        [InlineData("{Settings:Tenant}")]
        [InlineData("https://login.microsoftonline.com/{tenant}/oauth2/token")]   // the service's own, inside a value
        [InlineData("https://api.contoso.com/users/{email}")]                    // a REST ServiceUrl's claim
        [InlineData("{0}")]
        [InlineData("{your_tenant_name}")]                                       // the docs' placeholder: PL7001's
        [InlineData("__")]
        [InlineData("contoso.onmicrosoft.com")]
        public void ResolversPlaceholdersAndPlainValuesAreNot(string value) => Assert.False(DeployTokens.Default.Contains(value));

        [Fact]
        public void ThePropertyReplacesOrExtendsTheBuiltInShapes()
        {
            var own = DeployTokens.Parse("@@NAME@@");
            Assert.True(own.Contains("@@Tenant@@.onmicrosoft.com"));
            Assert.False(own.Contains("{{ tenantId }}"));

            var extended = DeployTokens.Parse("default;@@NAME@@");
            Assert.True(extended.Contains("@@Tenant@@"));
            Assert.True(extended.Contains("{{ tenantId }}"));

            Assert.False(DeployTokens.Parse("none").Contains("{{ tenantId }}"));
            Assert.Equal(DeployTokens.Default.Shapes, DeployTokens.Parse("  ").Shapes);
            // An entry without NAME, or with nothing around it, is ignored.
            Assert.Empty(DeployTokens.Parse("NAME;{{x}}").Shapes);
        }

        [Fact]
        public void ClaimResolversStayDynamicAndTokensToo()
        {
            Assert.True(Placeholders.IsDynamic("{Culture:LanguageName}"));
            Assert.True(Placeholders.IsDynamic("#{ClientId}#"));
            Assert.False(Placeholders.IsDynamic("https://login.microsoftonline.com/{tenant}/v2.0"));
            Assert.True(Placeholders.IsSamplePlaceholder("your_tenant.onmicrosoft.com"));
            Assert.True(Placeholders.IsSamplePlaceholder("tenant-name.onmicrosoft.com"));
            Assert.True(Placeholders.IsSamplePlaceholder("add your InstrumentationKey here"));
            Assert.False(Placeholders.IsSamplePlaceholder("tenantName"));
        }
    }
}
