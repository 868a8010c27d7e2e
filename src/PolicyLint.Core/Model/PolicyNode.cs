using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model
{
    /// <summary>An element of a policy file with the positions a diagnostic needs.</summary>
    public sealed class PolicyNode
    {
        private static readonly List<PolicyNode> NoChildren = new List<PolicyNode>(0);
        private static readonly PolicyAttribute[] NoAttributes = Array.Empty<PolicyAttribute>();
        private List<PolicyNode>? _children;

        internal PolicyNode(PolicyDocument document, PolicyNode? parent, string name, string namespaceUri, SourceSpan startTag, int depth)
        {
            Document = document;
            Parent = parent;
            Name = name;
            NamespaceUri = namespaceUri;
            StartTag = startTag;
            Depth = depth;
        }

        public PolicyDocument Document { get; }
        public PolicyNode? Parent { get; }
        /// <summary>Local name (the policy namespace is the only one that matters).</summary>
        public string Name { get; }
        public string NamespaceUri { get; }
        /// <summary>From '&lt;' to the end of the element name.</summary>
        public SourceSpan StartTag { get; }
        public int Depth { get; }
        public IReadOnlyList<PolicyAttribute> Attributes { get; internal set; } = NoAttributes;
        public IReadOnlyList<PolicyNode> Children => (IReadOnlyList<PolicyNode>?)_children ?? NoChildren;
        /// <summary>Trimmed text content of a leaf element; null when it has none.</summary>
        public string? Text { get; internal set; }
        public SourceSpan TextSpan { get; internal set; }
        /// <summary>Offset just past the element's end tag (or its "/&gt;"); the element's whole extent ends here.</summary>
        public int EndOffset { get; internal set; }

        /// <summary>Position among the parent's element children.</summary>
        public int Index { get; internal set; }

        internal void AddChild(PolicyNode child)
        {
            child.Index = _children?.Count ?? 0;
            (_children ??= new List<PolicyNode>()).Add(child);
        }

        public PolicyAttribute? Attribute(string name)
        {
            var attributes = Attributes;
            for (int i = 0; i < attributes.Count; i++)
            {
                if (string.Equals(attributes[i].Name, name, StringComparison.Ordinal))
                    return attributes[i];
            }
            return null;
        }

        /// <summary>The attribute's value, or null when absent.</summary>
        public string? this[string attributeName] => Attribute(attributeName)?.Value;

        public PolicyNode? Child(string name)
        {
            var children = _children;
            if (children == null) return null;
            for (int i = 0; i < children.Count; i++)
            {
                if (string.Equals(children[i].Name, name, StringComparison.Ordinal))
                    return children[i];
            }
            return null;
        }

        public IEnumerable<PolicyNode> ChildrenNamed(string name)
        {
            var children = _children;
            if (children == null) yield break;
            for (int i = 0; i < children.Count; i++)
            {
                if (string.Equals(children[i].Name, name, StringComparison.Ordinal))
                    yield return children[i];
            }
        }

        /// <summary>Follows a path of child names, e.g. Path("Metadata", "Item").</summary>
        public IEnumerable<PolicyNode> Path(params string[] names) => PathFrom(this, names, 0);

        private static IEnumerable<PolicyNode> PathFrom(PolicyNode node, string[] names, int index)
        {
            if (index == names.Length) { yield return node; yield break; }
            foreach (var child in node.ChildrenNamed(names[index]))
                foreach (var n in PathFrom(child, names, index + 1))
                    yield return n;
        }

        /// <summary>Text of a child element, e.g. ChildText("DataUri").</summary>
        public string? ChildText(string name) => Child(name)?.Text;

        public bool IsNamed(string name) => string.Equals(Name, name, StringComparison.Ordinal);

        /// <summary>The nearest ancestor with the given name.</summary>
        public PolicyNode? Ancestor(string name)
        {
            for (var p = Parent; p != null; p = p.Parent)
                if (p.IsNamed(name)) return p;
            return null;
        }

        /// <summary>Every descendant, depth first, without recursion (inputs can nest deeply).</summary>
        public IEnumerable<PolicyNode> Descendants()
        {
            var stack = new Stack<(PolicyNode Node, int Next)>();
            stack.Push((this, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var children = node.Children;
                if (next < children.Count)
                {
                    stack.Push((node, next + 1));
                    yield return children[next];
                    stack.Push((children[next], 0));
                }
            }
        }

        public override string ToString() => $"<{Name}> at {Document.FilePath}({StartTag.Start.Line + 1},{StartTag.Start.Character + 1})";
    }

    public sealed class PolicyAttribute
    {
        internal PolicyAttribute(PolicyNode owner, string name, string value, SourceSpan nameSpan, SourceSpan valueSpan)
        {
            Owner = owner;
            Name = name;
            Value = value;
            NameSpan = nameSpan;
            ValueSpan = valueSpan;
        }

        public PolicyNode Owner { get; }
        public string Name { get; }
        public string Value { get; }
        public SourceSpan NameSpan { get; }
        /// <summary>The value between the quotes.</summary>
        public SourceSpan ValueSpan { get; }

        public override string ToString() => $"{Name}=\"{Value}\"";
    }

    /// <summary>A character span with its line positions (0-based, as Roslyn's LinePositionSpan).</summary>
    public readonly struct SourceSpan
    {
        public SourceSpan(TextSpan span, LinePositionSpan lines)
        {
            Span = span;
            Lines = lines;
        }

        public TextSpan Span { get; }
        public LinePositionSpan Lines { get; }
        public LinePosition Start => Lines.Start;
        public LinePosition End => Lines.End;

        public override string ToString() => $"({Start.Line + 1},{Start.Character + 1},{End.Line + 1},{End.Character + 1})";
    }
}
