using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// One rule = one id = one file = one page = one fixture folder. Pages' headers and the index are generated
    /// from the descriptors: run with POLICYLINT_UPDATE_DOCS=1 to rewrite them; otherwise a stale page fails.
    /// </summary>
    public sealed class DocsTests
    {
        public const string Begin = "<!-- BEGIN GENERATED -->";
        public const string End = "<!-- END GENERATED -->";
        private static readonly string[] Sections = { "## Why it matters", "## Example", "## How to fix", "## B2C error it prevents" };

        /// <summary>Rules that no fixture can trigger, and where they are tested instead.</summary>
        private static readonly Dictionary<string, string> NoErrFixture = new Dictionary<string, string>
        {
            ["PL0004"] = "raised only when a rule throws; EngineTests forces one",
        };

        private static bool Update => Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_DOCS") == "1";
        private static string DocsDir => Path.Combine(Paths.RepoRoot, "docs", "rules");

        public static IEnumerable<object[]> RuleIds() => PolicyAnalyzer.Rules.Select(r => new object[] { r.Id });

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RuleHasPageWithCurrentHeaderAndAllSections(string id)
        {
            var rule = PolicyAnalyzer.Rules.Single(r => r.Id == id);
            var path = Path.Combine(DocsDir, id + ".md");
            Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing: every rule needs a page (see docs/contributing.md).");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            int begin = text.IndexOf(Begin, StringComparison.Ordinal), end = text.IndexOf(End, StringComparison.Ordinal);
            Assert.True(begin == 0 && end > begin, $"docs/rules/{id}.md must start with {Begin} and contain {End}.");
            string expected = Begin + "\n" + Header(rule.Descriptor) + End;
            string actual = text.Substring(0, end + End.Length);
            if (actual != expected && Update)
            {
                File.WriteAllText(path, expected + text.Substring(end + End.Length));
                actual = expected;
            }
            Assert.True(actual == expected, $"docs/rules/{id}.md header is stale: run POLICYLINT_UPDATE_DOCS=1 dotnet test --filter DocsTests");
            foreach (var section in Sections)
                Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), $"docs/rules/{id}.md lacks the section '{section}'.");
        }

        /// <summary>
        /// docs/severity.md: every page says, right after the generated header, which case is an error, a warning or a
        /// suggestion, one bold line per case, and the descriptor's default severity is one of them.
        /// </summary>
        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RuleHasSeveritySectionAfterTheHeader(string id)
        {
            var rule = PolicyAnalyzer.Rules.Single(r => r.Id == id);
            var path = Path.Combine(DocsDir, id + ".md");
            Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing.");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            int end = text.IndexOf(End, StringComparison.Ordinal);
            Assert.True(end >= 0, $"docs/rules/{id}.md lacks {End}.");
            string body = text.Substring(end + End.Length).TrimStart('\n');
            Assert.True(body.StartsWith("## Severity\n", StringComparison.Ordinal),
                $"docs/rules/{id}.md must have a '## Severity' section right after the generated header (see docs/severity.md).");
            var cases = SeverityLines(text);
            Assert.True(cases.Count > 0, $"docs/rules/{id}.md: the Severity section needs a line starting {string.Join(", ", SeverityLabels)} per case.");
            string expected = "**" + CaseLabel(rule.Descriptor.DefaultSeverity) + "**";
            Assert.True(cases.Any(l => l.StartsWith(expected, StringComparison.Ordinal)),
                $"docs/rules/{id}.md: the default severity is {Severity(rule.Descriptor.DefaultSeverity)}, so the Severity section needs a line starting {expected}.");
        }

        private static readonly string[] SeverityLabels = { "**Error**", "**Warning**", "**Suggestion**" };

        /// <summary>The case lines of a page's Severity section ("**Error** when ...").</summary>
        private static List<string> SeverityLines(string page)
        {
            int end = page.IndexOf(End, StringComparison.Ordinal);
            var body = end < 0 ? page : page.Substring(end + End.Length).TrimStart('\n');
            if (!body.StartsWith("## Severity\n", StringComparison.Ordinal)) return new List<string>();
            return body.Split('\n').Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
                .Where(l => SeverityLabels.Any(label => l.StartsWith(label, StringComparison.Ordinal))).ToList();
        }

        private static string CaseLabel(DiagnosticSeverity s) => s switch
        {
            DiagnosticSeverity.Error => "Error",
            DiagnosticSeverity.Warning => "Warning",
            _ => "Suggestion",
        };

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RuleHasOkAndErrFixtures(string id)
        {
            var dir = Path.Combine(Paths.Fixtures, id);
            Assert.True(Directory.Exists(Path.Combine(dir, "ok")) && Directory.EnumerateFileSystemEntries(Path.Combine(dir, "ok")).Any(),
                $"tests/PolicyLint.Tests/Rules/{id}/ok/ needs at least one case.");
            if (NoErrFixture.ContainsKey(id)) return;
            Assert.True(Directory.Exists(Path.Combine(dir, "err")) && Directory.EnumerateFileSystemEntries(Path.Combine(dir, "err")).Any(),
                $"tests/PolicyLint.Tests/Rules/{id}/err/ needs at least one case.");
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RuleIsOneFileNamedAfterItsId(string id)
        {
            var rule = PolicyAnalyzer.Rules.Single(r => r.Id == id);
            Assert.StartsWith(id, rule.GetType().Name, StringComparison.Ordinal);
            Assert.Equal(RuleDescriptors.HelpLink(id), rule.Descriptor.HelpLinkUri);
            Assert.Equal(RuleCategory.ForId(id), rule.Descriptor.Category);
            var files = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "src", "PolicyLint.Core", "Rules"), rule.GetType().Name + ".cs", SearchOption.AllDirectories);
            Assert.Single(files);
        }

        [Fact]
        public void IdsAreUniqueAndFixtureFoldersNameRealRules()
        {
            var ids = PolicyAnalyzer.Rules.Select(r => r.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var folders = Directory.Exists(Paths.Fixtures) ? Directory.GetDirectories(Paths.Fixtures).Select(Path.GetFileName).ToList() : new List<string?>();
            Assert.DoesNotContain(folders, f => !ids.Contains(f!));
            var pages = Directory.GetFiles(DocsDir, "PL*.md").Select(Path.GetFileNameWithoutExtension).ToList();
            Assert.DoesNotContain(pages, p => !ids.Contains(p!));
        }

        [Fact]
        public void IndexIsCurrent()
        {
            var path = Path.Combine(DocsDir, "README.md");
            string expected = Index();
            string actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
            if (actual != expected && Update)
            {
                File.WriteAllText(path, expected);
                actual = expected;
            }
            Assert.True(actual == expected, "docs/rules/README.md is stale: run POLICYLINT_UPDATE_DOCS=1 dotnet test --filter DocsTests");
        }

        /// <summary>The README carries the same table (id, title, default, the B2C error each rule prevents) between markers.</summary>
        [Fact]
        public void ReadmeRuleTableIsCurrent()
        {
            string table = Index();
            table = table.Substring(table.IndexOf("| Id |", StringComparison.Ordinal)).Replace("](PL", "](docs/rules/PL");
            GeneratedSection.AssertCurrent(Path.Combine(Paths.RepoRoot, "README.md"), "<!-- rules-table: generated by DocsTests -->", "<!-- /rules-table -->", table, "DocsTests");
        }

        /// <summary>docs/severity.md lists every rule's default and cases, taken from the descriptors and the pages' Severity sections.</summary>
        [Fact]
        public void SeverityTableIsCurrent()
        {
            var sb = new StringBuilder("| Id | Title | Default | Cases |\n|---|---|---|---|\n");
            foreach (var rule in PolicyAnalyzer.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                var d = rule.Descriptor;
                var cases = SeverityLines(File.ReadAllText(Path.Combine(DocsDir, d.Id + ".md")).Replace("\r\n", "\n")).Select(Case);
                sb.Append($"| [{d.Id}](rules/{d.Id}.md) | {d.Title} | {Severity(d.DefaultSeverity)} | {string.Join("<br>", cases)} |\n");
            }
            GeneratedSection.AssertCurrent(Path.Combine(Paths.RepoRoot, "docs", "severity.md"), "<!-- severity-table: generated by DocsTests -->", "<!-- /severity-table -->", sb.ToString(), "DocsTests");
        }

        /// <summary>"**Warning** when X: evidence" is the case "warning when X".</summary>
        private static string Case(string line)
        {
            var text = line.Replace("**", "");
            int colon = text.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) text = text.Substring(0, colon);
            text = text.TrimEnd('.', ' ');
            return char.ToLowerInvariant(text[0]) + text.Substring(1).Replace("|", "\\|");
        }

        public static string Header(DiagnosticDescriptor d)
        {
            var sb = new StringBuilder();
            sb.Append($"# {d.Id}: {d.Title}\n\n");
            string description = d.Description.ToString();
            if (description.Length > 0) sb.Append(description).Append("\n\n");
            sb.Append("| Property | Value |\n|---|---|\n");
            sb.Append($"| Id | `{d.Id}` |\n");
            sb.Append($"| Category | {d.Category} |\n");
            sb.Append($"| Default severity | {Severity(d.DefaultSeverity)} |\n");
            sb.Append($"| Enabled by default | {(d.IsEnabledByDefault ? "yes" : "no")} |\n");
            sb.Append($"| Message | `{d.MessageFormat.ToString().Replace("|", "\\|")}` |\n\n");
            sb.Append("**Configure** it in `.editorconfig` (section globs and precedence as for C# analyzers):\n\n");
            sb.Append("```ini\n[*.xml]\n");
            sb.Append($"dotnet_diagnostic.{d.Id}.severity = warning  # none, silent, suggestion, warning or error\n");
            sb.Append($"dotnet_analyzer_diagnostic.category-{d.Category}.severity = warning  # the whole category\n```\n\n");
            sb.Append($"or in the project: `<NoWarn>$(NoWarn);{d.Id}</NoWarn>`, `<WarningsAsErrors>{d.Id}</WarningsAsErrors>`.\n\n");
            sb.Append("**Suppress** one occurrence in the policy file:\n\n");
            sb.Append($"```xml\n<!-- policylint disable-next {d.Id} -->\n```\n\n");
            sb.Append($"or a region: `<!-- policylint disable {d.Id} -->` … `<!-- policylint restore {d.Id} -->`.\n\n");
            return sb.ToString();
        }

        public static string Index()
        {
            var sb = new StringBuilder();
            sb.Append("# PolicyLint rules\n\n");
            sb.Append("Generated from the rule descriptors and pages by `POLICYLINT_UPDATE_DOCS=1 dotnet test --filter DocsTests`; do not edit.\n\n");
            sb.Append("| Id | Title | Category | Default | B2C error it prevents |\n|---|---|---|---|---|\n");
            foreach (var rule in PolicyAnalyzer.Rules)
            {
                var d = rule.Descriptor;
                sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Title} | {d.Category} | {Severity(d.DefaultSeverity)} | {Prevents(d.Id).Replace("|", "\\|")} |\n");
            }
            return sb.ToString();
        }

        /// <summary>The first paragraph of the page's "B2C error it prevents" section, on one line.</summary>
        private static string Prevents(string id)
        {
            var path = Path.Combine(DocsDir, id + ".md");
            if (!File.Exists(path)) return "";
            var lines = File.ReadAllLines(path);
            int start = Array.FindIndex(lines, l => l.Trim() == "## B2C error it prevents");
            if (start < 0) return "";
            var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith("#", StringComparison.Ordinal));
            return string.Join(" ", paragraph.Select(l => l.Trim()));
        }

        private static string Severity(DiagnosticSeverity s) => s switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        };
    }
}
