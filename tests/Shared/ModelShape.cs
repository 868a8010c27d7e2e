using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Tests.Shared
{
    /// <summary>Everything a parsed document holds, one line per element, attribute and comment, for comparing two parses.</summary>
    public static class ModelShape
    {
        public static List<string> Of(PolicyDocument document)
        {
            var shape = new List<string>
            {
                document.IsWellFormed ? "ok" : $"error {document.ParseFailure!.Span} {document.ParseFailure.IsDtd} {document.ParseFailure.Message}",
            };
            shape.AddRange(document.Comments.Select(c => $"comment {c.Span} [{c.Value}]"));
            if (document.Root is not PolicyNode root) return shape;
            foreach (var node in new[] { root }.Concat(root.Descendants()))
            {
                shape.Add($"{node.Depth} {node.Name} {{{node.NamespaceUri}}} {node.StartTag} [{node.Text}] {node.TextSpan} {node.EndOffset} {node.Parent?.StartTag}");
                shape.AddRange(node.Attributes.Select(a => $"  {a.Name}=[{a.Value}] {a.NameSpan} {a.ValueSpan}"));
            }
            return shape;
        }
    }
}
