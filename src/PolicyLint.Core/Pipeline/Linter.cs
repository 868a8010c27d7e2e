using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Configuration;
using PolicyLint.Settings;

using PolicyLint.Analysis;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// The whole pipeline the MSBuild task runs: analysis, then configuration (.editorconfig, MSBuild properties,
    /// inline suppressions). Tests go through here so they see what a build would print.
    /// </summary>
    public static class Linter
    {
        /// <summary>One analysis of the request's files, read from disk: a workspace that lives for one build.</summary>
        public static LintResult Run(AnalysisRequest request) => new PolicyWorkspace(request).Analyze().Result;

        /// <summary>The pipeline after the files are known: environments, configuration, the one sort, the baseline.</summary>
        internal static LintResult Lint(AnalysisRequest request)
        {
            var result = RunEnvironments(request);
            // The one sort, once configuration and the environments have added theirs: the order every writer prints in
            // and the baseline matches in.
            result = new LintResult(result.All.OrderBy(c => c.Diagnostic, DiagnosticOrder.Instance).ToList(), result.FilesAnalyzed) { Set = result.Set };
            return request.BaselineFile == null ? result : ApplyBaseline(result, request);
        }

        private static LintResult RunEnvironments(AnalysisRequest request)
        {
            // With a settings file: once per environment, merged (src/PolicyLint.Core/Settings).
            var plan = EnvironmentPlan.Create(request.Options, request.SettingsFile, mustExist: !request.SettingsFileIsDefault, isDefault: request.SettingsFileIsDefault);
            if (plan.File == null && plan.Diagnostics.Count == 0) return RunOne(request);
            // Parse once for every environment (the workspace's cache, or one for this lint).
            var shared = request.WithOptions(request.Options);
            shared.Loaded ??= new LoadedFiles();
            return EnvironmentMerge.Run(plan, shared, RunOne);
        }

        /// <summary>
        /// Known findings drop below the build's notice; the baseline's own problems (PL0007, PL0008) join the sorted
        /// result at their place.
        /// </summary>
        public static LintResult ApplyBaseline(LintResult result, AnalysisRequest request)
        {
            var (baseline, error) = Baseline.Load(request.BaselineFile!);
            var added = new List<Diagnostic>();
            if (error != null) added.Add(error);
            else added.AddRange(baseline!.Apply(result.All, request.BaselineSeverity));
            if (added.Count == 0) return new LintResult(result.All.ToList(), result.FilesAnalyzed) { Set = result.Set };
            var all = result.All.ToList();
            foreach (var own in DiagnosticConfigurator.Apply(added, new Dictionary<string, Model.PolicyDocument>(), request.Configuration, request.ProjectDirectory))
            {
                int at = all.Count;
                while (at > 0 && DiagnosticOrder.Instance.Compare(all[at - 1].Diagnostic, own.Diagnostic) > 0) at--;
                all.Insert(at, own);
            }
            return new LintResult(all, result.FilesAnalyzed) { Set = result.Set };
        }

        private static LintResult RunOne(AnalysisRequest request)
        {
            if (request.States != null)
            {
                // Each environment keeps its own findings between a workspace's analyses.
                string environment = request.Options.Environment ?? string.Empty;
                if (!request.States.TryGetValue(environment, out var state)) request.States[environment] = state = new AnalysisState();
                request = request.WithOptions(request.Options);
                request.State = state;
            }
            var analysis = PolicyAnalyzer.Analyze(request);
            var configuration = request.Configuration;
            if (request.Options.IsProduction && !configuration.IsProduction)
                configuration = new DiagnosticConfiguration { EditorConfig = configuration.EditorConfig, Properties = configuration.Properties, IsProduction = true };
            var configured = DiagnosticConfigurator.Apply(analysis.Diagnostics, analysis.Documents, configuration, request.ProjectDirectory);
            return new LintResult(configured, analysis.FilesAnalyzed) { Set = analysis.Set };
        }
    }

    public sealed class LintResult
    {
        internal LintResult(IReadOnlyList<ConfiguredDiagnostic> all, int filesAnalyzed)
        {
            All = all;
            FilesAnalyzed = filesAnalyzed;
        }

        private IReadOnlyList<Diagnostic>? _diagnostics;

        /// <summary>What a build shows: effective severity, sorted by file, line, column, id; no suppressed or silent ones.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics
            => _diagnostics ??= All.Where(c => c.IsShown && c.Diagnostic.Severity != DiagnosticSeverity.Hidden).Select(c => c.Diagnostic).ToList();
        /// <summary>Every diagnostic including suppressed and silent ones (for the SARIF log).</summary>
        public IReadOnlyList<ConfiguredDiagnostic> All { get; }
        public int FilesAnalyzed { get; }
        /// <summary>The policies analyzed and their chains (of the first environment, when a settings file has several).</summary>
        public Resolution.PolicySet? Set { get; internal set; }
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}
