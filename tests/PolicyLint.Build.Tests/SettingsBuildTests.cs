using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>B2CSettingsFile / B2CEnvironment in a real build: the B2C VS Code extension's appsettings.json.</summary>
    [Collection("package")]
    public sealed class SettingsBuildTests
    {
        private readonly PackageFeed _feed;

        public SettingsBuildTests(PackageFeed feed) => _feed = feed;

        private const string Token = "{Settings:Tenant}";

        private static string Settings(string productionTenant) => @"{
  ""Environments"": [
    { ""Name"": ""Test"", ""Production"": false, ""Tenant"": ""contoso-test.onmicrosoft.com"", ""PolicySettings"": { } },
    { ""Name"": ""Production"", ""Production"": true, " + productionTenant + @"""PolicySettings"": { } }
  ]
}
";

        private static List<string> Problems(BuildResult result, TestRepo repo)
            => result.Diagnostics(repo.Directory).Where(l => !l.Contains(": message ")).ToList();

        [Fact]
        public void DefaultAppSettingsIsLintedPerEnvironmentAndItsChangeReRunsTheLint()
        {
            var repo = _feed.NewRepo("settings")
                .Write("TrustFrameworkBase.xml", Policies.Base(Token))
                .Write("SignUp.xml", Policies.Child("email", Token))
                .Write("appsettings.json", Settings(productionTenant: ""))
                .SdkProject();

            var all = repo.Build();
            Assert.NotEqual(0, all.ExitCode);
            // {Settings:Tenant} has no value in Production: each token, once, at the token itself.
            Assert.Equal(new[]
            {
                "SignUp.xml(2,128,2,145): error PL7008",
                "SignUp.xml(2,195,2,212): error PL7008",
                "SignUp.xml(3,25,3,42): error PL7008",
                "TrustFrameworkBase.xml(2,128,2,145): error PL7008",
                "TrustFrameworkBase.xml(2,194,2,211): error PL7008",
            }, Problems(all, repo));
            Assert.Contains("has no value in environment 'Production' of appsettings.json", all.Output);
            Assert.DoesNotContain("environment 'Test'", all.Output);

            // B2CEnvironment picks one environment.
            Assert.Equal(0, repo.Build("-p:B2CEnvironment=Test").ExitCode);

            // Editing the settings file re-runs the lint.
            repo.Write("appsettings.json", Settings(productionTenant: @"""Tenant"": ""contoso.onmicrosoft.com"", "));
            var fixedBuild = repo.Build();
            Assert.Equal(0, fixedBuild.ExitCode);
            Assert.Empty(Problems(fixedBuild, repo));
        }

        [Fact]
        public void AMalformedNamedSettingsFileIsOneErrorInThatFile()
        {
            var repo = _feed.NewRepo("badsettings")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("email"))
                .Write("config/b2c.json", "{\n  \"Environments\": [ { \"Name\": \"Test\", } ]\n}\n")
                .SdkProject("<B2CSettingsFile>config/b2c.json</B2CSettingsFile>");

            var result = repo.Build();
            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(new[] { "config/b2c.json(2,39,2,40): error PL7009" }, Problems(result, repo));
        }
    }
}
