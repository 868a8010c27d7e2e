using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Model;

using PolicyLint.Analysis;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// The fixes a host offers for every diagnostic, whatever its rule: suppress this occurrence with a
    /// <c>&lt;!-- policylint disable-next PLnnnn --&gt;</c> comment, or set the rule's severity in the nearest .editorconfig.
    /// Neither is safe (each hides a finding rather than repairing it): `policylint fix --list` and an editor offer them.
    /// </summary>
    public static class HostFixes
    {
        /// <summary>The severities the .editorconfig fix offers (the build's names).</summary>
        public static readonly string[] Severities = { "none", "suggestion", "warning" };

        // A line holding only a disable-next comment with ids (InlineSuppressions reads the same directive).
        private static readonly System.Text.RegularExpressions.Regex DisableNext = new System.Text.RegularExpressions.Regex(
            @"^\s*<!--\s*policylint\s+disable-next\s+(?<ids>PL\d{4}(?:\s*[,;]?\s*PL\d{4})*)\s*-->\s*$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        /// <summary>
        /// The rule's own fixes, then the host's. <paramref name="projectDirectory"/> is where a new .editorconfig goes when
        /// none lies above the file. <paramref name="readText"/>: the policy's text as analyzed (an editor's buffer); default: the file.
        /// </summary>
        public static IReadOnlyList<CodeFix> All(Diagnostic diagnostic, string projectDirectory, Func<string, string>? readText = null)
            => CodeFix.Of(diagnostic).Concat(For(diagnostic, projectDirectory, readText)).ToList();

        public static IReadOnlyList<CodeFix> For(Diagnostic diagnostic, string projectDirectory, Func<string, string>? readText = null)
        {
            var fixes = new List<CodeFix>();
            if (Suppress(diagnostic, readText) is CodeFix suppress) fixes.Add(suppress);
            fixes.AddRange(SetSeverity(diagnostic, projectDirectory));
            return fixes;
        }

        /// <summary>
        /// A disable-next comment on its own line before the line of the element that holds the finding, with that line's
        /// indentation (the comment covers the next element and everything in it). Null when the finding lies in no element.
        /// </summary>
        public static CodeFix? Suppress(Diagnostic diagnostic, Func<string, string>? readText = null)
        {
            string path = PathOf(diagnostic);
            if (string.IsNullOrEmpty(path) || (readText == null && !File.Exists(path))) return null;
            var document = PolicyParser.Parse(path, (readText ?? Fixer.ReadText)(path));
            if (!document.IsWellFormed || document.Root is not PolicyNode root) return null;
            int offset = diagnostic.Location.SourceSpan.Start;
            PolicyNode? holder = null;
            foreach (var node in new[] { root }.Concat(root.Descendants()))
            {
                int start = node.StartTag.Span.Start;
                if (start > offset) break;
                if (offset < node.EndOffset) holder = node;
            }
            if (holder is not PolicyNode element) return null;

            string text = document.Text;
            int at = element.StartTag.Span.Start;
            if (at >= text.Length || text[at] != '<') return null; // an element a settings token stands for
            int lineStart = at;
            while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t')) lineStart--;
            string comment = $"<!-- policylint disable-next {diagnostic.Id} -->";
            string title = $"Suppress {diagnostic.Id} here ({comment})";
            // A disable-next comment already on the line above (another rule's finding on this element): add the id to it.
            if (lineStart > 0 && text[lineStart - 1] == '\n')
            {
                int aboveEnd = lineStart - 1, aboveStart = aboveEnd;
                while (aboveStart > 0 && text[aboveStart - 1] != '\n') aboveStart--;
                string above = text.Substring(aboveStart, aboveEnd - aboveStart).TrimEnd('\r');
                var existing = DisableNext.Match(above);
                if (existing.Success)
                {
                    if (existing.Groups["ids"].Value.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries).Contains(diagnostic.Id, StringComparer.OrdinalIgnoreCase)) return null;
                    return new CodeFix(title, false, FileEdit.Insert(document, aboveStart + existing.Groups["ids"].Index + existing.Groups["ids"].Length, ", " + diagnostic.Id));
                }
            }
            // The element starts its line: the comment goes on a line of its own above it; else right before the element.
            if (lineStart == 0 || text[lineStart - 1] == '\n')
                return new CodeFix(title, false, FileEdit.Insert(document, lineStart, text.Substring(lineStart, at - lineStart) + comment + Xml.NewLine(document)));
            return new CodeFix(title, false, FileEdit.Insert(document, at, comment));
        }

        /// <summary>
        /// One fix per severity other than the finding's: `dotnet_diagnostic.PLnnnn.severity = …` under a [*.xml] section of
        /// the nearest .editorconfig above the file (updated when the rule is set there, else added), or a new .editorconfig
        /// in <paramref name="projectDirectory"/>.
        /// </summary>
        public static IEnumerable<CodeFix> SetSeverity(Diagnostic diagnostic, string projectDirectory)
        {
            string path = PathOf(diagnostic);
            string config = NearestEditorConfig(path) ?? Path.Combine(Path.GetFullPath(projectDirectory), ".editorconfig");
            string current = Common.Severities.EditorConfigName(diagnostic.Severity);
            string text = File.Exists(config) ? Fixer.ReadText(config) : string.Empty;
            foreach (var severity in Severities)
            {
                if (severity == current) continue;
                yield return new CodeFix($"Set {diagnostic.Id} to '{severity}' in {DisplayPaths.Relative(projectDirectory, config)}", false, EditorConfigEdit(config, text, diagnostic.Id, severity));
            }
        }

        // Policy diagnostics are located in files (Location.Create with a path); a build-wide one has no place.
        private static string PathOf(Diagnostic diagnostic)
            => diagnostic.Location.Kind == LocationKind.None ? string.Empty : diagnostic.Location.GetLineSpan().Path ?? string.Empty;

        private static string? NearestEditorConfig(string path)
        {
            if (string.IsNullOrEmpty(path)) return null;
            for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir!, ".editorconfig");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        /// <summary>The edit that sets the rule's severity in an .editorconfig's text (empty for a new file).</summary>
        internal static FileEdit EditorConfigEdit(string path, string text, string id, string severity)
        {
            string newline = text.Contains("\r\n") ? "\r\n" : "\n";
            string key = $"dotnet_diagnostic.{id}.severity";
            string entry = $"{key} = {severity}";
            // Lines with their offsets; the [*.xml] sections.
            int offset = 0;
            bool inXml = false;
            int xmlSectionEnd = -1; // after the last non-blank line of the last [*.xml] section
            while (offset < text.Length)
            {
                int end = text.IndexOf('\n', offset);
                int next = end < 0 ? text.Length : end + 1;
                string line = text.Substring(offset, (end < 0 ? text.Length : end) - offset).TrimEnd('\r');
                string trimmed = line.Trim();
                if (trimmed.StartsWith("[", StringComparison.Ordinal))
                    inXml = trimmed == "[*.xml]";
                if (inXml)
                {
                    int eq = trimmed.IndexOf('=');
                    if (eq > 0 && string.Equals(trimmed.Substring(0, eq).Trim(), key, StringComparison.OrdinalIgnoreCase))
                    {
                        // Replace the value only: a comment after it goes with the old value.
                        int valueStart = offset + line.IndexOf('=') + 1;
                        return new FileEdit(path, TextSpan.FromBounds(valueStart, offset + line.Length), " " + severity);
                    }
                    if (trimmed.Length > 0) xmlSectionEnd = next;
                }
                offset = next;
            }
            if (xmlSectionEnd >= 0)
            {
                // The section's last line may end the file without a line break.
                bool needsBreak = xmlSectionEnd == text.Length && text.Length > 0 && text[text.Length - 1] != '\n';
                return new FileEdit(path, new TextSpan(xmlSectionEnd, 0), (needsBreak ? newline : "") + entry + newline);
            }
            string lead = text.Length == 0 ? "" : (text.EndsWith("\n", StringComparison.Ordinal) ? newline : newline + newline);
            return new FileEdit(path, new TextSpan(text.Length, 0), lead + "[*.xml]" + newline + entry + newline);
        }
    }
}
