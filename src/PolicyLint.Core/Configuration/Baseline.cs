using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Rules.Files;
using PolicyLint.Settings;

namespace PolicyLint.Configuration
{
    /// <summary>
    /// policylint.baseline.json: findings a repository already had when it adopted PolicyLint. Known findings do not
    /// fail the build; new ones do; entries that match nothing any more are reported (PL0007) so the file shrinks.
    /// </summary>
    public sealed class Baseline
    {
        public const string DefaultFileName = "policylint.baseline.json";
        public const int Version = 1;

        private readonly List<Entry> _entries;

        private Baseline(string path, string text, List<Entry> entries)
        {
            Path = path;
            Text = text;
            _entries = entries;
        }

        public string Path { get; }
        private string Text { get; }
        public int Count => _entries.Sum(e => e.Count);

        private sealed class Entry
        {
            public Entry(FindingKey key, int count, int offset)
            {
                Key = key;
                Count = count;
                Offset = offset;
            }

            public FindingKey Key { get; }
            public int Count { get; }
            public int Offset { get; }
            public int Matched { get; set; }
        }

        /// <summary>The baseline, or PL0008 at the spot that makes it unusable.</summary>
        public static (Baseline? Baseline, Diagnostic? Error) Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return (null, Invalid(path, string.Empty, 0, "it cannot be read: " + ex.Message));
            }

            JsonValue root;
            try
            {
                root = JsonParser.Parse(text);
            }
            catch (JsonSyntaxException ex)
            {
                return (null, Invalid(path, text, ex.Offset, ex.Message));
            }

            if (root is not JsonObject obj) return (null, Invalid(path, text, root.Start, $"expected an object, found {root.Kind}"));
            if (obj.Member("version")?.Value is JsonValue version && !(version is JsonLiteral v && v.Text == Version.ToString()))
                return (null, Invalid(path, text, version.Start, $"this PolicyLint reads baseline version {Version}"));
            if (obj.Member("findings")?.Value is not JsonArray findings)
                return (null, Invalid(path, text, obj.Member("findings")?.Value.Start ?? obj.Start, "expected \"findings\": an array of findings"));

            var entries = new List<Entry>();
            foreach (var item in findings.Items)
            {
                if (item is not JsonObject finding) return (null, Invalid(path, text, item.Start, $"a finding is an object, found {item.Kind}"));
                string? id = null, file = null, element = null, value = null;
                int count = 1;
                foreach (var member in finding.Members)
                {
                    switch (member.Name)
                    {
                        case "id": id = (member.Value as JsonString)?.Value; break;
                        case "file": file = (member.Value as JsonString)?.Value; break;
                        case "element": element = (member.Value as JsonString)?.Value; break;
                        case "value": value = (member.Value as JsonString)?.Value; break;
                        case "count":
                            if (member.Value is not JsonLiteral n || !int.TryParse(n.Text, out count) || count < 1)
                                return (null, Invalid(path, text, member.Value.Start, "\"count\" must be a whole number of at least 1"));
                            break;
                    }
                }
                if (id == null || file == null)
                    return (null, Invalid(path, text, finding.Start, "a finding needs \"id\" and \"file\" strings"));
                entries.Add(new Entry(new FindingKey(id, file, element ?? string.Empty, value ?? string.Empty), count, finding.Start));
            }
            return (new Baseline(path, text, entries), null);
        }

        /// <summary>
        /// Marks each shown finding New or Unchanged; known findings drop to <paramref name="knownSeverity"/> (Info, or
        /// Hidden) so they do not fail the build. Returns PL0007 for each entry that matched fewer findings than it counts.
        /// </summary>
        public List<Diagnostic> Apply(IReadOnlyList<ConfiguredDiagnostic> diagnostics, DiagnosticSeverity knownSeverity)
        {
            var byKey = new Dictionary<FindingKey, Queue<Entry>>();
            foreach (var entry in _entries)
            {
                if (!byKey.TryGetValue(entry.Key, out var queue)) byKey[entry.Key] = queue = new Queue<Entry>();
                queue.Enqueue(entry);
            }

            foreach (var configured in diagnostics)
            {
                if (!configured.IsShown || IsOwn(configured.Diagnostic.Id)) continue;
                configured.BaselineState = BaselineState.New;
                if (!byKey.TryGetValue(configured.Key, out var queue)) continue;
                while (queue.Count > 0 && queue.Peek().Matched >= queue.Peek().Count) queue.Dequeue();
                if (queue.Count == 0) continue;
                queue.Peek().Matched++;
                configured.BaselineState = BaselineState.Unchanged;
                if (configured.Diagnostic.Severity > knownSeverity)
                    configured.Diagnostic = DiagnosticConfigurator.With(configured.Diagnostic, knownSeverity, suppressed: false);
            }

            var stale = new List<Diagnostic>();
            foreach (var entry in _entries.Where(e => e.Matched < e.Count))
            {
                string missing = entry.Count > 1 ? $" ({entry.Count - entry.Matched} of {entry.Count} no longer found)" : string.Empty;
                var where = entry.Key.Element.Length > 0 ? " at " + entry.Key.Element : string.Empty;
                stale.Add(Diagnostic.Create(PL0007StaleBaselineEntry.Instance.Descriptor, At(Path, Text, entry.Offset),
                    entry.Key.Id, entry.Key.File, where, missing));
            }
            return stale;
        }

        /// <summary>The baseline's own diagnostics are never baselined.</summary>
        public static bool IsOwn(string id) => id == "PL0006" || id == "PL0007" || id == "PL0008";

        private static Diagnostic Invalid(string path, string text, int offset, string reason)
            => Diagnostic.Create(PL0008BaselineInvalid.Instance.Descriptor, At(path, text, offset), System.IO.Path.GetFileName(path), reason);

        /// <summary>One character at an offset of the file, so editors underline the spot.</summary>
        private static Location At(string path, string text, int offset)
        {
            var source = SourceText.From(text);
            offset = Math.Max(0, Math.Min(offset, text.Length));
            var span = TextSpan.FromBounds(offset, Math.Min(offset + 1, text.Length));
            return Location.Create(path, span, source.Lines.GetLinePositionSpan(span));
        }
    }
}
