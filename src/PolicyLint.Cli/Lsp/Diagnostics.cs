using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyLint.Cli.Lsp.Protocol;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>The build's findings as textDocument/publishDiagnostics messages.</summary>
    internal static class Diagnostics
    {
        /// <summary>PL0006: a suppression that suppresses nothing, shown faded.</summary>
        private const string UnnecessarySuppression = "PL0006";

        /// <summary>
        /// What to publish after an analysis: every open document (with its version), and every other file whose list
        /// changed since it was last published (a file whose findings went away gets an empty list). A file is published
        /// by the folder that holds it (the deepest), or by the folder whose analysis found it when none holds it.
        /// </summary>
        public static List<PublishDiagnosticsParams> Batch(IReadOnlyList<PolicyFolder> folders, IReadOnlyDictionary<string, OpenDocument> open, Func<string, PolicyFolder?> owner)
        {
            var batch = new List<PublishDiagnosticsParams>();
            foreach (var folder in folders)
            {
                if (folder.Last == null) continue;
                var byFile = folder.Last.Result.Diagnostics
                    .Where(d => d.Location.Kind != Microsoft.CodeAnalysis.LocationKind.None)
                    .GroupBy(d => d.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                var files = byFile.Keys.Concat(open.Where(d => d.Value.Folder == folder).Select(d => d.Key)).Concat(folder.Published.Keys)
                    .Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
                foreach (var file in files)
                {
                    var holder = owner(file);
                    if (holder != null && holder != folder) continue;
                    var list = byFile.TryGetValue(file, out var found) ? found.Select(ToLsp).ToList() : new List<Diagnostic>();
                    string key = Key(list);
                    bool isOpen = open.TryGetValue(file, out var document);
                    folder.Published.TryGetValue(file, out var last);
                    if (!isOpen && (last ?? Key(new List<Diagnostic>())) == key) continue;
                    if (list.Count == 0 && !isOpen) folder.Published.Remove(file);
                    else folder.Published[file] = key;
                    batch.Add(new PublishDiagnosticsParams { Uri = isOpen ? document!.Uri : Paths.ToUri(file), Version = isOpen ? document!.Version : (int?)null, Diagnostics = list });
                }
            }
            return batch;
        }

        /// <summary>One finding: the build's span (zero-based lines, UTF-16 characters), rule id, page, effective severity.</summary>
        public static Diagnostic ToLsp(RoslynDiagnostic d)
        {
            var span = d.Location.GetLineSpan();
            string link = d.Descriptor.HelpLinkUri;
            return new Diagnostic
            {
                Range = new Range(new Position(span.StartLinePosition.Line, span.StartLinePosition.Character), new Position(span.EndLinePosition.Line, span.EndLinePosition.Character)),
                Severity = d.Severity switch
                {
                    RoslynSeverity.Error => Diagnostic.Error,
                    RoslynSeverity.Warning => Diagnostic.Warning,
                    _ => Diagnostic.Information,
                },
                Code = d.Id,
                CodeDescription = Uri.IsWellFormedUriString(link, UriKind.Absolute) ? new CodeDescription { Href = link } : null,
                Message = d.GetMessage(CultureInfo.InvariantCulture),
                Tags = d.Id == UnnecessarySuppression ? new List<int> { Diagnostic.Unnecessary } : null,
            };
        }

        /// <summary>The findings shown in a file from the folder's last analysis.</summary>
        public static IEnumerable<RoslynDiagnostic> In(PolicyFolder folder, string path)
            => folder.Last?.For(path).Where(c => c.IsShown && c.Diagnostic.Severity != RoslynSeverity.Hidden).Select(c => c.Diagnostic) ?? Enumerable.Empty<RoslynDiagnostic>();

        /// <summary>Whether two ranges share a position (an empty range touching another counts).</summary>
        public static bool Touches(Range a, Range b) => Compare(a.Start, b.End) <= 0 && Compare(b.Start, a.End) <= 0;

        public static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);

        private static string Key(List<Diagnostic> list)
        {
            var sb = new StringBuilder();
            foreach (var d in list)
                sb.Append(d.Code).Append(' ').Append(d.Severity).Append(' ').Append(d.Range.Start.Line).Append(':').Append(d.Range.Start.Character)
                    .Append('-').Append(d.Range.End.Line).Append(':').Append(d.Range.End.Character).Append(' ').Append(d.Message).Append('\n');
            return sb.ToString();
        }
    }
}
