using System;
using System.Collections.Generic;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// The one writer of CI annotations, for the analysing task, the build's replay of cached findings and the command
    /// line: per finding, GitHub's workflow command and Azure Pipelines' logging command, for the CI asked.
    /// Takes plain values, so the replay (which keeps no Roslyn type) calls it without loading the compiler.
    /// </summary>
    public static class CiAnnotations
    {
        /// <summary>Whether this process runs on a CI whose annotations PolicyLint writes.</summary>
        public static (bool GitHub, bool Azure) Detect(Func<string, string?>? environment = null)
            => (GitHubAnnotations.IsEnabled(environment), AzurePipelinesCommands.IsEnabled(environment));

        public static IEnumerable<string> For(Finding f, string? repositoryRoot, bool github, bool azure)
            => For(f.Severity, f.Id, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message, repositoryRoot, github, azure);

        public static IEnumerable<string> For(string severity, string id, string file, int line, int column, int endLine, int endColumn, string message, string? repositoryRoot, bool github, bool azure)
        {
            if (github && GitHubAnnotations.FormatOne(severity, id, file, line, column, endLine, endColumn, message, repositoryRoot) is string annotation)
                yield return annotation;
            if (azure && AzurePipelinesCommands.FormatOne(severity, id, file, line, column, message, repositoryRoot) is string command)
                yield return command;
        }
    }
}
