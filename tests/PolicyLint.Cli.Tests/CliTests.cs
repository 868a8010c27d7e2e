using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Cli.Tests
{
    /// <summary>The command line's contract: exit codes, options, formats, the terminal's code frame.</summary>
    public sealed class CliTests
    {
        private static string WeChat => Path.Combine(Paths.RepoRoot, "samples", "wechat");
        private static string WeChatFixed => Path.Combine(Paths.RepoRoot, "samples", "wechat-fixed");
        private static string Extensions => Path.Combine(WeChat, "TrustFrameworkExtensions.xml");

        private const string PL2001Message = "ClaimType 'UserId' is not declared in B2C_1A_TrustFrameworkExtensions or its bases B2C_1A_TrustFrameworkLocalization, B2C_1A_TrustFrameworkBase.";

        [Fact]
        public void ErrorsExitOneWithTheCanonicalLine()
        {
            var (exit, stdout, stderr) = CliRun.InProcess(Array.Empty<string>(), WeChat);
            Assert.Equal(1, exit);
            Assert.Contains($"{Extensions}(43,48,43,54): error PL2001: {PL2001Message}", CliRun.Lines(stdout));
            Assert.Contains("2 error(s)", stderr);
        }

        [Fact]
        public void NoErrorsExitZero()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "." }, WeChatFixed);
            Assert.Equal(0, exit);
            Assert.DoesNotContain(CliRun.Lines(stdout), l => l.Contains(": error ") || l.Contains(": warning "));
        }

        [Fact]
        public void AFileIsLintedWithItsBasesAsReferences()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "TrustFrameworkExtensions.xml", "--reference", "TrustFrameworkBase.xml", "--reference", "TrustFrameworkLocalization.xml" }, WeChat);
            Assert.Equal(1, exit);
            Assert.All(CliRun.Lines(stdout), l => Assert.StartsWith(Extensions + "(", l));
        }

        [Theory]
        [InlineData("--bogus")]
        [InlineData("--format")]
        [InlineData("--format", "xml")]
        [InlineData("no-such-folder")]
        [InlineData("--reference", "missing.xml")]
        [InlineData("--dry-run")]
        [InlineData("--update-baseline=yes")]
        [InlineData("--tenant", "contoso")]
        [InlineData("fix", "--tenant", "your tenant")]
        [InlineData("fix", "--tenant")]
        [InlineData("fix", "--apply", "x")]
        [InlineData("--list")]
        public void BadUsageExitsTwoWithAMessage(params string[] args)
        {
            var (exit, stdout, stderr) = CliRun.InProcess(args, WeChatFixed);
            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.StartsWith("policylint: ", stderr);
        }

        [Fact]
        public void AnUnreadablePolicyIsReportedAsTheBuildReportsIt()
        {
            var dir = Temp();
            File.WriteAllText(Path.Combine(dir, "Broken.xml"), "<TrustFrameworkPolicy");
            var (exit, stdout, _) = CliRun.InProcess(new[] { "Broken.xml" }, dir);
            Assert.Equal(1, exit);
            Assert.Contains(": error PL0001: ", stdout);
        }

        [Fact]
        public void HelpListsEveryOption()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--help" }, WeChat);
            Assert.Equal(0, exit);
            foreach (var option in new[] { "--reference", "--policy-key", "--environment", "--settings", "--no-warn", "--warnings-as-errors", "--baseline",
                         "--update-baseline", "--format", "--output", "--no-color", "--rule", "--dry-run", "--tenant", "--list", "--apply", "--all-offered", "--help", "--version", "policylint fix" })
                Assert.Contains(option, stdout);
            Assert.Contains("Exit codes: 0 no errors, 1 errors, 2 bad usage", stdout);
        }

        [Fact]
        public void VersionIsThePackagesVersion()
        {
            var props = File.ReadAllText(Path.Combine(Paths.RepoRoot, "Directory.Build.props"));
            string version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--version" }, WeChat);
            Assert.Equal(0, exit);
            Assert.Equal("policylint " + version + "\n", stdout);
        }

        [Fact]
        public void NoWarnAndWarningsAsErrorsAsInTheProject()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--no-warn", "PL2001;PL6001" }, WeChat);
            Assert.Equal(0, exit);
            Assert.DoesNotContain(": error ", stdout);

            var dir = Temp();
            foreach (var f in Directory.GetFiles(WeChatFixed, "*.xml")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n[*.xml]\ndotnet_diagnostic.PL2012.severity = warning\n");
            Assert.Equal(0, CliRun.InProcess(Array.Empty<string>(), dir).Exit);
            var strict = CliRun.InProcess(new[] { "--warnings-as-errors" }, dir);
            Assert.Equal(1, strict.Exit);
            Assert.Contains(": error PL2012: ", strict.Stdout);
            Assert.Equal(1, CliRun.InProcess(new[] { "--warnings-as-errors=PL2012" }, dir).Exit);
            Assert.Equal(0, CliRun.InProcess(new[] { "--warnings-as-errors=PL2001" }, dir).Exit);
        }

        [Fact]
        public void SarifFormat()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--format", "sarif" }, WeChat);
            Assert.Equal(1, exit);
            using var sarif = JsonDocument.Parse(stdout);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "PL2001" && r.GetProperty("level").GetString() == "error");
        }

        [Fact]
        public void JsonFormat()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--format=json" }, WeChat);
            Assert.Equal(1, exit);
            using var json = JsonDocument.Parse(stdout);
            var pl2001 = json.RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "PL2001");
            Assert.Equal(Extensions, pl2001.GetProperty("file").GetString());
            Assert.Equal(43, pl2001.GetProperty("line").GetInt32());
            Assert.Equal(48, pl2001.GetProperty("column").GetInt32());
            Assert.Equal(54, pl2001.GetProperty("endColumn").GetInt32());
            Assert.Equal("error", pl2001.GetProperty("severity").GetString());
            Assert.Equal(PL2001Message, pl2001.GetProperty("message").GetString());
        }

        [Fact]
        public void GitHubFormat()
        {
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--format", "github" }, WeChat);
            Assert.Equal(1, exit);
            Assert.Contains("::error file=TrustFrameworkExtensions.xml,line=43,col=48,endLine=43,endColumn=54,title=PL2001::" + PL2001Message, CliRun.Lines(stdout));
            Assert.All(CliRun.Lines(stdout), l => Assert.StartsWith("::", l));
        }

        [Fact]
        public void OutputFileGetsTheReport()
        {
            var dir = Temp();
            var out1 = Path.Combine(dir, "report", "policylint.sarif");
            var (exit, stdout, _) = CliRun.InProcess(new[] { "--format", "sarif", "--output", out1 }, WeChat, terminal: true);
            Assert.Equal(1, exit);
            Assert.Equal("", stdout);
            using var sarif = JsonDocument.Parse(File.ReadAllText(out1));
            Assert.NotEmpty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        }

        [Fact]
        public void OnATerminalEachLineHasColourAndACodeFrame()
        {
            var (_, stdout, _) = CliRun.InProcess(Array.Empty<string>(), WeChat, terminal: true);
            var lines = CliRun.Lines(stdout);
            int at = lines.FindIndex(l => l.Contains("error PL2001"));
            Assert.Contains("\u001b[1;31merror PL2001\u001b[0m", lines[at]);
            Assert.Contains("   43 |", lines[at + 1]);
            Assert.Contains("<OutputClaim ClaimTypeReferenceId=\"UserId\" PartnerClaimType=\"unionid\" />", lines[at + 1]);
            // The marker stands under "UserId": columns 48 to 53.
            string marker = Strip(lines[at + 2]);
            string source = Strip(lines[at + 1]);
            Assert.Equal(source.IndexOf("UserId", StringComparison.Ordinal), marker.IndexOf('^'));
            Assert.EndsWith("^~~~~~", marker);

            var plain = CliRun.InProcess(new[] { "--no-color" }, WeChat, terminal: true).Stdout;
            Assert.False(plain.Contains('\u001b'), plain);
            Assert.DoesNotContain(" | ", plain);
        }

        [Fact]
        public void UpdateBaselineThenKnownFindingsDoNotFail()
        {
            var dir = Temp();
            foreach (var f in Directory.GetFiles(WeChat, "*.xml")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var write = CliRun.InProcess(new[] { "--update-baseline" }, dir);
            Assert.Equal(0, write.Exit);
            Assert.True(File.Exists(Path.Combine(dir, "policylint.baseline.json")));
            Assert.Contains("wrote", write.Stderr);
            // Found beside the current folder from now on, as the targets find it beside the project.
            var (exit, stdout, _) = CliRun.InProcess(Array.Empty<string>(), dir);
            Assert.Equal(0, exit);
            Assert.Contains(": info PL2001: ", stdout);
        }

        internal static string Strip(string s) => System.Text.RegularExpressions.Regex.Replace(s, "\u001b\\[[0-9;]*m", "");

        internal static string Temp()
        {
            return PolicyLint.Tests.Shared.TempFolders.Create("cli-");
        }
    }
}

namespace PolicyLint.Cli.Tests
{
    /// <summary>`policylint fix`: safe fixes written, a dry run writes nothing and prints a unified diff.</summary>
    public sealed class FixCommandTests
    {
        private static string CopyOfWeChat()
        {
            var dir = CliTests.Temp();
            foreach (var f in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples", "wechat"), "*.xml")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            return dir;
        }

        [Fact]
        public void DryRunPrintsADiffAndWritesNothing()
        {
            var dir = CopyOfWeChat();
            string before = File.ReadAllText(Path.Combine(dir, "TrustFrameworkExtensions.xml"));
            var (exit, stdout, stderr) = CliRun.InProcess(new[] { "fix", "--dry-run" }, dir);
            Assert.Equal(1, exit); // the PL2001 error is left either way
            Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "TrustFrameworkExtensions.xml")));
            Assert.Contains("--- TrustFrameworkExtensions.xml\n+++ TrustFrameworkExtensions.xml\n@@ -96,7 +96,7 @@\n", stdout);
            Assert.Contains("\n-            <ClaimsExchange Id=\"WeChatExchange\" TechnicalProfileReferenceId=\"WeChat-OAuth\" />\n+            <ClaimsExchange Id=\"WeChatExchange\" TechnicalProfileReferenceId=\"WeChat-OAUTH\" />\n", stdout);
            Assert.Contains("nothing written", stderr);
        }

        [Fact]
        public void FixWritesOnlyTheSpanReportsWhatChangedAndWhatIsLeft()
        {
            var dir = CopyOfWeChat();
            string path = Path.Combine(dir, "TrustFrameworkExtensions.xml");
            // CRLF line endings elsewhere in the file stay as they are.
            File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n"));
            string before = File.ReadAllText(path);
            var (exit, stdout, _) = CliRun.InProcess(new[] { "fix" }, dir);
            Assert.Equal(1, exit);
            Assert.Contains("fixed TrustFrameworkExtensions.xml(99,78): PL2011: Use the declaration's casing 'WeChat-OAUTH'", stdout);
            Assert.Contains("changed TrustFrameworkExtensions.xml", stdout);
            Assert.Contains(": error PL2001: ", stdout);
            Assert.Equal(before.Replace("TechnicalProfileReferenceId=\"WeChat-OAuth\"", "TechnicalProfileReferenceId=\"WeChat-OAUTH\""), File.ReadAllText(path));

            var again = CliRun.InProcess(new[] { "fix" }, dir);
            Assert.DoesNotContain("changed ", again.Stdout);
        }

        [Fact]
        public void TenantReplacesThePlaceholderOnlyWhenGiven()
        {
            var dir = CliTests.Temp();
            string path = Path.Combine(dir, "Policy.xml");
            File.WriteAllText(path, "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"yourtenant.onmicrosoft.com\" PolicyId=\"B2C_1A_Test\" PublicPolicyUri=\"http://yourtenant.onmicrosoft.com/B2C_1A_Test\">\n</TrustFrameworkPolicy>\n");
            string before = File.ReadAllText(path);
            CliRun.InProcess(new[] { "fix" }, dir);
            Assert.Equal(before, File.ReadAllText(path));
            var (_, stdout, _) = CliRun.InProcess(new[] { "fix", "--tenant", "contoso.onmicrosoft.com" }, dir);
            Assert.Contains("PL7001: Use the tenant name 'contoso'", stdout);
            Assert.Equal(before.Replace("yourtenant", "contoso"), File.ReadAllText(path));
        }

        [Fact]
        public void ListNumbersEveryFixAndApplyAppliesOne()
        {
            var dir = CopyOfWeChat();
            string path = Path.Combine(dir, "TrustFrameworkExtensions.xml");
            string before = File.ReadAllText(path);
            var (exit, stdout, stderr) = CliRun.InProcess(new[] { "fix", "--list" }, dir);
            Assert.Equal(1, exit);
            Assert.Equal(before, File.ReadAllText(path));
            Assert.Contains("] Use the declaration's casing 'WeChat-OAUTH' (safe)\n", stdout);
            Assert.Contains("] Set PL2001 to 'warning' in .editorconfig\n", stdout);
            Assert.Contains("apply one with `policylint fix --apply N`", stderr);
            var suppress = System.Text.RegularExpressions.Regex.Match(stdout, @"\[(\d+)\] Suppress PL2001 here");
            Assert.True(suppress.Success, stdout);

            var applied = CliRun.InProcess(new[] { "fix", "--apply", suppress.Groups[1].Value }, dir);
            Assert.Contains("changed TrustFrameworkExtensions.xml", applied.Stdout);
            Assert.DoesNotContain(": error PL2001: ", applied.Stdout);
            Assert.Equal(before.Replace("            <OutputClaim ClaimTypeReferenceId=\"UserId\"", "            <!-- policylint disable-next PL2001 -->\n            <OutputClaim ClaimTypeReferenceId=\"UserId\""), File.ReadAllText(path));

            Assert.Equal(2, CliRun.InProcess(new[] { "fix", "--apply", "999" }, dir).Exit);
        }

        [Fact]
        public void AllOfferedAppliesTheDidYouMeanReplacementsToo()
        {
            var dir = CliTests.Temp();
            string fixture = Path.Combine(Paths.RepoRoot, "tests", "PolicyLint.Tests", "Rules", "PL2001", "fix", "undeclared-claim");
            File.Copy(Path.Combine(fixture, "before.xml"), Path.Combine(dir, "Policy.xml"));
            string before = File.ReadAllText(Path.Combine(dir, "Policy.xml"));
            CliRun.InProcess(new[] { "fix" }, dir);
            Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "Policy.xml")));
            CliRun.InProcess(new[] { "fix", "--all-offered", "--rule", "PL2001" }, dir);
            Assert.Equal(File.ReadAllText(Path.Combine(fixture, "after.xml")), File.ReadAllText(Path.Combine(dir, "Policy.xml")));
        }

        [Fact]
        public void RuleLimitsTheFixes()
        {
            var dir = CopyOfWeChat();
            string before = File.ReadAllText(Path.Combine(dir, "TrustFrameworkExtensions.xml"));
            CliRun.InProcess(new[] { "fix", "--rule", "PL3001" }, dir);
            Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "TrustFrameworkExtensions.xml")));
        }
    }
}
