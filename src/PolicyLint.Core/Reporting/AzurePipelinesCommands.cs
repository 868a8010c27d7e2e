using System;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// Azure Pipelines logging commands (##vso[task.logissue ...]) for errors and warnings, printed when TF_BUILD=True:
    /// the run's summary lists each finding with its file and line, as GitHub's annotations do on a pull request.
    /// </summary>
    public static class AzurePipelinesCommands
    {
        public static bool IsEnabled(Func<string, string?>? environment = null)
            => string.Equals((environment ?? Environment.GetEnvironmentVariable)("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>One logging command (1-based positions), or null for a severity the run summary does not list. Uses no
        /// Roslyn type, so the build's replay of cached diagnostics can call it without loading the compiler.</summary>
        public static string? FormatOne(string severity, string id, string path, int line, int column, string message, string? repositoryRoot)
        {
            if (!Common.Severities.IsAnnotated(severity)) return null;
            string file = Analysis.DisplayPaths.Relative(repositoryRoot, path).Replace('\\', '/');
            return $"##vso[task.logissue type={severity};sourcepath={Property(file)};linenumber={line};columnnumber={column};code={Property(id)}]{Data(message)}";
        }

        // Escaping as the agent's task library does it.
        private static string Data(string s) => s.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");
        private static string Property(string s) => Data(s).Replace("]", "%5D").Replace(";", "%3B");
    }
}
