using System;
using Microsoft.Build.Framework;
using PolicyLint.Reporting;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace PolicyLint.Build
{
    /// <summary>
    /// Logs the diagnostics of the last analysis (obj/policylint.diagnostics) on every build, whether or not the
    /// analysis re-ran: warnings show on every build, and a build with nothing changed costs no analysis.
    /// </summary>
    public sealed class PolicyLintReport : MSBuildTask
    {
        [Required]
        public string File { get; set; } = "";
        public string? RepositoryRoot { get; set; }

        public override bool Execute()
        {
            try
            {
                bool annotate = GitHubAnnotations.IsEnabled();
                foreach (var d in ReportedDiagnostic.ReadAll(File))
                {
                    d.LogTo(Log);
                    if (annotate && GitHubAnnotations.FormatOne(d.Severity, d.Id, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message, RepositoryRoot) is string command)
                        Log.LogMessage(MessageImportance.High, command);
                }
            }
            catch (Exception ex)
            {
                Log.LogError(null, "PL0004", null, null, File, 0, 0, 0, 0, "PolicyLint could not report its last analysis: " + ex.GetType().Name + ": " + ex.Message);
            }
            return !Log.HasLoggedErrors;
        }
    }
}
