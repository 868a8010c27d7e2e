using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;
using PolicyLint.Model;
using PolicyLint.Rules.Files;

namespace PolicyLint.Configuration
{
    /// <summary>How the user configured diagnostics: .editorconfig, MSBuild properties and the deployment environment.</summary>
    public sealed class DiagnosticConfiguration
    {
        public EditorConfigSeverities EditorConfig { get; set; } = EditorConfigSeverities.None;
        public BuildProperties Properties { get; set; } = new BuildProperties();
        /// <summary>B2CEnvironment=Production: PL7xxx warnings become errors.</summary>
        public bool IsProduction { get; set; }
    }

    /// <summary>A diagnostic as configured: its effective severity, or why it is not shown.</summary>
    public sealed class ConfiguredDiagnostic
    {
        internal ConfiguredDiagnostic(Diagnostic diagnostic, SuppressionKind suppression, string? justification)
        {
            Diagnostic = diagnostic;
            Severity = diagnostic.Severity;
            Suppression = suppression;
            Justification = justification;
        }

        /// <summary>With its effective severity; IsSuppressed when a comment or the configuration hides it.</summary>
        public Diagnostic Diagnostic { get; internal set; }
        public SuppressionKind Suppression { get; }
        public string? Justification { get; }
        public bool IsShown => Suppression == SuppressionKind.None;
        private FindingKey? _key;
        private PolicyDocument? _document;
        private string? _root;

        /// <summary>
        /// What the finding is about, without its line (baseline entries, SARIF fingerprints). Made on first use: a build
        /// with neither needs no key, and making one reads the file's text.
        /// </summary>
        public FindingKey Key => _key ??= FindingKey.For(Diagnostic, _document, _root);

        /// <summary>The finding's file model (null outside a policy) and the folder its key names files relative to.</summary>
        internal void KeyFrom(PolicyDocument? document, string? root)
        {
            _document = document;
            _root = root;
            _key = null;
        }
        /// <summary>Whether a baseline knew this finding; None when no baseline is in use.</summary>
        public BaselineState BaselineState { get; internal set; }
        /// <summary>The configured severity before a baseline lowered a known finding.</summary>
        public DiagnosticSeverity Severity { get; internal set; }
    }

    public enum BaselineState
    {
        None,
        New,
        Unchanged,
    }

    public enum SuppressionKind
    {
        None,
        /// <summary>A policylint disable comment in the file.</summary>
        InSource,
        /// <summary>Severity none in .editorconfig, or NoWarn.</summary>
        External,
    }

    /// <summary>Applies severities (Roslyn's order: .editorconfig, then NoWarn / warnings-as-errors) and inline suppressions.</summary>
    public static class DiagnosticConfigurator
    {
        /// <param name="root">The folder finding keys name files relative to (the project's).</param>
        public static IReadOnlyList<ConfiguredDiagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, PolicyDocument> documents, DiagnosticConfiguration configuration, string? root = null)
        {
            var suppressions = new Dictionary<string, InlineSuppressions>(StringComparer.Ordinal);
            InlineSuppressions SuppressionsOf(string path)
            {
                if (!suppressions.TryGetValue(path, out var s))
                    suppressions[path] = s = documents.TryGetValue(path, out var doc) ? InlineSuppressions.Read(doc) : InlineSuppressions.Read(EmptyDocument(path));
                return s;
            }
            foreach (var path in documents.Keys) SuppressionsOf(path);

            var result = new List<ConfiguredDiagnostic>(diagnostics.Count);
            foreach (var diagnostic in diagnostics)
            {
                var severity = Effective(diagnostic, configuration);
                if (severity == ReportDiagnostic.Suppress)
                {
                    result.Add(new ConfiguredDiagnostic(With(diagnostic, diagnostic.Severity, suppressed: true), SuppressionKind.External, "disabled by configuration"));
                    continue;
                }
                var path = diagnostic.Location.GetLineSpan().Path;
                var region = SuppressionsOf(path).Find(diagnostic.Id, diagnostic.Location.SourceSpan.Start);
                var effective = Severities.FromReportDiagnostic(severity, diagnostic.Severity);
                if (region != null)
                {
                    region.Used = true;
                    result.Add(new ConfiguredDiagnostic(With(diagnostic, effective, suppressed: true), SuppressionKind.InSource, region.Comment.Value.Trim()));
                    continue;
                }
                result.Add(new ConfiguredDiagnostic(effective == diagnostic.Severity ? diagnostic : With(diagnostic, effective, suppressed: false), SuppressionKind.None, null));
            }

            // PL0006: suppression comments that hid nothing, reported once per comment.
            foreach (var pair in suppressions)
            {
                if (!documents.TryGetValue(pair.Key, out var doc)) continue;
                foreach (var group in pair.Value.Regions.GroupBy(r => r.Comment))
                {
                    var unused = group.Where(r => !r.Used).SelectMany(r => r.Ids).Distinct().ToList();
                    if (unused.Count == 0) continue;
                    bool partly = group.Any(r => r.Used);
                    string detail = partly || group.Count() > 1 ? " for " + string.Join(", ", unused.Select(i => i == InlineSuppressions.Region.AllRules ? "any rule" : i)) : string.Empty;
                    var span = group.Key.Span;
                    var d = Diagnostic.Create(PL0006UnnecessarySuppression.Instance.Descriptor, Location.Create(doc.FilePath, span.Span, span.Lines), group.Key.Value.Trim(), detail);
                    var severity = Effective(d, configuration);
                    if (severity == ReportDiagnostic.Suppress) continue;
                    result.Add(new ConfiguredDiagnostic(With(d, Severities.FromReportDiagnostic(severity, d.Severity), suppressed: false), SuppressionKind.None, null));
                }
            }

            foreach (var configured in result)
                configured.KeyFrom(documents.TryGetValue(configured.Diagnostic.Location.GetLineSpan().Path ?? string.Empty, out var document) ? document : null, root);
            return result;
        }

        /// <summary>Roslyn's order: .editorconfig (id, category, all), then NoWarn, then the warnings-as-errors family.</summary>
        public static ReportDiagnostic Effective(Diagnostic diagnostic, DiagnosticConfiguration configuration)
        {
            var descriptor = diagnostic.Descriptor;
            var path = diagnostic.Location.GetLineSpan().Path;
            var severity = configuration.EditorConfig.For(path, diagnostic.Id, descriptor.Category);
            if (severity == ReportDiagnostic.Default)
                severity = descriptor.IsEnabledByDefault ? Severities.ToReportDiagnostic(diagnostic.Severity) : ReportDiagnostic.Suppress;
            var props = configuration.Properties;
            if (props.NoWarn.Contains(diagnostic.Id)) return ReportDiagnostic.Suppress;
            if (severity == ReportDiagnostic.Warn)
            {
                if (configuration.IsProduction && diagnostic.Id.StartsWith("PL7", StringComparison.Ordinal)) return ReportDiagnostic.Error;
                if (props.WarningsAsErrors.Contains(diagnostic.Id)) return ReportDiagnostic.Error;
                if (props.TreatWarningsAsErrors && !props.WarningsNotAsErrors.Contains(diagnostic.Id)) return ReportDiagnostic.Error;
            }
            return severity;
        }

        /// <summary>A copy with another severity or suppression state; the message is kept as formatted.</summary>
        public static Diagnostic With(Diagnostic d, DiagnosticSeverity severity, bool suppressed)
        {
            var descriptor = d.Descriptor;
            return Diagnostic.Create(d.Id, descriptor.Category, d.GetMessage(), severity, descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault, severity == DiagnosticSeverity.Error ? 0 : 1, suppressed,
                descriptor.Title, descriptor.Description, descriptor.HelpLinkUri, d.Location, d.AdditionalLocations,
                descriptor.CustomTags, d.Properties);
        }

        private static PolicyDocument EmptyDocument(string path) => PolicyParser.Parse(path, string.Empty);
    }
}
