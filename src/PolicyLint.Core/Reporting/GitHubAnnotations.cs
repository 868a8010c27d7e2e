using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Reporting
{
    /// <summary>GitHub Actions workflow commands for errors and warnings, so a pull request's diff is annotated with no extra setup.</summary>
    public static class GitHubAnnotations
    {
        public static bool IsEnabled(Func<string, string?>? environment = null)
            => string.Equals((environment ?? Environment.GetEnvironmentVariable)("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

        public static IEnumerable<string> Format(IEnumerable<Diagnostic> diagnostics, string? repositoryRoot)
        {
            string? root = repositoryRoot == null ? null : Path.GetFullPath(repositoryRoot).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
            foreach (var d in diagnostics)
            {
                string command = d.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "",
                };
                if (command.Length == 0) continue;
                var span = d.Location.GetLineSpan();
                string file = span.Path;
                if (root != null && file.StartsWith(root, StringComparison.Ordinal)) file = file.Substring(root.Length);
                file = file.Replace('\\', '/');
                yield return $"::{command} file={Property(file)},line={span.StartLinePosition.Line + 1},col={span.StartLinePosition.Character + 1}," +
                             $"endLine={span.EndLinePosition.Line + 1},endColumn={span.EndLinePosition.Character + 1},title={Property(d.Id)}::{Data(d.GetMessage())}";
            }
        }

        // Escaping as the Actions toolkit does it.
        private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
    }
}
