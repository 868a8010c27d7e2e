using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>The fixes every diagnostic has: suppress this occurrence, set the rule's severity in .editorconfig.</summary>
    public sealed class HostFixesTests
    {
        private static (string Dir, HostOptions Options) WeChat()
        {
            string dir = PolicyLint.Tests.Shared.TempFolders.NewPath("hostfix-");
            string policies = Path.Combine(dir, "policies");
            Directory.CreateDirectory(policies);
            foreach (var f in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples", "wechat"), "*.xml")) File.Copy(f, Path.Combine(policies, Path.GetFileName(f)));
            var options = new HostOptions { ProjectDirectory = dir };
            foreach (var f in Directory.GetFiles(policies, "*.xml").OrderBy(f => f, StringComparer.Ordinal)) options.Policies.Add(new PolicyInput(f, isExplicit: false));
            return (dir, options);
        }

        private static Diagnostic Find(HostOptions options, string id) => options.Run().Result.Diagnostics.First(d => d.Id == id);

        private static void Apply(CodeFix fix)
        {
            foreach (var pair in Fixer.Apply(fix.Edits, Fixer.ReadText)) Fixer.WriteText(pair.Key, pair.Value);
        }

        [Fact]
        public void SuppressInsertsADisableNextCommentAboveTheLineWithItsIndentation()
        {
            var (_, options) = WeChat();
            var before = options.Run().Result.Diagnostics;
            var d = before.First(x => x.Id == "PL2001");
            string path = d.Location.GetLineSpan().Path;
            var lines = File.ReadAllLines(path);
            int line = d.Location.GetLineSpan().StartLinePosition.Line;
            Apply(HostFixes.Suppress(d)!);

            var after = File.ReadAllLines(path);
            string indent = lines[line].Substring(0, lines[line].Length - lines[line].TrimStart().Length);
            Assert.Equal(indent + "<!-- policylint disable-next PL2001 -->", after[line]);
            Assert.Equal(lines[line], after[line + 1]);
            var left = options.Run().Result.Diagnostics;
            Assert.DoesNotContain(left, x => x.Id == "PL2001");
            Assert.Equal(before.Count - 1, left.Count);

            // A second rule's finding on the same element joins the comment.
            Apply(HostFixes.Suppress(Find(options, "PL6001"))!);
            Assert.Equal(indent + "<!-- policylint disable-next PL2001, PL6001 -->", File.ReadAllLines(path)[line]);
            Assert.DoesNotContain(options.Run().Result.Diagnostics, x => x.Id == "PL6001");
        }

        [Fact]
        public void SeverityGoesIntoANewEditorConfigInTheProjectFolder()
        {
            var (dir, options) = WeChat();
            var fixes = HostFixes.SetSeverity(Find(options, "PL2001"), dir).ToList();
            Assert.Equal(new[] { "Set PL2001 to 'none' in .editorconfig", "Set PL2001 to 'suggestion' in .editorconfig", "Set PL2001 to 'warning' in .editorconfig" }, fixes.Select(f => f.Title));
            Apply(fixes[2]);
            Assert.Equal("[*.xml]\ndotnet_diagnostic.PL2001.severity = warning\n", File.ReadAllText(Path.Combine(dir, ".editorconfig")));
            Assert.Equal(DiagnosticSeverity.Warning, Find(options, "PL2001").Severity);
        }

        [Fact]
        public void SeverityUpdatesTheNearestEditorConfig()
        {
            var (dir, options) = WeChat();
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n");
            string nearest = Path.Combine(dir, "policies", ".editorconfig");
            File.WriteAllText(nearest, "[*.xml]\r\ndotnet_diagnostic.PL2001.severity = warning # for now\r\nindent_size = 2\r\n\r\n[*.json]\r\nindent_size = 4\r\n");
            Apply(HostFixes.SetSeverity(Find(options, "PL2001"), dir).First(f => f.Title.Contains("'none'")));
            Assert.Equal("[*.xml]\r\ndotnet_diagnostic.PL2001.severity = none\r\nindent_size = 2\r\n\r\n[*.json]\r\nindent_size = 4\r\n", File.ReadAllText(nearest));
            Assert.DoesNotContain(options.Run().Result.Diagnostics, d => d.Id == "PL2001");

            // Another rule is added at the end of the [*.xml] section; the root file is left alone.
            Apply(HostFixes.SetSeverity(Find(options, "PL6001"), dir).First(f => f.Title.Contains("'suggestion'")));
            Assert.Equal("[*.xml]\r\ndotnet_diagnostic.PL2001.severity = none\r\nindent_size = 2\r\ndotnet_diagnostic.PL6001.severity = suggestion\r\n\r\n[*.json]\r\nindent_size = 4\r\n", File.ReadAllText(nearest));
            Assert.Equal("root = true\n", File.ReadAllText(Path.Combine(dir, ".editorconfig")));
        }

        [Fact]
        public void SeverityAddsAnXmlSectionWhenTheFileHasNone()
            => Assert.Equal("root = true\n\n[*.xml]\ndotnet_diagnostic.PL2012.severity = none\n",
                Apply("root = true\n", "PL2012", "none"));

        [Fact]
        public void SeverityAddsALineBreakBeforeTheEntryWhenTheSectionEndsTheFileWithoutOne()
            => Assert.Equal("[*.xml]\nindent_size = 2\ndotnet_diagnostic.PL2012.severity = none\n",
                Apply("[*.xml]\nindent_size = 2", "PL2012", "none"));

        private static string Apply(string text, string id, string severity)
        {
            var edit = HostFixes.EditorConfigEdit("x", text, id, severity);
            return text.Substring(0, edit.Span.Start) + edit.NewText + text.Substring(edit.Span.End);
        }
    }
}
