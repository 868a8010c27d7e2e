using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Pipeline;

using PolicyLint.Analysis;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// Applies fixes to policy files: only the spans the edits name change, so comments, whitespace, attribute order and
    /// line endings elsewhere stay as they are. Lints again after each pass, as a fix may reveal the next.
    /// </summary>
    public static class Fixer
    {
        /// <summary>Passes over the files: a fix whose edits overlap one already taken waits for the next pass.</summary>
        public const int MaxPasses = 5;

        /// <summary>
        /// The first fix of each diagnostic that <paramref name="accept"/> takes, applied where no earlier taken fix overlaps;
        /// only files in <paramref name="editable"/> (the reported policies, never references) are touched.
        /// Returns the new text of each changed file and the diagnostics whose fix was taken.
        /// </summary>
        public static (Dictionary<string, string> Texts, List<Diagnostic> Fixed) Plan(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, CodeFix, bool> accept,
            ISet<string> editable, Func<string, string> readText)
        {
            var taken = new Dictionary<string, List<FileEdit>>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var fixedOnes = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics)
            {
                var fix = CodeFix.Of(diagnostic).FirstOrDefault(f => accept(diagnostic, f));
                if (fix == null || fix.Edits.Count == 0 || !fix.Edits.All(e => editable.Contains(e.Path))) continue;
                // One base problem found through several policies or environments carries the same fix: apply it once.
                string key = string.Join("\u0001", fix.Edits.Select(e => e.ToString()));
                if (!seen.Add(key))
                {
                    fixedOnes.Add(diagnostic);
                    continue;
                }
                if (fix.Edits.Any(e => taken.TryGetValue(e.Path, out var edits) && edits.Any(t => Overlaps(t, e)))) continue;
                foreach (var edit in fix.Edits)
                {
                    if (!taken.TryGetValue(edit.Path, out var edits)) taken[edit.Path] = edits = new List<FileEdit>();
                    edits.Add(edit);
                }
                fixedOnes.Add(diagnostic);
            }

            return (Apply(taken.Values.SelectMany(e => e), readText), fixedOnes);
        }

        /// <summary>The new text of each file the edits touch (edits that do not overlap, as one fix's or a plan's).</summary>
        public static Dictionary<string, string> Apply(IEnumerable<FileEdit> edits, Func<string, string> readText)
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in edits.GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                var text = new StringBuilder(readText(file.Key));
                foreach (var edit in file.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.End))
                {
                    if (edit.Span.End > text.Length) throw new InvalidOperationException($"A fix for {file.Key} edits past its end: {edit}");
                    text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
                }
                texts[file.Key] = text.ToString();
            }
            return texts;
        }

        // Two insertions at one offset overlap too: their order would be a guess.
        private static bool Overlaps(FileEdit a, FileEdit b)
            => a.Span.Start < b.Span.End && b.Span.Start < a.Span.End || a.Span.Start == b.Span.Start;

        /// <summary>
        /// Lints, applies the accepted fixes, writes the files and lints again, until no accepted fix is left (at most
        /// <see cref="MaxPasses"/> passes). Files keep their encoding and byte-order mark.
        /// </summary>
        public static FixOutcome Run(HostOptions options, Func<Diagnostic, CodeFix, bool> accept)
            => Run(() => options.Run().Result, Editable(options.Policies), accept);

        /// <summary>The files fixes may edit: the reported policies, never references.</summary>
        public static ISet<string> Editable(IEnumerable<PolicyInput> policies) => new HashSet<string>(policies.Select(p => p.Path), StringComparer.Ordinal);

        /// <summary>As <see cref="Run(HostOptions, Func{Diagnostic, CodeFix, bool})"/>, for any way of linting.</summary>
        public static FixOutcome Run(Func<LintResult> lint, ISet<string> editable, Func<Diagnostic, CodeFix, bool> accept)
        {
            var original = new Dictionary<string, string>(StringComparer.Ordinal);
            var fixedIds = new List<Diagnostic>();
            var before = lint();
            var current = before;
            for (int pass = 0; pass < MaxPasses; pass++)
            {
                var (texts, fixedNow) = Plan(current.Diagnostics, accept, editable, ReadText);
                if (texts.Count == 0) break;
                foreach (var pair in texts)
                {
                    if (!original.ContainsKey(pair.Key)) original[pair.Key] = ReadText(pair.Key);
                    WriteText(pair.Key, pair.Value);
                }
                fixedIds.AddRange(fixedNow);
                current = lint();
            }
            var changed = original.Where(p => !string.Equals(p.Value, ReadText(p.Key), StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => (p.Value, ReadText(p.Key)), StringComparer.Ordinal);
            return new FixOutcome(before, current, fixedIds, changed);
        }

        /// <summary>The text as the analysis reads it: the byte-order mark is not part of it.</summary>
        public static string ReadText(string path)
        {
            if (!File.Exists(path)) return string.Empty; // a fix may create a file (a new .editorconfig)
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        /// <summary>Writes in the file's own encoding, keeping its byte-order mark (or its absence).</summary>
        public static void WriteText(string path, string text)
        {
            if (!File.Exists(path))
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
                return;
            }
            byte[] head = new byte[4];
            int n;
            using (var stream = File.OpenRead(path)) n = stream.Read(head, 0, head.Length);
            Encoding encoding;
            using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                reader.Peek();
                encoding = reader.CurrentEncoding;
            }
            var preamble = encoding.GetPreamble();
            bool hasBom = preamble.Length > 0 && n >= preamble.Length && head.Take(preamble.Length).SequenceEqual(preamble);
            var body = encoding.GetBytes(text);
            using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
            if (hasBom) output.Write(preamble, 0, preamble.Length);
            output.Write(body, 0, body.Length);
        }
    }

    public sealed class FixOutcome
    {
        internal FixOutcome(LintResult before, LintResult after, IReadOnlyList<Diagnostic> applied, IReadOnlyDictionary<string, (string Before, string After)> changed)
        {
            Before = before;
            After = after;
            Applied = applied;
            Changed = changed;
        }

        public LintResult Before { get; }
        /// <summary>What is left after the fixes.</summary>
        public LintResult After { get; }
        /// <summary>The diagnostics whose fix was applied.</summary>
        public IReadOnlyList<Diagnostic> Applied { get; }
        /// <summary>Each changed file's text before and after.</summary>
        public IReadOnlyDictionary<string, (string Before, string After)> Changed { get; }
    }
}
