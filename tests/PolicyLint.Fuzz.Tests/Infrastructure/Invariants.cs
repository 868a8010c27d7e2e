using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Pipeline;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    /// <summary>
    /// What must hold for any input, however broken: no exception escapes, no PL0004, every diagnostic lies inside
    /// its file, two runs give the same output, a run ends within <see cref="CaseTimeout"/>, and the scanner builds
    /// the model XmlReader builds.
    /// </summary>
    public static class Invariants
    {
        /// <summary>A hang guard, not a performance bar (that is the benchmark's job): generous for a loaded 2-core machine.</summary>
        public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(
            int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_CASE_TIMEOUT"), out int s) && s > 0 ? s : 60);

        /// <summary>Runs the linter twice and checks every invariant; returns the diagnostics and the slower run's time.</summary>
        /// <param name="checkDeterminism">False only for inputs too large to run twice in a normal test run.</param>
        public static (IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed) Check(Func<AnalysisRequest> makeRequest, string what, bool checkDeterminism = true)
        {
            var (first, t1) = RunBounded(makeRequest(), what);
            var (second, t2) = checkDeterminism ? RunBounded(makeRequest(), what) : (first, TimeSpan.Zero);

            var request = makeRequest();
            var reported = new HashSet<string>(request.Policies.Select(p => p.Path), StringComparer.Ordinal);
            var failures = first.Where(d => d.Id == "PL0004").Select(d => "PL0004: " + Format(d)).ToList();
            var texts = new Dictionary<string, (string, List<int>)>(StringComparer.Ordinal);
            foreach (var d in first)
            {
                string? problem = LocationProblem(d, reported, texts);
                if (problem != null) failures.Add(problem + ": " + Format(d));
            }
            // The scanner reads what it can and hands the rest to XmlReader: either way the model must be XmlReader's.
            foreach (var path in reported)
            {
                string? text = PolicyParser.ReadText(path, fallback: string.Empty);
                if (string.IsNullOrEmpty(text)) continue;
                var scanned = PolicyLint.Tests.Shared.ModelShape.Of(PolicyParser.ParseFile(path));
                var reference = PolicyLint.Tests.Shared.ModelShape.Of(PolicyParser.ParseWithXmlReader(path, text!));
                if (!scanned.SequenceEqual(reference))
                    failures.Add($"the scanner's model of {Path.GetFileName(path)} differs from XmlReader's at line {scanned.Zip(reference, (x, y) => x == y).TakeWhile(same => same).Count()} of the shape");
            }
            var a = first.Select(Format).ToList();
            var b = second.Select(Format).ToList();
            if (!a.SequenceEqual(b))
                failures.Add("output differs between two runs:\n    first:  " + string.Join("\n            ", a) + "\n    second: " + string.Join("\n            ", b));
            if (failures.Count > 0)
                throw new InvariantException($"{what}:\n  " + string.Join("\n  ", failures));
            return (first, t1 > t2 ? t1 : t2);
        }

        public static (IReadOnlyList<Diagnostic>, TimeSpan) RunBounded(AnalysisRequest request, string what)
        {
            var watch = Stopwatch.StartNew();
            var task = Task.Run(() => Linter.Run(request).Diagnostics);
            bool finished;
            try
            {
                finished = task.Wait(CaseTimeout);
            }
            catch (AggregateException ex)
            {
                throw new InvariantException($"{what}: an exception escaped Linter.Run: {ex.InnerException}");
            }
            if (!finished) throw new InvariantException($"{what}: Linter.Run did not finish within {CaseTimeout.TotalSeconds:0} s (a hang)");
            return (task.Result, watch.Elapsed);
        }

        /// <summary>Null when the diagnostic's location is a real position in one of the reported files.</summary>
        public static string? LocationProblem(Diagnostic d, ISet<string> reported, Dictionary<string, (string Text, List<int> LineStarts)> texts)
        {
            if (d.Location.Kind != LocationKind.ExternalFile) return "no file location";
            var lines = d.Location.GetLineSpan();
            if (!reported.Contains(lines.Path)) return "reported in a file that is not a B2CPolicy item";
            if (!texts.TryGetValue(lines.Path, out var file))
            {
                string content = TextOf(lines.Path);
                texts[lines.Path] = file = (content, LineStarts(content));
            }
            var (text, starts) = file;
            var span = d.Location.SourceSpan;
            if (span.Start < 0 || span.End > text.Length) return $"span {span} outside the text (length {text.Length})";
            foreach (var (pos, offset, name) in new[] { (lines.StartLinePosition, span.Start, "start"), (lines.EndLinePosition, span.End, "end") })
            {
                if (pos.Line < 0 || pos.Line >= starts.Count) return $"{name} line {pos.Line + 1} outside the file ({starts.Count} lines)";
                int lineEnd = pos.Line + 1 < starts.Count ? starts[pos.Line + 1] : text.Length;
                int lineLength = lineEnd - starts[pos.Line];
                if (pos.Character < 0 || pos.Character > lineLength) return $"{name} column {pos.Character + 1} outside line {pos.Line + 1} (length {lineLength})";
                if (starts[pos.Line] + pos.Character != offset) return $"{name} line/column ({pos.Line + 1},{pos.Character + 1}) disagrees with offset {offset}";
            }
            if (lines.EndLinePosition < lines.StartLinePosition) return "end before start";
            return null;
        }

        /// <summary>The file's text as the analyzer decodes it; empty when it cannot be read.</summary>
        public static string TextOf(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Length == 0 || info.Length > PolicyParser.MaxReadBytes) return string.Empty;
                using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
                return reader.ReadToEnd();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException) { return string.Empty; }
        }

        /// <summary>Line starts as the spec counts lines: CR, LF and CRLF each end a line.</summary>
        public static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (text[i] == '\n') starts.Add(i + 1);
            }
            return starts;
        }

        public static string Format(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage()}";
        }

        /// <summary>"file(line,col): ID" with the file name only, for exact expectations.</summary>
        public static string Short(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}";
        }
    }

    public sealed class InvariantException : Exception
    {
        public InvariantException(string message) : base(message) { }
    }
}
