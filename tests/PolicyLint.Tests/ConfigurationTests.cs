using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>Severity configuration and suppressions on real fixtures, through the same pipeline the task runs.</summary>
    public sealed class ConfigurationTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "policylint-config-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ConfigurationTests() => Directory.CreateDirectory(_dir);

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private static string Fixture(string relative) => Path.Combine(Paths.Fixtures, relative.Replace('/', Path.DirectorySeparatorChar));

        private string Copy(string relative, string name, Func<string, string>? edit = null)
        {
            var path = Path.Combine(_dir, name);
            var text = File.ReadAllText(Fixture(relative));
            File.WriteAllText(path, edit == null ? text : edit(text));
            return path;
        }

        private static LintResult Lint(string file, DiagnosticConfiguration? configuration = null, bool production = false)
        {
            var request = new AnalysisRequest().AddPolicy(file);
            request.Options.IsProduction = production;
            if (configuration != null) request.Configuration = configuration;
            return Linter.Run(request);
        }

        private static string Line(Diagnostic d)
        {
            var s = d.Location.GetLineSpan();
            return $"{Path.GetFileName(s.Path)}({s.StartLinePosition.Line + 1},{s.StartLinePosition.Character + 1}): {d.Severity} {d.Id}";
        }

        private DiagnosticConfiguration EditorConfig(string content)
        {
            var path = Path.Combine(_dir, ".editorconfig");
            File.WriteAllText(path, content);
            return new DiagnosticConfiguration { EditorConfig = EditorConfigSeverities.Load(EditorConfigSeverities.Discover(new[] { Path.Combine(_dir, "x.xml") })) };
        }

        [Fact]
        public void IdBeatsCategoryBeatsAllAsInRoslyn()
        {
            var file = Copy("PL2001/err/undeclared-claim.xml", "policy.xml");
            var config = EditorConfig("root = true\n[*.xml]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_analyzer_diagnostic.category-References.severity = warning\ndotnet_diagnostic.PL2001.severity = suggestion\n");
            Assert.Equal(new[] { "policy.xml(19,47): Info PL2001" }, Lint(file, config).Diagnostics.Select(Line).Where(l => l.Contains("PL2001")));

            config = EditorConfig("root = true\n[*.xml]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_analyzer_diagnostic.category-References.severity = warning\n");
            Assert.Equal(new[] { "policy.xml(19,47): Warning PL2001" }, Lint(file, config).Diagnostics.Select(Line).Where(l => l.Contains("PL2001")));

            config = EditorConfig("root = true\n[other.xml]\ndotnet_diagnostic.PL2001.severity = none\n");
            Assert.Contains("policy.xml(19,47): Error PL2001", Lint(file, config).Diagnostics.Select(Line));
        }

        [Fact]
        public void SuppressedDiagnosticsStayInTheFullListForSarif()
        {
            var file = Copy("PL2001/err/undeclared-claim.xml", "policy.xml", t => t.Replace("<InputClaim ClaimTypeReferenceId=\"emial\" />", "<!-- policylint disable-next PL2001 --><InputClaim ClaimTypeReferenceId=\"emial\" />"));
            var result = Lint(file);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "PL2001");
            var suppressed = Assert.Single(result.All, c => c.Diagnostic.Id == "PL2001");
            Assert.Equal(SuppressionKind.InSource, suppressed.Suppression);
            Assert.True(suppressed.Diagnostic.IsSuppressed);
        }

        [Fact]
        public void DisableNextCoversTheWholeNextElementAndRestoreEndsARegion()
        {
            var file = Copy("PL2001/err/undeclared-claim.xml", "policy.xml", t => t
                .Replace("<InputClaims>", "<!-- policylint disable-next PL2001 -->\n          <InputClaims>")
                .Replace("<OutputClaims>", "<OutputClaims><!-- policylint disable PL2001 --><OutputClaim ClaimTypeReferenceId=\"x1\" /><!-- policylint restore PL2001 --><OutputClaim ClaimTypeReferenceId=\"x2\" />"));
            var lines = Lint(file).Diagnostics.Where(d => d.Id == "PL2001").Select(Line).ToList();
            Assert.Equal(new[] { "policy.xml(22,169): Error PL2001" }, lines);
        }

        [Fact]
        public void ProductionRaisesSecurityWarningsOnly()
        {
            var file = Copy("PL7003/err/development-mode.xml", "policy.xml");
            var normal = Lint(file).Diagnostics.Single(d => d.Id == "PL7003");
            Assert.Equal(DiagnosticSeverity.Warning, normal.Severity);
            var production = Lint(file, production: true).Diagnostics.Single(d => d.Id == "PL7003");
            Assert.Equal(DiagnosticSeverity.Error, production.Severity);
        }

        [Fact]
        public void DiagnosticsAreSortedByFileLineColumnAndId()
        {
            var request = new AnalysisRequest();
            foreach (var file in Directory.GetFiles(Paths.Fixtures, "*.xml", SearchOption.AllDirectories).Where(f => f.Contains(Path.DirectorySeparatorChar + "err" + Path.DirectorySeparatorChar)).Take(200))
                request.AddPolicy(file);
            var diagnostics = Linter.Run(request).Diagnostics;
            Assert.NotEmpty(diagnostics);
            var sorted = diagnostics.OrderBy(d => d, DiagnosticOrder.Instance).ToList();
            Assert.Equal(sorted.Select(Line), diagnostics.Select(Line));
            Assert.Equal(diagnostics.Select(Line), Linter.Run(request).Diagnostics.Select(Line));
        }
    }
}
