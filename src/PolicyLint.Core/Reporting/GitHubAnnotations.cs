using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Reporting
{
    /// <summary>GitHub Actions workflow commands for errors and warnings, so a pull request's diff is annotated with no extra setup.</summary>
    public static class GitHubAnnotations
    {
        public static bool IsEnabled(Func<string, string?>? environment = null)
            => string.Equals((environment ?? Environment.GetEnvironmentVariable)("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

        public static IEnumerable<string> Format(IEnumerable<Diagnostic> diagnostics, string? repositoryRoot)
            => diagnostics.SelectMany(d => CiAnnotations.For(CanonicalFormat.ToFinding(d), repositoryRoot, github: true, azure: false));

        /// <summary>One workflow command (1-based positions), or null for a severity GitHub is not shown. Uses no Roslyn type,
        /// so the build's replay of cached diagnostics can call it without loading the compiler.</summary>
        public static string? FormatOne(string command, string id, string path, int line, int column, int endLine, int endColumn, string message, string? repositoryRoot)
        {
            if (!Common.Severities.IsAnnotated(command)) return null;
            string file = Analysis.DisplayPaths.Relative(repositoryRoot, path).Replace('\\', '/');
            return $"::{command} file={Property(file)},line={line},col={column},endLine={endLine},endColumn={endColumn},title={Property(id)}::{Data(message)}";
        }

        // Escaping as the Actions toolkit does it.
        private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
    }
}
