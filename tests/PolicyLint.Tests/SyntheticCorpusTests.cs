using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Benchmarks;
using Xunit;

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
    }
}
