using System;
using System.Text.RegularExpressions;
using System.Xml;

namespace PolicyLint.Model
{
    public static partial class PolicyParser
    {
        /// <summary>
        /// Parses <see cref="SourceMap.Text"/> (the file with settings tokens replaced) as any file is parsed, and returns
        /// a document of the original file: its text and lines are the file's, and every position of the tree, the
        /// comments and the parse failure is mapped back, so a diagnostic points into the file the user edits.
        /// </summary>
        public static PolicyDocument ParseSubstituted(string path, SourceMap map, XmlNameTable? names = null)
        {
            var parsed = Parse(path, map.Text.AsMemory(), map.Text, reloadable: false, names);
            var doc = new PolicyDocument(path, map.Original);

            var nodes = parsed.Nodes;
            for (int i = 0; i < nodes.Length; i++)
            {
                ref var node = ref nodes[i];
                node.TagStart = map.ToOriginalStart(node.TagStart);
                node.TagEnd = map.ToOriginalEnd(node.TagEnd);
                node.TextStart = map.ToOriginalStart(node.TextStart);
                node.TextEnd = map.ToOriginalEnd(node.TextEnd);
                node.EndOffset = map.ToOriginalEnd(node.EndOffset);
            }
            var attributes = parsed.Attributes;
            for (int i = 0; i < attributes.Length; i++)
            {
                ref var attribute = ref attributes[i];
                attribute.NameStart = map.ToOriginalStart(attribute.NameStart);
                attribute.ValueStart = map.ToOriginalStart(attribute.ValueStart);
                attribute.ValueEnd = Math.Max(attribute.ValueStart, map.ToOriginalEnd(attribute.ValueEnd));
            }
            doc.SetTree(nodes, attributes, parsed.AttributeValues, parsed.Texts, parsed.ChildIndex, parsed.Namespaces, parsed.Names);
            foreach (var comment in parsed.Comments)
                doc.Comments.Add(new PolicyComment(comment.Value, MapSpan(doc, map, comment.Span)));
            if (parsed.ParseFailure is { } failure)
                doc.ParseFailure = new ParseFailure(MapLines(parsed, doc, map, failure.Message), MapSpan(doc, map, failure.Span), failure.IsDtd);
            return doc;
        }

        private static SourceSpan MapSpan(PolicyDocument doc, SourceMap map, SourceSpan span)
            => doc.Span(map.ToOriginalStart(span.Span.Start), map.ToOriginalEnd(span.Span.End));

        // XmlReader names other places in its messages ("The 'X' start tag on line 3 position 2 does not match ...").
        private static readonly Regex LinePosition = new Regex(@"\b(?<before>line )(?<line>\d{1,9})(?<between>,? position )(?<column>\d{1,9})",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static string MapLines(PolicyDocument parsed, PolicyDocument doc, SourceMap map, string message)
        {
            try
            {
                return LinePosition.Replace(message, m =>
                {
                    var position = doc.PositionOf(map.ToOriginalStart(parsed.OffsetOf(int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value))));
                    return m.Groups["before"].Value + (position.Line + 1) + m.Groups["between"].Value + (position.Character + 1);
                });
            }
            catch (RegexMatchTimeoutException)
            {
                return message;
            }
        }
    }
}
