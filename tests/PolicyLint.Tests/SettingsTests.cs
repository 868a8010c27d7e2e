using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Settings;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Common;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>The B2C VS Code extension's appsettings.json, read as the extension reads it, and the environment plan.</summary>
    public sealed class SettingsTests
    {
        private const string TwoEnvironments = @"{
  ""EnvironmentsFolder"": ""Environments"",
  ""Environments"": [
    {
      ""Name"": ""Test"",
      ""Production"": false,
      ""Tenant"": ""contoso-test.onmicrosoft.com"",
      ""PolicySettings"": {
        ""IdentityExperienceFrameworkAppId"": ""11111111-2222-3333-4444-555555555555"",
        ""ApiUrl"": ""https://api-test.contoso.com/\u0061pi"",
        ""Retries"": 3,
        ""Missing"": null
      }
    },
    {
      ""Name"": ""Production"",
      ""Production"": true,
      ""Tenant"": ""contoso.onmicrosoft.com"",
      ""PolicySettings"": { ""Tenant"": ""ignored.onmicrosoft.com"" }
    }
  ]
}";

        [Fact]
        public void EnvironmentsOfOneLintShareOneParseOfEachFile()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-shared-parse-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string file = Path.Combine(dir, "Base.xml");
                File.WriteAllText(file, "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"contoso.onmicrosoft.com\" PolicyId=\"B2C_1A_Base\" PublicPolicyUri=\"http://contoso.onmicrosoft.com/B2C_1A_Base\" />");
                var request = new AnalysisRequest().AddPolicy(file);
                var first = PolicyAnalyzer.Analyze(request).Documents[file];
                Assert.NotSame(first, PolicyAnalyzer.Analyze(request).Documents[file]);

                // What Linter.Run gives every environment of a settings file.
                request.Loaded = new LoadedFiles();
                var shared = PolicyAnalyzer.Analyze(request).Documents[file];
                Assert.Same(shared, PolicyAnalyzer.Analyze(request).Documents[file]);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void ReadsTheExtensionsFormat()
        {
            var file = SettingsFile.Parse("appsettings.json", TwoEnvironments);
            Assert.True(file.IsValid, file.Error);
            Assert.Equal(new[] { "Test", "Production" }, file.Environments.Select(e => e.Name));
            var test = file.Environments[0].Values();
            Assert.Equal("contoso-test.onmicrosoft.com", test["Tenant"]);
            Assert.Equal("https://api-test.contoso.com/api", test["ApiUrl"]);
            Assert.Equal("3", test["Retries"]);
            Assert.False(test.ContainsKey("Missing"));
            Assert.False(file.Environments[0].Production);
            // {Settings:Tenant} is the environment's Tenant field: the extension replaces it before PolicySettings.
            Assert.Equal("contoso.onmicrosoft.com", file.Environments[1].Values()["Tenant"]);
            Assert.True(file.Environments[1].Production);
        }

        [Theory]
        [InlineData("", 1, 1, "empty")]
        [InlineData("{\n  \"Environments\": [\n    { \"Name\": \"Test\", }\n  ]\n}", 3, 23, "trailing comma")]
        [InlineData("{ \"Environments\": [ { \"Name\": 'Test' } ] }", 1, 31, "double quotes")]
        [InlineData("// settings\n{ \"Environments\": [] }", 1, 1, "comments")]
        [InlineData("{ \"Environments\": [] } x", 1, 24, "after the end")]
        [InlineData("{ \"environments\": [] }", 1, 3, "Did you mean \"Environments\" instead of \"environments\"?")]
        [InlineData("[ ]", 1, 1, "the root is an array")]
        [InlineData("{ \"Environments\": { } }", 1, 19, "expected an array")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"Test\" } ] }", 1, 21, "has no \"PolicySettings\" object")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"Test\", \"PolicySettings\": { \"A\": { } } } ] }", 1, 64, "setting \"A\" of environment \"Test\" is an object")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"Test\", \"Production\": \"yes\", \"PolicySettings\": { } } ] }", 1, 53, "expected true or false")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"A\", \"PolicySettings\": {} }, { \"Name\": \"a\", \"PolicySettings\": {} } ] }", 1, 70, "appears twice")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"C:\\Temp\", \"PolicySettings\": {} } ] }", 1, 34, "invalid escape")]
        [InlineData("{ \"Environments\": [ { \"Name\": \"Test\n\" } ] }", 1, 36, "unterminated string")]
        [InlineData("{ \"Environments\": [ TRUE ] }", 1, 21, "lower case")]
        [InlineData("{ \"Environments\": [ 01 ] }", 1, 22, "expected ',' or ']'")]
        public void AMalformedFileIsOneDiagnosticAtTheSpot(string text, int line, int column, string messagePart)
        {
            var file = SettingsFile.Parse("appsettings.json", text);
            Assert.False(file.IsValid);
            var plan = EnvironmentPlan.Create(new AnalysisOptions(), file);
            var diagnostic = Assert.Single(plan.Diagnostics);
            Assert.Equal("PL7009", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal("appsettings.json", span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
            // The policies are still analyzed, without settings.
            var run = Assert.Single(plan.Runs);
            Assert.Null(run.Settings);
        }

        [Fact]
        public void DeepNestingIsRejectedNotOverflowed()
        {
            string text = "{ \"Environments\": " + new string('[', 100_000) + new string(']', 100_000) + " }";
            var file = SettingsFile.Parse("appsettings.json", text);
            Assert.False(file.IsValid);
            Assert.Contains("nested", file.Error, StringComparison.Ordinal);
        }

        private const string Alphabet = "{}[]\":,tfn0-1.eE\\u \n\"AbC\u0000\uFFFF";

        [Fact]
        public void BinaryGarbageIsADiagnostic()
        {
            var random = new Random(7);
            for (int i = 0; i < 200; i++)
            {
                var chars = new char[random.Next(0, 64)];
                for (int j = 0; j < chars.Length; j++) chars[j] = Alphabet[random.Next(Alphabet.Length)];
                var file = SettingsFile.Parse("appsettings.json", "{\"Environments\":" + new string(chars));
                if (!file.IsValid) Assert.Single(EnvironmentPlan.Create(new AnalysisOptions(), file).Diagnostics);
            }
        }

        [Fact]
        public void OnePlanRunPerEnvironment()
        {
            var plan = EnvironmentPlan.Create(new AnalysisOptions(), SettingsFile.Parse("appsettings.json", TwoEnvironments));
            Assert.Empty(plan.Diagnostics);
            Assert.Equal(new[] { "Test", "Production" }, plan.Runs.Select(r => r.Environment));
            Assert.Equal(new[] { false, true }, plan.Runs.Select(r => r.IsProduction));
            Assert.All(plan.Runs, r => Assert.Equal("appsettings.json", r.SettingsSource));
            Assert.Equal("contoso-test.onmicrosoft.com", plan.Runs[0].Settings!["Tenant"]);
        }

        [Fact]
        public void B2CEnvironmentSelectsOneEnvironmentIgnoringCase()
        {
            var options = new AnalysisOptions { Environment = "production", PolicyKeys = AnalysisOptions.KeySet(new[] { "B2C_1A_Key" }) };
            var plan = EnvironmentPlan.Create(options, SettingsFile.Parse("appsettings.json", TwoEnvironments));
            var run = Assert.Single(plan.Runs);
            Assert.Equal("Production", run.Environment);
            Assert.True(run.IsProduction);
            Assert.Same(options.PolicyKeys, run.PolicyKeys);
            Assert.Null(options.Settings); // the build's own options are not changed
        }

        [Fact]
        public void AnUnknownB2CEnvironmentIsReported()
        {
            var plan = EnvironmentPlan.Create(new AnalysisOptions { Environment = "Prod" }, SettingsFile.Parse("appsettings.json", TwoEnvironments));
            var diagnostic = Assert.Single(plan.Diagnostics);
            Assert.Equal("PL7009", diagnostic.Id);
            Assert.Contains("no environment 'Prod'", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("'Test', 'Production'", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Null(Assert.Single(plan.Runs).Settings);
        }

        [Fact]
        public void AMissingDefaultFileIsNotAnError_AMissingNamedFileIs()
        {
            string missing = Path.Combine(Path.GetTempPath(), "policylint-" + Guid.NewGuid().ToString("N"), "appsettings.json");
            Assert.Empty(EnvironmentPlan.Create(new AnalysisOptions(), missing).Diagnostics);
            Assert.Single(EnvironmentPlan.Create(new AnalysisOptions(), missing).Runs);
            var named = EnvironmentPlan.Create(new AnalysisOptions(), missing, mustExist: true);
            Assert.Equal("PL7009", Assert.Single(named.Diagnostics).Id);
        }

        [Fact]
        public void TheDefaultFileOfAnotherToolIsIgnored_ANamedOneIsReported()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                // An ASP.NET appsettings.json, with the comments ASP.NET allows.
                string path = Path.Combine(dir, "appsettings.json");
                File.WriteAllText(path, "{\n  // logging\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n");
                var asDefault = EnvironmentPlan.Create(new AnalysisOptions(), path, mustExist: false, isDefault: true);
                Assert.Empty(asDefault.Diagnostics);
                Assert.Null(Assert.Single(asDefault.Runs).Settings);
                var named = EnvironmentPlan.Create(new AnalysisOptions(), path, mustExist: true);
                Assert.Equal("PL7009", Assert.Single(named.Diagnostics).Id);
                // A default file that is meant for B2C (it mentions Environments) is still checked.
                File.WriteAllText(path, "{ \"Environments\": [ { \"Name\": \"Test\" } ] }");
                Assert.Single(EnvironmentPlan.Create(new AnalysisOptions(), path, mustExist: false, isDefault: true).Diagnostics);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void ReadsAFileWithAByteOrderMark()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string path = Path.Combine(dir, "appsettings.json");
                File.WriteAllText(path, TwoEnvironments, new System.Text.UTF8Encoding(true));
                var plan = EnvironmentPlan.Create(new AnalysisOptions(), path);
                Assert.Empty(plan.Diagnostics);
                Assert.Equal(2, plan.Runs.Count);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("https://{Settings:Host}/api", "https://api.contoso.com/api")]
        [InlineData("{Settings:Tenant}", "contoso-test.onmicrosoft.com")]
        [InlineData("{settings:Tenant}", null)] // the extension's replacement is case-sensitive
        [InlineData("{Settings:Nope}", null)]
        [InlineData("{Context:CorrelationId}", "{Context:CorrelationId}")]
        [InlineData("plain", "plain")]
        public void ExpandsTokensAsTheExtensionDoes(string value, string? expected)
        {
            var options = new AnalysisOptions { Settings = new System.Collections.Generic.Dictionary<string, string> { ["Host"] = "api.contoso.com", ["Tenant"] = "contoso-test.onmicrosoft.com" } };
            Assert.Equal(expected, SettingsTokens.Expand(value, options.Settings));
        }

        /// <summary>
        /// The starter pack as teams keep it: the placeholders replaced by {Settings:...} tokens. No rule may report a
        /// token, without a settings file or with one; with one, the values are clean too.
        /// </summary>
        [Theory]
        [MemberData(nameof(StarterPackTests.Sets), MemberType = typeof(StarterPackTests))]
        public void StarterPackWithSettingsTokensIsClean(string set)
        {
            if (set.Length == 0) return; // ../shared is absent on a plain clone
            string dir = Path.Combine(Path.GetTempPath(), "policylint-tokens-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var original = StarterPackTests.RequestFor(set);
                var request = new AnalysisRequest();
                foreach (var policy in original.Policies) request.AddPolicy(Tokenize(policy.Path, dir, "p-"), policy.IsExplicit);
                foreach (var reference in original.References) request.References.Add(Tokenize(reference, dir, "r-"));

                var withoutSettings = Linter.Run(request).Diagnostics;
                Assert.True(!withoutSettings.Any(d => d.Severity >= DiagnosticSeverity.Warning || d.GetMessage().Contains("Settings:", StringComparison.OrdinalIgnoreCase)),
                    string.Join("\n", withoutSettings.Select(StarterPackTests.Format)));

                string settings = Path.Combine(dir, "appsettings.json");
                File.WriteAllText(settings, @"{ ""Environments"": [
  { ""Name"": ""Test"", ""Tenant"": ""contoso-test.onmicrosoft.com"", ""PolicySettings"": {
      ""ProxyIdentityExperienceFrameworkAppId"": ""3b8e2a6c-4f1d-4e2b-9c7a-5d6e8f9a0b1c"",
      ""IdentityExperienceFrameworkAppId"": ""7c0f5a2e-1d3b-4a6c-8e9f-0a1b2c3d4e5f"",
      ""FacebookAppId"": ""1234567890123456"" } },
  { ""Name"": ""Production"", ""Production"": true, ""Tenant"": ""contoso.onmicrosoft.com"", ""PolicySettings"": {
      ""ProxyIdentityExperienceFrameworkAppId"": ""0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f7a"",
      ""IdentityExperienceFrameworkAppId"": ""6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"",
      ""FacebookAppId"": ""6543210987654321"" } } ] }");
                request.SettingsFile = settings;
                var withSettings = Linter.Run(request).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Assert.True(withSettings.Count == 0, string.Join("\n", withSettings.Select(StarterPackTests.Format)));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static string Tokenize(string path, string dir, string prefix)
        {
            string text = File.ReadAllText(path)
                .Replace("yourtenant.onmicrosoft.com", "{Settings:Tenant}")
                .Replace("ProxyIdentityExperienceFrameworkAppId", "{Settings:ProxyIdentityExperienceFrameworkAppId}")
                .Replace(">IdentityExperienceFrameworkAppId<", ">{Settings:IdentityExperienceFrameworkAppId}<")
                .Replace("\"IdentityExperienceFrameworkAppId\"", "\"{Settings:IdentityExperienceFrameworkAppId}\"")
                .Replace("facebook_clientid", "{Settings:FacebookAppId}");
            string target = Path.Combine(dir, prefix + Path.GetFileName(path));
            File.WriteAllText(target, text);
            return target;
        }

        [Fact]
        public void FindsTokensWithTheirPositions()
        {
            string text = "a{Settings:One}b{Settings:Two}{Settings:}{settings:Three}";
            var tokens = SettingsTokens.Find(text).ToList();
            Assert.Equal(new[] { "One", "Two", "Three" }, tokens.Select(t => t.Key));
            Assert.Equal(new[] { 1, 16, 41 }, tokens.Select(t => t.Start));
            Assert.Equal(new[] { true, true, false }, tokens.Select(t => t.ExactPrefix));
        }
    }
}
