using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Benchmarks;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>
    /// The benchmark's generated repository must stay clean: a rule that starts reporting on it would make the
    /// benchmark measure message formatting that no real repository pays for (it happened once: 568 diagnostics).
    /// </summary>
    public sealed class SyntheticCorpusTests
    {
        [Fact]
        public void GeneratedRepositoryHasNoWarningOrError()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-synthetic-" + System.Guid.NewGuid().ToString("N"));
            try
            {
                SyntheticRepository.Write(dir, 1);
                var request = new AnalysisRequest();
                foreach (var file in Directory.GetFiles(dir, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
                    request.AddPolicy(file, isExplicit: false);
                Assert.Equal(SyntheticRepository.FamiliesPerScale * 7, request.Policies.Count);

                var result = Linter.Run(request);

                Assert.Equal(request.Policies.Count, result.FilesAnalyzed);
                var problems = result.Diagnostics
                    .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                    .Select(d => $"{Path.GetRelativePath(dir, d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id} {d.GetMessage()}")
                    .ToList();
                Assert.Empty(problems);
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
        }
    
        /// <summary>
        /// Scopes share merged profiles and claim flows: the same mistakes in eight families must give each family the same
        /// diagnostics, and every run the same output.
        /// </summary>
        [Fact]
        public void FamiliesWithTheSameMistakesReportAlikeEveryRun()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-synthetic-" + System.Guid.NewGuid().ToString("N"));
            try
            {
                SyntheticRepository.Write(dir, 1);
                foreach (var family in Directory.GetDirectories(dir))
                {
                    Replace(Path.Combine(family, "TrustFrameworkExtensions.xml"), "ClaimTypeReferenceId=\"extension_loyaltyNumber\"", "ClaimTypeReferenceId=\"extension_loyaltyNumbr\"");
                    Replace(Path.Combine(family, "SignIn.xml"), "ClaimTypeReferenceId=\"claim20\"", "ClaimTypeReferenceId=\"claim2O\"");
                }
                var request = new AnalysisRequest();
                foreach (var file in Directory.GetFiles(dir, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
                    request.AddPolicy(file, isExplicit: false);

                List<string> Run() => Linter.Run(request).Diagnostics
                    .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                    .Select(d => $"{Path.GetRelativePath(dir, d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id} {d.GetMessage()}")
                    .ToList();
                var first = Run();
                for (int i = 0; i < 3; i++) Assert.Equal(first, Run());

                var byFamily = first.GroupBy(line => line.Substring(0, line.IndexOf(Path.DirectorySeparatorChar)))
                    .ToDictionary(g => g.Key, g => g.Select(line => line.Substring(line.IndexOf(Path.DirectorySeparatorChar))).ToList());
                Assert.Equal(SyntheticRepository.FamiliesPerScale, byFamily.Count);
                var expected = new[]
                {
                    $"{Path.DirectorySeparatorChar}SignIn.xml(21,44): PL2001",
                    $"{Path.DirectorySeparatorChar}TrustFrameworkExtensions.xml(26,48): PL2001",
                };
                foreach (var family in byFamily.Values)
                    Assert.Equal(expected, family.Select(line => line.Substring(0, line.IndexOf(": PL", System.StringComparison.Ordinal) + 8)));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
        }

        private static void Replace(string path, string value, string with)
        {
            string text = File.ReadAllText(path);
            int at = text.IndexOf(value, System.StringComparison.Ordinal);
            Assert.True(at >= 0, $"{value} not in {path}");
            File.WriteAllText(path, text.Substring(0, at) + with + text.Substring(at + value.Length));
        }
    }
}
