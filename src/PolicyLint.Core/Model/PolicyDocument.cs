using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model
{
    /// <summary>One parsed file: its text, its element tree and the comments that may hold suppressions.</summary>
    public sealed class PolicyDocument
    {
        public const string PolicyNamespace = "http://schemas.microsoft.com/online/cpim/schemas/2013/06";

        private readonly int[] _lineStarts;
        private readonly int _length;
        private string? _text;
        private readonly bool _reloadable;

        internal PolicyDocument(string filePath, string text, bool reloadable = false)
            : this(filePath, text.AsSpan(), text, reloadable)
        {
        }

        /// <param name="textString">The text as a string when the caller has one; else the text is read again from the file when asked for.</param>
        internal PolicyDocument(string filePath, ReadOnlySpan<char> text, string? textString, bool reloadable)
        {
            FilePath = filePath;
            _text = textString;
            _length = text.Length;
            _reloadable = reloadable;
            _lineStarts = ComputeLineStarts(text);
        }

        public string FilePath { get; }
        /// <summary>The text's length in characters (without reading the text again).</summary>
        public int Length => _length;

        /// <summary>
        /// The file's text. A well-formed file read from disk drops it after parsing (the tree holds what rules need,
        /// and the text would double the memory a build holds); asking for it again reads the file again.
        /// </summary>
        public string Text => _text ??= PolicyParser.ReadText(FilePath, fallback: string.Empty)!;

        /// <summary>Keeps the text the parser read (a file with an error is looked at again).</summary>
        internal void KeepText(string text) => _text ??= text;

        /// <summary>Called by the parser once the tree is built.</summary>
        internal void ReleaseText()
        {
            if (_reloadable && IsWellFormed) _text = null;
        }
        /// <summary>The root element: the first one stored.</summary>
        public PolicyNode? Root => Nodes.Length > 0 ? new PolicyNode(this, 0) : null;

        /// <summary>Every element in document order (depth first), so an element's descendants follow it.</summary>
        internal NodeData[] Nodes { get; private set; } = Array.Empty<NodeData>();
        internal int NodeCount => Nodes.Length;
        internal AttributeData[] Attributes { get; private set; } = Array.Empty<AttributeData>();
        /// <summary>Each attribute's value, at the attribute's index.</summary>
        internal string[] AttributeValues { get; private set; } = Array.Empty<string>();
        /// <summary>The elements' texts; an element stores one more than its text's index here.</summary>
        internal string[] Texts { get; private set; } = Array.Empty<string>();
        /// <summary>Each element's children are a slice of this array: ChildIndex[ChildStart .. ChildStart + ChildCount] are their node numbers.</summary>
        internal int[] ChildIndex { get; private set; } = Array.Empty<int>();

        /// <summary>The namespaces of the elements, each once (almost always just the policy namespace).</summary>
        internal string[] Namespaces { get; private set; } = Array.Empty<string>();
        /// <summary>The element and attribute names of the document, each once; elements and attributes store an index.</summary>
        internal string[] Names { get; private set; } = Array.Empty<string>();

        /// <summary>Where an element's attributes end: where the next element's begin.</summary>
        internal int AttributeEnd(int node) => node + 1 < Nodes.Length ? Nodes[node + 1].AttributeStart : Attributes.Length;

        internal void SetTree(NodeData[] nodes, AttributeData[] attributes, string[] attributeValues, string[] texts, int[] childIndex, string[] namespaces, string[] names)
        {
            AttributeValues = attributeValues;
            Texts = texts;
            Names = names;
            Nodes = nodes;
            Attributes = attributes;
            ChildIndex = childIndex;
            Namespaces = namespaces;
        }
        public List<PolicyComment> Comments { get; } = new List<PolicyComment>();

        /// <summary>Every element whose name <paramref name="named"/> accepts, in document order; it is asked once per distinct name.</summary>
        public IEnumerable<PolicyNode> Elements(Func<string, bool> named)
        {
            var names = Names;
            var wanted = new bool[names.Length];
            bool any = false;
            for (int i = 0; i < names.Length; i++) any |= wanted[i] = named(names[i]);
            if (!any) yield break;
            for (int i = 0; i < Nodes.Length; i++)
                if (wanted[Nodes[i].Name]) yield return new PolicyNode(this, i);
        }

        /// <summary>Set when the file is not well-formed XML (or has a DTD); the tree then holds what was read before the error.</summary>
        public ParseFailure? ParseFailure { get; internal set; }
        public bool IsWellFormed => ParseFailure == null;
        public int LineCount => _lineStarts.Length;

        /// <summary>Root is TrustFrameworkPolicy in the policy namespace.</summary>
        public bool IsPolicy => Root is PolicyNode root && root.IsNamed("TrustFrameworkPolicy") && root.NamespaceUri == PolicyNamespace;

        /// <summary>Looks like a policy by name, whatever its namespace (used for PL0003's message).</summary>
        public bool HasPolicyRootName => Root is PolicyNode root && root.IsNamed("TrustFrameworkPolicy");

        public SourceSpan FileStart => Span(0, 0);

        /// <summary>Offset of a 1-based line and column as XmlReader reports them.</summary>
        public int OffsetOf(int line, int column)
        {
            if (line < 1) return 0;
            if (line > _lineStarts.Length) return _length;
            int offset = _lineStarts[line - 1] + Math.Max(column, 1) - 1;
            return Math.Min(offset, _length);
        }

        public LinePosition PositionOf(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, _length));
            int line = Array.BinarySearch(_lineStarts, offset);
            if (line < 0) line = ~line - 1;
            return new LinePosition(line, offset - _lineStarts[line]);
        }

        public SourceSpan Span(int start, int end)
        {
            start = Math.Max(0, Math.Min(start, _length));
            end = Math.Max(start, Math.Min(end, _length));
            var startPos = PositionOf(start);
            // Most spans sit on one line: skip the search.
            LinePosition endPos;
            int lineEnd = startPos.Line + 1 < _lineStarts.Length ? _lineStarts[startPos.Line + 1] : int.MaxValue;
            endPos = end < lineEnd ? new LinePosition(startPos.Line, startPos.Character + (end - start)) : PositionOf(end);
            return new SourceSpan(TextSpan.FromBounds(start, end), new LinePositionSpan(startPos, endPos));
        }

        private static int[] ComputeLineStarts(ReadOnlySpan<char> text)
        {
            var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
            // Jump from line end to line end (a vectorized search) rather than looking at every character.
            int i = 0;
            while (i < text.Length)
            {
                int next = text.Slice(i).IndexOfAny('\r', '\n');
                if (next < 0) break;
                i += next;
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(++i);
            }
            return starts.ToArray();
        }

        public override string ToString() => FilePath;
    }

    public sealed class PolicyComment
    {
        internal PolicyComment(string value, SourceSpan span)
        {
            Value = value;
            Span = span;
        }

        public string Value { get; }
        /// <summary>From '&lt;!--' to '--&gt;'.</summary>
        public SourceSpan Span { get; }
    }

    public sealed class ParseFailure
    {
        internal ParseFailure(string message, SourceSpan span, bool isDtd)
        {
            Message = message;
            Span = span;
            IsDtd = isDtd;
        }

        public string Message { get; }
        public SourceSpan Span { get; }
        /// <summary>The file has a DOCTYPE (PL0002) rather than a plain syntax error (PL0001).</summary>
        public bool IsDtd { get; }
    }
}
