using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>SARIF logs and GitHub annotations from real builds.</summary>
    [Collection("package")]
    public sealed class ReportingTests
    {
        private readonly PackageFeed _feed;

        public ReportingTests(PackageFeed feed) => _feed = feed;

        private TestRepo RepoWithFindings(string name) => _feed.NewRepo(name)
            .Write("TrustFrameworkBase.xml", Policies.Base())
            .Write("policies/SignUp.xml", Policies.Child("emial"))
            .Write("policies/Quiet.xml", Policies.Child("emial", before: "<!-- policylint disable-next PL2001 -->").Replace("B2C_1A_Child", "B2C_1A_Quiet"))
            .SdkProject();

        [Fact]
        public void SarifLogHasEveryResultWithRuleMetadataAndRelativeUris()
        {
            var repo = RepoWithFindings("sarif");
            var log = repo.PathOf("out/policylint.sarif");
            var result = repo.Build($"-p:PolicyLintErrorLog=\"{log}\" -p:PolicyLintSarifCategory=policies");
            Assert.NotEqual(0, result.ExitCode);

            using var json = JsonDocument.Parse(File.ReadAllText(log));
            var run = json.RootElement.GetProperty("runs")[0];
            Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("PolicyLint", driver.GetProperty("name").GetString());
            var rule = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PL2001");
            Assert.Equal("ClaimTypeNotDeclared", rule.GetProperty("name").GetString());
            Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            // The rule pages the package ships, by default.
            var helpUri = rule.GetProperty("helpUri").GetString()!;
            Assert.StartsWith("file:///", helpUri);
            Assert.EndsWith("/docs/rules/PL2001.md", helpUri);
            Assert.True(File.Exists(new Uri(helpUri).LocalPath), helpUri);
            // Code scanning shows the page beside the alert.
            var help = rule.GetProperty("help");
            Assert.StartsWith("# PL2001: ", help.GetProperty("markdown").GetString());
            Assert.Contains("## Why it matters", help.GetProperty("markdown").GetString());
            Assert.DoesNotContain("```", help.GetProperty("text").GetString());
            var properties = rule.GetProperty("properties");
            Assert.Equal(new[] { "References", "PolicyLint" }, properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
            Assert.Equal("high", properties.GetProperty("precision").GetString());
            Assert.Equal("error", properties.GetProperty("problem.severity").GetString());
            Assert.False(properties.TryGetProperty("security-severity", out _));
            var secret = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PL7002").GetProperty("properties");
            Assert.Equal("8.0", secret.GetProperty("security-severity").GetString());
            Assert.Contains("security", secret.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("policies/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.Matches("^[0-9a-f]{32}:[0-9]+$", r.GetProperty("partialFingerprints").GetProperty("policylint/v1").GetString()));
            Assert.Equal(new Uri(repo.Directory + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());

            var results = run.GetProperty("results").EnumerateArray().Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                string suppression = r.TryGetProperty("suppressions", out var s) ? " suppressed:" + s[0].GetProperty("kind").GetString() : "";
                return $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()},{region.GetProperty("endLine").GetInt32()},{region.GetProperty("endColumn").GetInt32()}) {r.GetProperty("level").GetString()} {r.GetProperty("ruleId").GetString()}{suppression}";
            }).Where(s => !s.Contains(" note ")).ToList();
            Assert.Equal(new[]
            {
                "policies/Quiet.xml(12,47,12,52) error PL2001 suppressed:inSource",
                "policies/SignUp.xml(12,47,12,52) error PL2001",
            }, results);

            var validation = SarifMultitool.Validate(log, repo.PathOf("out/validation.sarif"));
            Assert.True(validation.ExitCode == 0, validation.Output);
            var problems = validation.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void GitHubActionsGetsWorkflowCommands()
        {
            var repo = RepoWithFindings("github");
            var result = repo.Build("", new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });
            Assert.Contains("::error file=policies/SignUp.xml,line=12,col=47,endLine=12,endColumn=52,title=PL2001::ClaimType 'emial' is not declared in B2C_1A_Child or its bases B2C_1A_Base. Did you mean 'email'?", result.Output);
            Assert.DoesNotContain("file=policies/Quiet.xml", result.Output);

            var plain = repo.Build();
            Assert.DoesNotContain("::error", plain.Output);
        }

        [Fact]
        public void AzurePipelinesGetsLoggingCommands()
        {
            var repo = RepoWithFindings("azure");
            const string command = "##vso[task.logissue type=error;sourcepath=policies/SignUp.xml;linenumber=12;columnnumber=47;code=PL2001]ClaimType 'emial' is not declared in B2C_1A_Child or its bases B2C_1A_Base. Did you mean 'email'?";
            var tf = new Dictionary<string, string> { ["TF_BUILD"] = "True" };
            var first = repo.Build("", tf);
            Assert.NotEqual(0, first.ExitCode);
            Assert.Contains(command, first.Output);
            Assert.DoesNotContain("sourcepath=policies/Quiet.xml", first.Output);
            // The next build replays the last analysis without running it, and prints the same commands.
            var replay = repo.Build("", tf);
            Assert.Contains(command, replay.Output);

            var plain = repo.Build();
            Assert.DoesNotContain("##vso[", plain.Output);
        }
    }

    /// <summary>Microsoft's SARIF Multitool from npm (@microsoft/sarif-multitool-linux), installed on first use.</summary>
    public static class SarifMultitool
    {
        public static (int ExitCode, string Output) Validate(string log, string output)
        {
            string tool = Locate();
            // GitHub's own rules (Gh) as well as the specification's: what code scanning accepts.
            return Tool.Run(tool, $"validate \"{log}\" -o \"{output}\" --log ForceOverwrite --level Error Warning Note --rule-kind \"Gh;Sarif\"");
        }

        private static string Locate()
        {
            var env = Environment.GetEnvironmentVariable("SARIF_MULTITOOL");
            if (!string.IsNullOrEmpty(env) && File.Exists(env)) return env;
            var prefix = Path.Combine(PackageFeed.RepoRoot, "artifacts", "tools", "sarif");
            var tool = Path.Combine(prefix, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
            if (!File.Exists(tool))
            {
                Directory.CreateDirectory(prefix);
                var install = Tool.Run("npm", $"install --prefix \"{prefix}\" --no-audit --no-fund @microsoft/sarif-multitool-linux@5.7.0");
                if (!File.Exists(tool)) throw new InvalidOperationException("Could not install the SARIF Multitool:\n" + install.Output);
            }
            Tool.Run("chmod", $"u+x \"{tool}\"");
            return tool;
        }
    }
}
