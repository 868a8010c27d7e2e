using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Reporting;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>
    /// Plants secrets where PL7002 (and the rules that quote URLs and keys) find them, then reads every output a
    /// build produces: no channel may show more than the first two characters of a secret.
    /// </summary>
    public sealed class SecretLeakTests : IDisposable
    {
        // Letters and digits that no message, path or SARIF text of ours contains in a row of three.
        private static readonly string[] Planted =
        {
            "QZJ7XW9KVYQ2ZJX8WKVY",           // client_secret metadata
            "VKQ3ZYW7JXQ9VKZ2",               // Azure Functions code in an http:// ServiceUrl
            "XJW5QVZ8KYJ3",                   // password in a URL's credentials
            "WYZ6JQXK4VWZ",                   // BasicAuthenticationPassword metadata
            "ZKXQ2WJV7YQZ",                   // DefaultValue of a client_secret input claim
            "JQ4XZKW8VYJZQ5XW",               // connection string AccountKey
            "KVZW3QJXY9KQ",                   // API key header
            "EBADF00D-DEAF-4BAD-ACED-FADEDBEEFCAB", // Application Insights key (a GUID: anything else is a placeholder, not a key)
            "XVKZ6QWJY4ZX",                   // a secret in the settings file, used through {Settings:ApiSecret}
            "ZWJQ9VXKY3WQJZ7",                // a secret in a settings-substituted http:// URL
        };

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "policylint-secrets-" + Guid.NewGuid().ToString("N"));

        public SecretLeakTests() => Directory.CreateDirectory(_dir);

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private string PolicyText() => $@"<?xml version=""1.0"" encoding=""utf-8""?>
<TrustFrameworkPolicy xmlns=""http://schemas.microsoft.com/online/cpim/schemas/2013/06"" PolicySchemaVersion=""0.3.0.0"" TenantId=""contoso.onmicrosoft.com"" PolicyId=""B2C_1A_Secrets"" PublicPolicyUri=""http://contoso.onmicrosoft.com/B2C_1A_Secrets"">
  <BuildingBlocks>
    <ClaimsSchema>
      <ClaimType Id=""client_secret""><DisplayName>Client secret</DisplayName><DataType>string</DataType></ClaimType>
      <ClaimType Id=""email""><DisplayName>Email</DisplayName><DataType>string</DataType></ClaimType>
    </ClaimsSchema>
  </BuildingBlocks>
  <ClaimsProviders>
    <ClaimsProvider>
      <DisplayName>Leaky</DisplayName>
      <TechnicalProfiles>
        <TechnicalProfile Id=""WeChat-OAuth2"">
          <DisplayName>WeChat</DisplayName>
          <Protocol Name=""OAuth2"" />
          <Metadata>
            <Item Key=""client_id"">wx1234567890abcdef</Item>
            <Item Key=""client_secret"">{Planted[0]}</Item>
            <Item Key=""AccessTokenEndpoint"">http://api.example.com/token?code={Planted[1]}</Item>
            <Item Key=""ClaimsEndpoint"">http://user:{Planted[2]}@api.example.com/me</Item>
          </Metadata>
        </TechnicalProfile>
        <TechnicalProfile Id=""REST-Leaky"">
          <DisplayName>REST</DisplayName>
          <Protocol Name=""Proprietary"" Handler=""Web.TPEngine.Providers.RestfulProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"" />
          <Metadata>
            <Item Key=""ServiceUrl"">{{Settings:ApiUrl}}</Item>
            <Item Key=""AuthenticationType"">Basic</Item>
            <Item Key=""BasicAuthenticationPassword"">{Planted[3]}</Item>
            <Item Key=""StorageConnection"">DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey={Planted[5]};EndpointSuffix=core.windows.net</Item>
            <Item Key=""x-api-key"">{Planted[6]}</Item>
            <Item Key=""ApiSecret"">{{Settings:ApiSecret}}</Item>
            <Item Key=""Missing"">{{Settings:NotThere}}</Item>
          </Metadata>
          <InputClaims>
            <InputClaim ClaimTypeReferenceId=""client_secret"" DefaultValue=""{Planted[4]}"" />
          </InputClaims>
        </TechnicalProfile>
        <TechnicalProfile Id=""AppInsights"">
          <DisplayName>Application Insights</DisplayName>
          <Protocol Name=""Proprietary"" Handler=""Web.TPEngine.Providers.Insights.AzureApplicationInsightsProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"" />
          <Metadata>
            <Item Key=""InstrumentationKey"">{Planted[7]}</Item>
          </Metadata>
          <InputClaims>
            <InputClaim ClaimTypeReferenceId=""email"" PartnerClaimType=""eventName"" DefaultValue=""SignIn"" />
          </InputClaims>
        </TechnicalProfile>
      </TechnicalProfiles>
    </ClaimsProvider>
  </ClaimsProviders>
</TrustFrameworkPolicy>
";

        private string SettingsText() => $@"{{
  ""Environments"": [
    {{ ""Name"": ""Test"", ""Production"": false, ""Tenant"": ""contoso-test.onmicrosoft.com"",
      ""PolicySettings"": {{ ""ApiUrl"": ""http://api-test.example.com/api?code={Planted[9]}"", ""ApiSecret"": ""{Planted[8]}"" }} }},
    {{ ""Name"": ""Production"", ""Production"": true, ""Tenant"": ""contoso.onmicrosoft.com"",
      ""PolicySettings"": {{ ""ApiUrl"": ""http://api.example.com/api?code={Planted[9]}"", ""ApiSecret"": ""{Planted[8]}"" }} }}
  ]
}}
";

        private LintResult Lint()
        {
            string policy = Path.Combine(_dir, "Leaky.xml");
            File.WriteAllText(policy, PolicyText());
            string settings = Path.Combine(_dir, "appsettings.json");
            File.WriteAllText(settings, SettingsText());
            var request = new AnalysisRequest { SettingsFile = settings };
            request.AddPolicy(policy);
            return Linter.Run(request);
        }

        /// <summary>Every text a build shows or writes for these diagnostics.</summary>
        private static IEnumerable<(string Channel, string Text)> Outputs(LintResult result)
        {
            foreach (var configured in result.All)
            {
                var d = configured.Diagnostic;
                yield return ("message", d.GetMessage());
                yield return ("Diagnostic.ToString()", d.ToString());
                yield return ("console", StarterPackTests.Format(d));
                var span = d.Location.GetLineSpan();
                // The canonical MSBuild line the task's LogError/LogWarning produces.
                yield return ("msbuild", $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage()}");
                if (configured.Justification != null) yield return ("justification", configured.Justification);
            }
            foreach (var line in GitHubAnnotations.Format(result.Diagnostics, null))
                yield return ("github", line);
            foreach (var d in result.Diagnostics)
            {
                var span = d.Location.GetLineSpan();
                var command = AzurePipelinesCommands.FormatOne(d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.GetMessage(), null);
                if (command != null) yield return ("azure pipelines", command);
            }
            using var sarif = new StringWriter();
            SarifLog.Write(sarif, result.All, null);
            // The log's results; its rules are the same fixed text (the rule pages) in every log.
            using var json = System.Text.Json.JsonDocument.Parse(sarif.ToString());
            yield return ("sarif", json.RootElement.GetProperty("runs")[0].GetProperty("results").GetRawText());
        }

        [Fact]
        public void NoOutputShowsMoreThanTwoCharactersOfASecret()
        {
            var result = Lint();
            var outputs = Outputs(result).ToList();
            foreach (var secret in Planted)
            {
                for (int i = 0; i + 3 <= secret.Length; i++)
                {
                    string piece = secret.Substring(i, 3);
                    var leak = outputs.FirstOrDefault(o => o.Text.IndexOf(piece, StringComparison.Ordinal) >= 0);
                    Assert.True(leak.Text == null, $"'{piece}' of a planted secret appears in the {leak.Channel} output:\n{leak.Text}");
                }
            }
        }

        [Fact]
        public void ThePlantedSecretsAreFound()
        {
            var result = Lint();
            var pl7002 = result.Diagnostics.Where(d => d.Id == "PL7002").Select(d => d.GetMessage()).ToList();
            // client_secret, the code in a URL, the password in a URL, BasicAuthenticationPassword, the connection string, x-api-key, the input claim.
            Assert.Equal(7, pl7002.Count);
            Assert.All(pl7002, m => Assert.Contains("…'", m, StringComparison.Ordinal));
            Assert.Contains(result.Diagnostics, d => d.Id == "PL7007");
            // The settings-substituted http:// URL is reported once per environment, its query string redacted.
            Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "PL7005" && d.GetMessage().Contains("{Settings:ApiUrl}", StringComparison.Ordinal)));
            Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "PL7008"));
        }

        [Theory]
        [InlineData("abcdefgh12345", "'ab…' (13 characters)")]
        [InlineData("  abcdefgh  ", "'ab…' (8 characters)")]
        [InlineData("short", "'…' (5 characters)")]
        public void MaskShowsAtMostTwoCharacters(string secret, string expected)
            => Assert.Equal(expected, PolicyLint.Rules.Security.Secrets.Mask(secret));

        [Theory]
        [InlineData("http://api.example.com/x?code=abc", "http://api.example.com/x?…")]
        [InlineData("http://user:pass@api.example.com/x", "http://…@api.example.com/x")]
        [InlineData("http://api.example.com", "http://api.example.com")]
        [InlineData("http://api.example.com/a#frag", "http://api.example.com/a#…")]
        public void RedactedUrlsKeepOnlySchemeHostAndPath(string url, string expected)
            => Assert.Equal(expected, PolicyLint.Rules.Security.Secrets.RedactUrl(url));
    }
}
