using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model
{
    /// <summary>
    /// An element of a policy file with the positions a diagnostic needs. Positions are kept as offsets and turned
    /// into lines and columns when asked for: a build holds every node of every policy at once, so each byte counts.
    /// </summary>
    public sealed class PolicyNode
    {
        private static readonly PolicyNode[] NoChildren = Array.Empty<PolicyNode>();
        private static readonly PolicyAttribute[] NoAttributes = Array.Empty<PolicyAttribute>();
        private PolicyNode[] _children = NoChildren;
        private readonly int _tagStart, _tagEnd;
        private int _textStart, _textEnd;

        internal PolicyNode(PolicyDocument document, PolicyNode? parent, string name, string namespaceUri, int tagStart, int tagEnd, int depth)
        {
            Document = document;
            Parent = parent;
            Name = name;
            NamespaceUri = namespaceUri;
            _tagStart = tagStart;
            _tagEnd = tagEnd;
            Depth = depth;
        }

        public PolicyDocument Document { get; }
        public PolicyNode? Parent { get; }
        /// <summary>Local name (the policy namespace is the only one that matters).</summary>
        public string Name { get; }
        public string NamespaceUri { get; }
        /// <summary>From '&lt;' to the end of the element name.</summary>
        public SourceSpan StartTag => Document.Span(_tagStart, _tagEnd);
        public int Depth { get; }
        public IReadOnlyList<PolicyAttribute> Attributes { get; internal set; } = NoAttributes;
        public IReadOnlyList<PolicyNode> Children => _children;
        /// <summary>Trimmed text content of a leaf element; null when it has none.</summary>
        public string? Text { get; internal set; }
        /// <summary>The text's first to last non-blank character in the source; empty at the file start when there is no text.</summary>
        public SourceSpan TextSpan => Text == null ? Document.Span(0, 0) : Document.Span(_textStart, _textEnd);
        /// <summary>Offset just past the element's end tag (or its "/&gt;"); the element's whole extent ends here.</summary>
        public int EndOffset { get; internal set; }

        /// <summary>Position among the parent's element children.</summary>
        public int Index { get; internal set; }

        internal int TextStart => _textStart;
        internal int TagEnd => _tagEnd;

        internal void SetTextSpan(int start, int end)
        {
            _textStart = start;
            _textEnd = end;
        }

        /// <summary>The parser collects children in a reusable list and stores them here, exactly sized, when the element ends.</summary>
        internal void SetChildren(List<PolicyNode> children)
        {
            if (children.Count > 0) _children = children.ToArray();
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
            for (int i = 0; i < children.Length; i++)
            {
                if (string.Equals(children[i].Name, name, StringComparison.Ordinal))
                    return children[i];
            }
            return null;
        }

        public IEnumerable<PolicyNode> ChildrenNamed(string name)
        {
            var children = _children;
            for (int i = 0; i < children.Length; i++)
            {
                if (string.Equals(children[i].Name, name, StringComparison.Ordinal))
                    yield return children[i];
            }
        }

        /// <summary>Follows a path of child names, e.g. Path("Metadata", "Item").</summary>
        public IEnumerable<PolicyNode> Path(params string[] names)
        {
            // Depth first without nested iterators: one enumerator however long the path.
            if (names.Length == 0) { yield return this; yield break; }
            var stack = new Stack<(PolicyNode Node, int Level, int Next)>(names.Length + 1);
            stack.Push((this, 0, 0));
            while (stack.Count > 0)
            {
                var (node, level, next) = stack.Pop();
                var children = node._children;
                string name = names[level];
                for (int i = next; i < children.Length; i++)
                {
                    if (!string.Equals(children[i].Name, name, StringComparison.Ordinal)) continue;
                    if (level == names.Length - 1) { yield return children[i]; continue; }
                    stack.Push((node, level, i + 1));
                    stack.Push((children[i], level + 1, 0));
                    break;
                }
            }
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
                var children = node._children;
                if (next < children.Length)
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
        private readonly int _nameStart, _valueStart, _valueEnd;

        internal PolicyAttribute(PolicyNode owner, string name, string value, int nameStart, int valueStart, int valueEnd)
        {
            Owner = owner;
            Name = name;
            Value = value;
            _nameStart = nameStart;
            _valueStart = valueStart;
            _valueEnd = valueEnd;
        }

        public PolicyNode Owner { get; }
        public string Name { get; }
        public string Value { get; }
        public SourceSpan NameSpan => Owner.Document.Span(_nameStart, _nameStart + Name.Length);
        /// <summary>The value between the quotes.</summary>
        public SourceSpan ValueSpan => Owner.Document.Span(_valueStart, _valueEnd);
        internal int ValueEnd => _valueEnd;

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
