using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Model;

namespace PolicyLint.Analysis
{
    /// <summary>One replacement in one file: the span of the original text and what replaces it.</summary>
    public sealed class FileEdit
    {
        public FileEdit(string path, TextSpan span, string newText)
        {
            Path = path;
            Span = span;
            NewText = newText;
        }

        public string Path { get; }
        public TextSpan Span { get; }
        public string NewText { get; }

        /// <summary>Replaces an attribute's value (escaped for the attribute's quotes).</summary>
        public static FileEdit ReplaceValue(PolicyAttribute attribute, string value)
            => new FileEdit(attribute.Owner.Document.FilePath, attribute.ValueSpan.Span, Xml.EscapeAttribute(value));

        /// <summary>Replaces an element's text content (escaped).</summary>
        public static FileEdit ReplaceText(PolicyNode node, string text)
            => new FileEdit(node.Document.FilePath, node.TextSpan.Span, Xml.EscapeText(text));

        /// <summary>Inserts at an offset.</summary>
        public static FileEdit Insert(PolicyDocument document, int offset, string text)
            => new FileEdit(document.FilePath, new TextSpan(offset, 0), text);

        /// <summary>
        /// Inserts a line holding <paramref name="element"/> after the element's line, indented as it is: at the end of that
        /// line when only a comment follows the element there, else right after the element.
        /// </summary>
        public static FileEdit InsertLineAfter(PolicyNode node, string element)
        {
            var document = node.Document;
            string text = document.Text;
            int at = node.EndOffset;
            int lineEnd = at;
            while (lineEnd < text.Length && text[lineEnd] != '\r' && text[lineEnd] != '\n') lineEnd++;
            string rest = text.Substring(at, lineEnd - at).Trim();
            if (rest.Length == 0 || (rest.StartsWith("<!--", StringComparison.Ordinal) && rest.EndsWith("-->", StringComparison.Ordinal) && rest.IndexOf("-->", StringComparison.Ordinal) == rest.Length - 3))
                at = lineEnd;
            return Insert(document, at, Xml.NewLine(document) + Xml.IndentOf(document, node.StartTag.Span.Start) + element);
        }

        /// <summary>Removes an element; with its line when nothing else stands on it, so no blank line is left behind.</summary>
        public static FileEdit RemoveElement(PolicyNode node)
        {
            string text = node.Document.Text;
            int start = node.StartTag.Span.Start, end = node.EndOffset;
            int lineStart = start;
            while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t')) lineStart--;
            int lineEnd = end;
            while (lineEnd < text.Length && (text[lineEnd] == ' ' || text[lineEnd] == '\t')) lineEnd++;
            bool ownLine = (lineStart == 0 || text[lineStart - 1] == '\n') && (lineEnd == text.Length || text[lineEnd] == '\r' || text[lineEnd] == '\n');
            if (ownLine)
            {
                start = lineStart;
                end = lineEnd;
                if (end < text.Length && text[end] == '\r') end++;
                if (end < text.Length && text[end] == '\n') end++;
            }
            return new FileEdit(node.Document.FilePath, TextSpan.FromBounds(start, end), string.Empty);
        }

        public override string ToString() => $"{Path}[{Span.Start}..{Span.End}) -> '{NewText}'";
    }

    /// <summary>
    /// A fix a rule attaches to a diagnostic: a title and text edits. A safe fix keeps the policy's meaning but for the
    /// mistake it fixes and is applied in bulk by `policylint fix`; an unsafe one is offered one by one.
    /// Fixes travel in the diagnostic's properties, so they survive configuration (a Roslyn Diagnostic is immutable).
    /// </summary>
    public sealed class CodeFix
    {
        private const string Prefix = "PolicyLint.Fix.";

        public CodeFix(string title, bool isSafe, IEnumerable<FileEdit> edits)
        {
            Title = title;
            IsSafe = isSafe;
            Edits = edits.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start).ToList();
        }

        public CodeFix(string title, bool isSafe, params FileEdit[] edits) : this(title, isSafe, (IEnumerable<FileEdit>)edits) { }

        public string Title { get; }
        public bool IsSafe { get; }
        public IReadOnlyList<FileEdit> Edits { get; }

        /// <summary>The fixes a diagnostic carries, in the order the rule gave them.</summary>
        public static IReadOnlyList<CodeFix> Of(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            var fixes = new List<CodeFix>();
            for (int i = 0; properties.TryGetValue(Prefix + i + ".Title", out var title) && title != null; i++)
            {
                var edits = new List<FileEdit>();
                for (int j = 0; properties.TryGetValue(Prefix + i + ".Edit." + j, out var edit) && edit != null; j++)
                    edits.Add(Decode(edit));
                fixes.Add(new CodeFix(title, properties.TryGetValue(Prefix + i + ".Safe", out var safe) && safe == "true", edits));
            }
            return fixes;
        }

        internal static ImmutableDictionary<string, string?> ToProperties(IReadOnlyList<CodeFix> fixes)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            for (int i = 0; i < fixes.Count; i++)
            {
                builder[Prefix + i + ".Title"] = fixes[i].Title;
                builder[Prefix + i + ".Safe"] = fixes[i].IsSafe ? "true" : "false";
                for (int j = 0; j < fixes[i].Edits.Count; j++)
                    builder[Prefix + i + ".Edit." + j] = Encode(fixes[i].Edits[j]);
            }
            return builder.ToImmutable();
        }

        // "start:length:path\nnew text": the path holds no line break, the text may hold anything.
        private static string Encode(FileEdit edit)
            => edit.Span.Start.ToString(CultureInfo.InvariantCulture) + ":" + edit.Span.Length.ToString(CultureInfo.InvariantCulture) + ":" + edit.Path + "\n" + edit.NewText;

        private static FileEdit Decode(string value)
        {
            int first = value.IndexOf(':'), second = value.IndexOf(':', first + 1), newline = value.IndexOf('\n', second + 1);
            int start = int.Parse(value.Substring(0, first), CultureInfo.InvariantCulture);
            int length = int.Parse(value.Substring(first + 1, second - first - 1), CultureInfo.InvariantCulture);
            return new FileEdit(value.Substring(second + 1, newline - second - 1), new TextSpan(start, length), value.Substring(newline + 1));
        }
    }

    /// <summary>Escaping for text a fix writes into a policy.</summary>
    public static class Xml
    {
        public static string EscapeAttribute(string value) => EscapeText(value).Replace("\"", "&quot;");

        public static string EscapeText(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;");

        /// <summary>The line break the file uses (CRLF when its first line ends so), for inserted lines.</summary>
        public static string NewLine(PolicyDocument document)
        {
            string text = document.Text;
            int n = text.IndexOf('\n');
            return n > 0 && text[n - 1] == '\r' ? "\r\n" : "\n";
        }

        /// <summary>The spaces and tabs that start the line holding <paramref name="offset"/>.</summary>
        public static string IndentOf(PolicyDocument document, int offset)
        {
            string text = document.Text;
            int start = offset;
            while (start > 0 && text[start - 1] != '\n') start--;
            int end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t')) end++;
            return text.Substring(start, end - start);
        }
    }
}
