using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Common;

namespace PolicyLint.Configuration
{
    /// <summary>
    /// Severities from .editorconfig, read with Roslyn's own AnalyzerConfig API so section globs, root = true and
    /// precedence behave as they do for C#: dotnet_diagnostic.ID.severity, then
    /// dotnet_analyzer_diagnostic.category-CATEGORY.severity, then dotnet_analyzer_diagnostic.severity.
    /// </summary>
    public sealed class EditorConfigSeverities
    {
        private readonly AnalyzerConfigSet? _set;
        private readonly Dictionary<string, AnalyzerConfigOptionsResult> _cache = new Dictionary<string, AnalyzerConfigOptionsResult>(StringComparer.Ordinal);

        private EditorConfigSeverities(AnalyzerConfigSet? set, IReadOnlyList<string> files)
        {
            _set = set;
            Files = files;
        }

        public static readonly EditorConfigSeverities None = new EditorConfigSeverities(null, Array.Empty<string>());

        /// <summary>The .editorconfig files that were read.</summary>
        public IReadOnlyList<string> Files { get; }

        public static EditorConfigSeverities Load(IEnumerable<string> editorConfigPaths)
        {
            var files = editorConfigPaths.Where(File.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
            if (files.Count == 0) return None;
            var configs = files.Select(path => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path), Encoding.UTF8), path)).ToList();
            return new EditorConfigSeverities(AnalyzerConfigSet.Create(configs), files);
        }

        /// <summary>Every .editorconfig from each policy's folder up to the file system root, as the compiler would see them.</summary>
        public static IReadOnlyList<string> Discover(IEnumerable<string> policyPaths)
        {
            var found = new List<string>();
            var seenDirs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in policyPaths)
            {
                string? dir;
                try { dir = Path.GetDirectoryName(Path.GetFullPath(path)); }
                catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException) { continue; }
                for (; !string.IsNullOrEmpty(dir) && seenDirs.Add(dir!); dir = Path.GetDirectoryName(dir))
                {
                    var candidate = Path.Combine(dir!, ".editorconfig");
                    if (File.Exists(candidate)) found.Add(candidate);
                }
            }
            found.Sort(StringComparer.Ordinal);
            return found;
        }

        /// <summary>The configured severity for a diagnostic in a file, or Default when nothing applies.</summary>
        public ReportDiagnostic For(string filePath, string id, string category)
        {
            if (_set == null) return ReportDiagnostic.Default;
            if (!_cache.TryGetValue(filePath, out var options))
                _cache[filePath] = options = _set.GetOptionsForSourcePath(filePath);
            if (options.TreeOptions.TryGetValue(id, out var severity)) return severity;
            if (options.AnalyzerOptions.TryGetValue($"dotnet_analyzer_diagnostic.category-{category}.severity", out var value) && Severities.FromEditorConfigName(value) is ReportDiagnostic byCategory)
                return byCategory;
            if (options.AnalyzerOptions.TryGetValue("dotnet_analyzer_diagnostic.severity", out value) && Severities.FromEditorConfigName(value) is ReportDiagnostic all)
                return all;
            return ReportDiagnostic.Default;
        }
    }
}
