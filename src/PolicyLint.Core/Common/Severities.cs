using Microsoft.CodeAnalysis;

namespace PolicyLint.Common
{
    /// <summary>
    /// Every name a severity goes by, in one place: MSBuild's and the report file's (error, warning, info),
    /// .editorconfig's (error, warning, suggestion, silent, none), Roslyn's ReportDiagnostic, and SARIF's.
    /// </summary>
    public static class Severities
    {
        // Constants, so the build's replay of cached findings (PolicyLintReport) compares them without loading this assembly.
        public const string Error = "error", Warning = "warning", Info = "info";

        /// <summary>error, warning or info (a suggestion): MSBuild's canonical form, the report file, the JSON report.</summary>
        public static string Name(DiagnosticSeverity severity)
            => severity == DiagnosticSeverity.Error ? Error : severity == DiagnosticSeverity.Warning ? Warning : Info;

        /// <summary>Whether CI annotations (GitHub, Azure Pipelines) list a finding of this name: errors and warnings only.</summary>
        public static bool IsAnnotated(string name) => name == Error || name == Warning;

        /// <summary>The .editorconfig name (`dotnet_diagnostic.PLnnnn.severity`) of a severity; Hidden is "none".</summary>
        public static string EditorConfigName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Warning => Warning,
            DiagnosticSeverity.Info => "suggestion",
            DiagnosticSeverity.Hidden => "none",
            _ => Error,
        };

        /// <summary>An .editorconfig severity value, or null when it is not one.</summary>
        public static ReportDiagnostic? FromEditorConfigName(string value) => value.Trim().ToLowerInvariant() switch
        {
            Error => ReportDiagnostic.Error,
            Warning => ReportDiagnostic.Warn,
            "suggestion" => ReportDiagnostic.Info,
            "silent" => ReportDiagnostic.Hidden,
            "refactoring" => ReportDiagnostic.Hidden,
            "none" => ReportDiagnostic.Suppress,
            "default" => ReportDiagnostic.Default,
            _ => null,
        };

        public static ReportDiagnostic ToReportDiagnostic(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => ReportDiagnostic.Error,
            DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
            DiagnosticSeverity.Info => ReportDiagnostic.Info,
            _ => ReportDiagnostic.Hidden,
        };

        /// <summary>The severity a configured level gives; <paramref name="fallback"/> for Default and Suppress.</summary>
        public static DiagnosticSeverity FromReportDiagnostic(ReportDiagnostic report, DiagnosticSeverity fallback) => report switch
        {
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
            _ => fallback,
        };

        /// <summary>SARIF's result level.</summary>
        public static string SarifLevel(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => Error,
            DiagnosticSeverity.Warning => Warning,
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        /// <summary>GitHub code scanning's problem.severity of a rule.</summary>
        public static string SarifProblemSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => Error,
            DiagnosticSeverity.Warning => Warning,
            _ => "recommendation",
        };

        /// <summary>
        /// GitHub code scanning's precision of a rule, how often a finding is a real problem: errors are promises
        /// (docs/severity.md), warnings are probable mistakes.
        /// </summary>
        public static string SarifPrecision(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "high",
            DiagnosticSeverity.Warning => "medium",
            _ => "low",
        };
    }
}
