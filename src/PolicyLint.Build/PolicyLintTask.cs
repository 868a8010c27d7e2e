using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Reporting;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using PolicyLint.Pipeline;

namespace PolicyLint.Build
{
    /// <summary>Lints B2C policies and logs each diagnostic with file, line and column. Thin: the work is in PolicyLint.Core.</summary>
    public sealed class PolicyLint : MSBuildTask
    {
        [Required]
        public ITaskItem[] Policies { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] PolicyKeys { get; set; } = Array.Empty<ITaskItem>();
        public string? NoWarn { get; set; }
        public string? WarningsAsErrors { get; set; }
        public string? WarningsNotAsErrors { get; set; }
        public bool TreatWarningsAsErrors { get; set; }
        public string? Environment { get; set; }
        public string? SettingsFile { get; set; }
        /// <summary>PolicyLintTokenPatterns: shapes of deploy-time tokens ("{{NAME}};#{NAME}#"); empty for the built-in ones.</summary>
        public string? TokenPatterns { get; set; }
        /// <summary>SARIF 2.1.0 log path (PolicyLintErrorLog).</summary>
        public string? ErrorLog { get; set; }
        /// <summary>Folder that SARIF artifact URIs are made relative to.</summary>
        public string? RepositoryRoot { get; set; }
        /// <summary>Written after every completed analysis, so the next build with nothing changed can skip it.</summary>
        public string? StampFile { get; set; }
        /// <summary>Where the diagnostics are kept for PolicyLintReport to log; when empty, this task logs them itself.</summary>
        public string? ReportFile { get; set; }
        /// <summary>The project folder: baseline entries and SARIF fingerprints name files relative to it.</summary>
        public string? ProjectDirectory { get; set; }
        /// <summary>PolicyLintBaseline: findings it lists do not fail the build.</summary>
        public string? Baseline { get; set; }
        /// <summary>PolicyLintUpdateBaseline: write the current findings to the baseline file.</summary>
        public bool UpdateBaseline { get; set; }
        /// <summary>PolicyLintBaselineSeverity: suggestion (default) or hidden, for known findings.</summary>
        public string? BaselineSeverity { get; set; }
        /// <summary>PolicyLintSarifCategory: the SARIF run's automationDetails id.</summary>
        public string? SarifCategory { get; set; }
        /// <summary>PolicyLintHelpLinkBase: a URL or folder of the rule pages.</summary>
        public string? HelpLinkBase { get; set; }

        public override bool Execute()
        {
            try
            {
                return Run();
            }
            catch (Exception ex)
            {
                // The task must never throw: an unexpected failure is one error, not a crashed build.
                Log.LogError(null, "PL0004", null, RuleDescriptors.HelpLink("PL0004"), null, 0, 0, 0, 0,
                    "PolicyLint failed unexpectedly: " + ex.GetType().Name + ": " + ex.Message);
                return false;
            }
        }

        private bool Run()
        {
            // A failed analysis must not leave the previous one's findings to be reported as current.
            if (!string.IsNullOrEmpty(ReportFile) && File.Exists(ReportFile)) File.Delete(ReportFile);
            var options = new HostOptions
            {
                NoWarn = NoWarn,
                WarningsAsErrors = WarningsAsErrors,
                WarningsNotAsErrors = WarningsNotAsErrors,
                TreatWarningsAsErrors = TreatWarningsAsErrors,
                Environment = Environment,
                // Set by the targets only when the default appsettings.json exists; a named file must exist.
                SettingsFile = SettingsFile,
                TokenPatterns = TokenPatterns,
                ProjectDirectory = ProjectDirectory,
                Baseline = Baseline,
                UpdateBaseline = UpdateBaseline,
                BaselineSeverity = BaselineSeverity,
            };
            foreach (var item in Policies)
                options.Policies.Add(new PolicyInput(item.GetMetadata("FullPath"), isExplicit: !string.Equals(item.GetMetadata("PolicyLintDefaultItem"), "true", StringComparison.OrdinalIgnoreCase)));
            foreach (var item in References)
                options.References.Add(item.GetMetadata("FullPath"));
            options.PolicyKeys.AddRange(PolicyKeys.Select(k => k.ItemSpec));

            var run = options.Run();
            if (run.BaselineWritten != null)
                Log.LogMessage(MessageImportance.High, $"PolicyLint wrote {run.BaselineCount} finding(s) to {run.BaselineWritten}.");
            var result = run.Result;

            var reported = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => ToReported(CanonicalFormat.ToFinding(d, HelpLinkBase))).ToList();
            if (!string.IsNullOrEmpty(ErrorLog))
                SarifLog.Write(ErrorLog!, result.All, RepositoryRoot, new SarifOptions { Category = SarifCategory, HelpLinkBase = HelpLinkBase });

            bool errors = false;
            if (string.IsNullOrEmpty(ReportFile))
            {
                foreach (var d in reported) errors |= d.LogTo(BuildEngine, nameof(PolicyLint));
                foreach (var line in CiCommands(reported, RepositoryRoot))
                    Log.LogMessage(MessageImportance.High, line);
            }
            else if (reported.Count > 0)
            {
                // Left absent when there is nothing to report, so a clean no-op build loads no PolicyLint code at all.
                ReportedDiagnostic.WriteAll(ReportFile!, reported);
            }

            WriteStamp();
            Log.LogMessage(MessageImportance.Low, $"PolicyLint analyzed {result.FilesAnalyzed} file(s): {result.Diagnostics.Count} diagnostic(s).");
            return !errors && !Log.HasLoggedErrors;
        }

        /// <summary>GitHub workflow commands and Azure Pipelines logging commands, for the CI this build runs on.</summary>
        internal static System.Collections.Generic.IEnumerable<string> CiCommands(System.Collections.Generic.IEnumerable<ReportedDiagnostic> reported, string? repositoryRoot)
        {
            var (github, azure) = CiAnnotations.Detect();
            if (!github && !azure) return Array.Empty<string>();
            return reported.SelectMany(d => CiAnnotations.For(d.Severity, d.Id, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message, repositoryRoot, github, azure));
        }

        private static ReportedDiagnostic ToReported(Finding f) => new ReportedDiagnostic
        {
            Severity = f.Severity, Id = f.Id, HelpLink = f.HelpLink, File = f.File,
            Line = f.Line, Column = f.Column, EndLine = f.EndLine, EndColumn = f.EndColumn, Message = f.Message,
        };

        private void WriteStamp()
        {
            if (string.IsNullOrEmpty(StampFile)) return;
            try
            {
                string full = Path.GetFullPath(StampFile);
                string directory = Path.GetDirectoryName(full)!;
                Directory.CreateDirectory(directory);
                // The stamp's name carries a hash of the options: only the current one may exist, or going back to
                // earlier options would find their old stamp and skip the lint with another run's report.
                foreach (var old in Directory.GetFiles(directory, "policylint.*.stamp"))
                    if (!string.Equals(Path.GetFullPath(old), full, StringComparison.Ordinal)) File.Delete(old);
                File.WriteAllText(full, "PolicyLint analyzed these inputs with these options; the report file holds what it found.\n");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogMessage(MessageImportance.Low, "PolicyLint could not update " + StampFile + ": " + ex.Message);
            }
        }
    }
}
