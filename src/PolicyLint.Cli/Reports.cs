using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Common;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Reporting;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli
{
    /// <summary>The report formats: each writes what the build would show, from the core's writers where it has one.</summary>
    internal static class Reports
    {
        public static void Write(string format, LintResult result, TextWriter output, string repositoryRoot, bool color)
        {
            switch (format)
            {
                case "sarif":
                    SarifLog.Write(output, result.All, repositoryRoot);
                    output.WriteLine();
                    break;
                case "github":
                    foreach (var finding in result.Diagnostics.Select(d => CanonicalFormat.ToFinding(d)))
                        foreach (var line in CiAnnotations.For(finding, repositoryRoot, github: true, azure: false)) output.WriteLine(line);
                    break;
                case "json":
                    JsonReport.Write(output, result.Diagnostics.Select(d => CanonicalFormat.ToFinding(d)));
                    break;
                default:
                    WriteCanonical(output, result.Diagnostics, color);
                    break;
            }
        }

        /// <summary>MSBuild's canonical lines; on a terminal with colour and the offending line under each.</summary>
        public static void WriteCanonical(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, bool color)
        {
            var sources = new Dictionary<string, string[]?>(StringComparer.Ordinal);
            foreach (var f in diagnostics.Select(d => CanonicalFormat.ToFinding(d)))
            {
                if (!color)
                {
                    output.WriteLine(CanonicalFormat.Line(f));
                    continue;
                }
                var (path, line, column, endLine, endColumn) = (f.File, f.Line, f.Column, f.EndLine, f.EndColumn);
                string paint = f.Severity == Severities.Error ? Ansi.Red : f.Severity == Severities.Warning ? Ansi.Yellow : Ansi.Cyan;
                output.WriteLine($"{Ansi.Bold}{CanonicalFormat.Location(f)}{Ansi.Reset}: {paint}{f.Severity} {f.Id}{Ansi.Reset}: {f.Message}");
                if (!sources.TryGetValue(path, out var lines)) sources[path] = lines = ReadLines(path);
                if (lines == null || line < 1 || line > lines.Length) continue;
                string text = lines[line - 1];
                int from = Math.Min(column - 1, text.Length);
                int to = endLine == line ? Math.Min(Math.Max(endColumn - 1, from + 1), text.Length) : text.Length;
                string gutter = line.ToString().PadLeft(5);
                output.WriteLine($"{Ansi.Dim}{gutter} |{Ansi.Reset} {text}");
                output.WriteLine($"{Ansi.Dim}{new string(' ', gutter.Length)} |{Ansi.Reset} {Marker(text, from, to, paint)}");
            }
        }

        /// <summary>"^~~~" under the span, keeping the line's tabs so the marker lines up.</summary>
        internal static string Marker(string text, int from, int to, string paint)
        {
            var pad = new char[from];
            for (int i = 0; i < from; i++) pad[i] = text[i] == '\t' ? '\t' : ' ';
            return new string(pad) + paint + "^" + new string('~', Math.Max(0, to - from - 1)) + Ansi.Reset;
        }

        private static string[]? ReadLines(string path)
        {
            try { return File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n").Split('\n') : null; }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }
    }

    internal static class Ansi
    {
        public const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m";
        public const string Red = "\u001b[1;31m", Yellow = "\u001b[1;33m", Cyan = "\u001b[36m", Green = "\u001b[32m";
    }
}
