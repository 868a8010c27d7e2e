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

namespace PolicyLint.Build
{
    /// <summary>Lints B2C policies and logs each diagnostic with file, line and column. Thin: the work is in PolicyLint.Core.</summary>
    public sealed class PolicyLint : MSBuildTask
    {
        [Required]
        public ITaskItem[] Policies { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] PolicyKeys { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();
        public string? NoWarn { get; set; }
        public string? WarningsAsErrors { get; set; }
        public string? WarningsNotAsErrors { get; set; }
        public bool TreatWarningsAsErrors { get; set; }
        public string? Environment { get; set; }
        public string? SettingsFile { get; set; }
        /// <summary>SARIF 2.1.0 log path (PolicyLintErrorLog).</summary>
        public string? ErrorLog { get; set; }
        /// <summary>Folder that SARIF artifact URIs are made relative to.</summary>
        public string? RepositoryRoot { get; set; }
        /// <summary>Written when the run had nothing to show, so the next build can skip the target.</summary>
        public string? StampFile { get; set; }

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
            var request = new AnalysisRequest();
            foreach (var item in Policies)
                request.AddPolicy(item.GetMetadata("FullPath"), isExplicit: !string.Equals(item.GetMetadata("PolicyLintDefaultItem"), "true", StringComparison.OrdinalIgnoreCase));
            foreach (var item in References)
                request.References.Add(item.GetMetadata("FullPath"));
            if (PolicyKeys.Length > 0)
                request.Options.PolicyKeys = AnalysisOptions.KeySet(PolicyKeys.Select(k => k.ItemSpec));
            request.Options.Environment = string.IsNullOrWhiteSpace(Environment) ? null : Environment!.Trim();
            request.Options.IsProduction = string.Equals(request.Options.Environment, "Production", StringComparison.OrdinalIgnoreCase);
            // Set by the targets only when the default appsettings.json exists; a named file must exist.
            request.SettingsFile = string.IsNullOrWhiteSpace(SettingsFile) ? null : ProjectRelative(SettingsFile!.Trim());
            request.SettingsFileIsDefault = request.SettingsFile != null && string.Equals(request.SettingsFile, ProjectRelative("appsettings.json"), StringComparison.OrdinalIgnoreCase);

            var editorConfigs = EditorConfigFiles.Length > 0
                ? EditorConfigFiles.Select(i => i.GetMetadata("FullPath")).ToList()
                : EditorConfigSeverities.Discover(request.Policies.Select(p => p.Path)).ToList();
            request.Configuration = new DiagnosticConfiguration
            {
                EditorConfig = EditorConfigSeverities.Load(editorConfigs),
                Properties = new BuildProperties
                {
                    NoWarn = BuildProperties.ParseCodes(NoWarn),
                    WarningsAsErrors = BuildProperties.ParseCodes(WarningsAsErrors),
                    WarningsNotAsErrors = BuildProperties.ParseCodes(WarningsNotAsErrors),
                    TreatWarningsAsErrors = TreatWarningsAsErrors,
                },
                IsProduction = request.Options.IsProduction,
            };

            var result = Linter.Run(request);
            foreach (var diagnostic in result.Diagnostics) LogDiagnostic(diagnostic);

            if (!string.IsNullOrEmpty(ErrorLog))
                SarifLog.Write(ErrorLog!, result.All, RepositoryRoot);
            if (GitHubAnnotations.IsEnabled())
                foreach (var line in GitHubAnnotations.Format(result.Diagnostics, RepositoryRoot))
                    Log.LogMessage(MessageImportance.High, line);

            UpdateStamp(result);
            Log.LogMessage(MessageImportance.Low, $"PolicyLint analyzed {result.FilesAnalyzed} file(s): {result.Diagnostics.Count} diagnostic(s).");
            return !Log.HasLoggedErrors;
        }

        // B2CSettingsFile may be relative to the project, whatever the build's current directory.
        private string ProjectRelative(string path)
        {
            string? project = BuildEngine?.ProjectFileOfTaskNode;
            string? folder = string.IsNullOrEmpty(project) ? null : Path.GetDirectoryName(project);
            return folder == null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
        }

        private void LogDiagnostic(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            int line = span.StartLinePosition.Line + 1, column = span.StartLinePosition.Character + 1;
            int endLine = span.EndLinePosition.Line + 1, endColumn = span.EndLinePosition.Character + 1;
            string help = diagnostic.Descriptor.HelpLinkUri;
            string message = diagnostic.GetMessage();
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error:
                    Log.LogError(null, diagnostic.Id, null, help, span.Path, line, column, endLine, endColumn, message);
                    break;
                case DiagnosticSeverity.Warning:
                    Log.LogWarning(null, diagnostic.Id, null, help, span.Path, line, column, endLine, endColumn, message);
                    break;
                case DiagnosticSeverity.Info:
                    Log.LogMessage(null, diagnostic.Id, null, span.Path, line, column, endLine, endColumn, MessageImportance.Normal, message);
                    break;
            }
        }

        // Warnings must show again on the next build, so only a run with nothing to show lets the target be skipped.
        private void UpdateStamp(LintResult result)
        {
            if (string.IsNullOrEmpty(StampFile)) return;
            bool clean = !result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning);
            try
            {
                if (clean)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
                    File.WriteAllText(StampFile, "PolicyLint: no warnings or errors.\n");
                }
                else if (File.Exists(StampFile))
                {
                    File.Delete(StampFile);
                }
            }
            catch (IOException ex)
            {
                Log.LogMessage(MessageImportance.Low, "PolicyLint could not update " + StampFile + ": " + ex.Message);
            }
        }
    }

    /// <summary>Finds the .editorconfig files that apply to the policies, so the lint target re-runs when one changes.</summary>
    public sealed class PolicyLintEditorConfigs : MSBuildTask
    {
        public ITaskItem[] Policies { get; set; } = Array.Empty<ITaskItem>();

        [Output]
        public string[] EditorConfigFiles { get; private set; } = Array.Empty<string>();

        public override bool Execute()
        {
            try
            {
                EditorConfigFiles = EditorConfigSeverities.Discover(Policies.Select(p => p.GetMetadata("FullPath"))).ToArray();
            }
            catch (Exception ex)
            {
                Log.LogMessage(MessageImportance.Low, "PolicyLint could not look for .editorconfig files: " + ex.Message);
            }
            return true;
        }
    }
}
