using System;
using Microsoft.Build.Framework;
using PolicyLint.Reporting;

namespace PolicyLint.Build
{
    /// <summary>
    /// Logs the diagnostics of the last analysis (obj/policylint.diagnostics) on every build, whether or not the
    /// analysis re-ran: warnings show on every build, and a build with nothing changed costs no analysis.
    /// A bare ITask on purpose: deriving from Microsoft.Build.Utilities.Task would load that assembly on every
    /// no-op build (about 15 ms in a fresh MSBuild process).
    /// </summary>
    public sealed class PolicyLintReport : ITask
    {
        public IBuildEngine BuildEngine { get; set; } = null!;
        public ITaskHost? HostObject { get; set; }

        [Required]
        public string File { get; set; } = "";
        public string? RepositoryRoot { get; set; }

        public bool Execute()
        {
            bool errors = false;
            try
            {
                // Checked here rather than through PolicyLint.Core, so that a local build does not load it at all.
                bool annotate = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);
                var all = ReportedDiagnostic.ReadAll(File);
                foreach (var d in all) errors |= d.LogTo(BuildEngine, nameof(PolicyLintReport));
                if (annotate) Annotate(all);
            }
            catch (Exception ex)
            {
                BuildEngine.LogErrorEvent(new BuildErrorEventArgs(null, "PL0004", File, 0, 0, 0, 0,
                    "PolicyLint could not report its last analysis: " + ex.GetType().Name + ": " + ex.Message, null, nameof(PolicyLintReport)));
                errors = true;
            }
            return !errors;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private void Annotate(System.Collections.Generic.List<ReportedDiagnostic> all)
        {
            foreach (var command in PolicyLint.CiCommands(all, RepositoryRoot))
                BuildEngine.LogMessageEvent(new BuildMessageEventArgs(command, null, nameof(PolicyLintReport), MessageImportance.High));
        }
    }
}
