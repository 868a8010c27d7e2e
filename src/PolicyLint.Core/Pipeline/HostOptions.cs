using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Configuration;
using PolicyLint.Reporting;

using PolicyLint.Analysis;
using PolicyLint.Settings;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// What a host was given (the MSBuild task's parameters, the command line's options), made into one request and
    /// run one way, so that `dotnet build` and `policylint` report the same diagnostics for the same inputs.
    /// </summary>
    public sealed class HostOptions
    {
        /// <summary>B2CPolicy items (explicit) or files the default glob found (not explicit).</summary>
        public List<PolicyInput> Policies { get; } = new List<PolicyInput>();
        /// <summary>B2CPolicyReference items, full paths.</summary>
        public List<string> References { get; } = new List<string>();
        /// <summary>B2CPolicyKey items; none given means keys are not checked.</summary>
        public List<string> PolicyKeys { get; } = new List<string>();
        public string? NoWarn { get; set; }
        public string? WarningsAsErrors { get; set; }
        public string? WarningsNotAsErrors { get; set; }
        public bool TreatWarningsAsErrors { get; set; }
        public string? Environment { get; set; }
        /// <summary>B2CSettingsFile; relative to <see cref="ProjectDirectory"/>.</summary>
        public string? SettingsFile { get; set; }
        public string? TokenPatterns { get; set; }
        /// <summary>The tenant's name for PL7001's fix (`policylint fix --tenant NAME`).</summary>
        public string? Tenant { get; set; }
        /// <summary>The project folder (the command line's current folder): relative paths and finding keys start here.</summary>
        public string? ProjectDirectory { get; set; }
        /// <summary>PolicyLintBaseline; relative to <see cref="ProjectDirectory"/>.</summary>
        public string? Baseline { get; set; }
        public bool UpdateBaseline { get; set; }
        /// <summary>suggestion (default) or hidden.</summary>
        public string? BaselineSeverity { get; set; }

        /// <summary>The settings file a project uses when none is named: appsettings.json, or the B2C extension's appSettings.json (names are case-sensitive on Linux).</summary>
        public static string? DefaultSettingsFile(string directory)
            => new[] { "appsettings.json", "appSettings.json" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

        public AnalysisRequest ToRequest()
        {
            var request = new AnalysisRequest();
            request.Policies.AddRange(Policies);
            request.References.AddRange(References);
            if (PolicyKeys.Count > 0) request.Options.PolicyKeys = AnalysisOptions.KeySet(PolicyKeys);
            request.Options.Environment = string.IsNullOrWhiteSpace(Environment) ? null : Environment!.Trim();
            request.Options.IsProduction = string.Equals(request.Options.Environment, "Production", StringComparison.OrdinalIgnoreCase);
            request.Options.TokenPatterns = string.IsNullOrWhiteSpace(TokenPatterns) ? null : TokenPatterns;
            request.Options.Tenant = string.IsNullOrWhiteSpace(Tenant) ? null : Tenant!.Trim();
            // A default appsettings.json is used only when it exists; a named file must exist.
            request.SettingsFile = string.IsNullOrWhiteSpace(SettingsFile) ? null : Resolve(SettingsFile!.Trim());
            request.SettingsFileIsDefault = request.SettingsFile != null && string.Equals(request.SettingsFile, Resolve("appsettings.json"), StringComparison.OrdinalIgnoreCase);

            // Every .editorconfig from each policy's folder up, as the compiler sees them.
            var editorConfigs = EditorConfigSeverities.Discover(request.Policies.Select(p => p.Path)).ToList();
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

            // Messages, baseline entries and fingerprints name files relative to the project, never by this machine's absolute path.
            request.ProjectDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory!.Trim());
            request.BaselineSeverity = string.Equals(BaselineSeverity?.Trim(), "hidden", StringComparison.OrdinalIgnoreCase) ? DiagnosticSeverity.Hidden : DiagnosticSeverity.Info;
            // MSBuild hands Windows separators to a task as written, also on Linux.
            request.BaselineFile = string.IsNullOrWhiteSpace(Baseline) ? null : Resolve(Baseline!.Trim().Replace('\\', Path.DirectorySeparatorChar));
            return request;
        }

        /// <summary>Lints; with <see cref="UpdateBaseline"/>, first writes the current findings to the baseline file.</summary>
        public HostRun Run()
        {
            var request = ToRequest();
            if (!UpdateBaseline) return new HostRun(Linter.Run(request), null, 0);
            string baseline = request.BaselineFile ?? Path.Combine(request.ProjectDirectory ?? Directory.GetCurrentDirectory(), Configuration.Baseline.DefaultFileName);
            request.BaselineFile = null;
            var current = Linter.Run(request);
            int count = BaselineWriter.Write(baseline, current.All);
            request.BaselineFile = baseline;
            return new HostRun(Linter.ApplyBaseline(current, request), baseline, count);
        }

        // MSBuild runs a project's targets in the project's folder; the command line passes its current folder.
        private string Resolve(string path)
            => Path.GetFullPath(string.IsNullOrWhiteSpace(ProjectDirectory) ? path : Path.Combine(ProjectDirectory, path));
    }

    public sealed class HostRun
    {
        internal HostRun(LintResult result, string? baselineWritten, int baselineCount)
        {
            Result = result;
            BaselineWritten = baselineWritten;
            BaselineCount = baselineCount;
        }

        public LintResult Result { get; }
        /// <summary>The baseline file written by <see cref="HostOptions.UpdateBaseline"/>, else null.</summary>
        public string? BaselineWritten { get; }
        public int BaselineCount { get; }
    }
}
