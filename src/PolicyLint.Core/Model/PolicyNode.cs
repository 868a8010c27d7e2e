using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model
{
    /// <summary>
    /// An element of a policy file with the positions a diagnostic needs. A handle: the element's data sits in its
    /// document's arrays (<see cref="PolicyDocument"/>), because a build holds every element of every policy at once,
    /// and one object per element and attribute cost three times the input in memory and most of the load time in
    /// garbage collections. Two handles to the same element are equal.
    /// </summary>
    public readonly struct PolicyNode : IEquatable<PolicyNode>
    {
        private readonly int _index;

        internal PolicyNode(PolicyDocument document, int index)
        {
            Document = document;
            _index = index;
        }

        public PolicyDocument Document { get; }
        private ref NodeData Data => ref Document.Nodes[_index];

        public PolicyNode? Parent
        {
            get
            {
                int parent = Data.Parent;
                return parent < 0 ? null : new PolicyNode(Document, parent);
            }
        }

        /// <summary>Local name (the policy namespace is the only one that matters).</summary>
        public string Name => Document.Names[Data.Name];
        public string NamespaceUri => Document.Namespaces[Data.Namespace];
        /// <summary>From '&lt;' to the end of the element name.</summary>
        public SourceSpan StartTag => Document.Span(Data.TagStart, Data.TagEnd);
        public int Depth => Data.Depth;
        public PolicyAttributeList Attributes => new PolicyAttributeList(Document, _index, Data.AttributeStart, Document.AttributeEnd(_index) - Data.AttributeStart);
        public PolicyNodeList Children => new PolicyNodeList(Document, Data.ChildStart, Data.ChildCount);
        /// <summary>Trimmed text content of a leaf element; null when it has none.</summary>
        public string? Text => Data.Text;
        /// <summary>The text's first to last non-blank character in the source; empty at the file start when there is no text.</summary>
        public SourceSpan TextSpan => Data.Text == null ? Document.Span(0, 0) : Document.Span(Data.TextStart, Data.TextEnd);
        /// <summary>Offset just past the element's end tag (or its "/&gt;"); the element's whole extent ends here.</summary>
        public int EndOffset => Data.EndOffset;

        /// <summary>Position among the parent's element children (found in the parent's list: few rules ask).</summary>
        public int Index
        {
            get
            {
                int parent = Data.Parent;
                if (parent < 0) return 0;
                ref var siblings = ref Document.Nodes[parent];
                for (int i = 0; i < siblings.ChildCount; i++)
                    if (Document.ChildIndex[siblings.ChildStart + i] == _index) return i;
                return 0;
            }
        }

        public PolicyAttribute? Attribute(string name)
        {
            ref var data = ref Data;
            var attributes = Document.Attributes;
            for (int i = data.AttributeStart, end = Document.AttributeEnd(_index); i < end; i++)
            {
                if (string.Equals(Document.Names[attributes[i].Name], name, StringComparison.Ordinal))
                    return new PolicyAttribute(Document, _index, i);
            }
            return null;
        }

        /// <summary>The attribute's value, or null when absent.</summary>
        public string? this[string attributeName]
        {
            get
            {
                ref var data = ref Data;
                var attributes = Document.Attributes;
                for (int i = data.AttributeStart, end = Document.AttributeEnd(_index); i < end; i++)
                {
                    if (string.Equals(Document.Names[attributes[i].Name], attributeName, StringComparison.Ordinal))
                        return attributes[i].Value;
                }
                return null;
            }
        }

        public PolicyNode? Child(string name)
        {
            ref var data = ref Data;
            var nodes = Document.Nodes;
            var children = Document.ChildIndex;
            for (int i = data.ChildStart, end = i + data.ChildCount; i < end; i++)
            {
                if (string.Equals(Document.Names[nodes[children[i]].Name], name, StringComparison.Ordinal))
                    return new PolicyNode(Document, children[i]);
            }
            return null;
        }

        public PolicyNodePath ChildrenNamed(string name) => new PolicyNodePath(Document, _index, name);

        /// <summary>Follows a path of child names, e.g. Path("Metadata", "Item").</summary>
        public PolicyNodePath Path(params string[] names) => new PolicyNodePath(Document, _index, names);
        public PolicyNodePath Path(string name) => new PolicyNodePath(Document, _index, name);
        public PolicyNodePath Path(string name0, string name1) => new PolicyNodePath(Document, _index, name0, name1);
        public PolicyNodePath Path(string name0, string name1, string name2) => new PolicyNodePath(Document, _index, name0, name1, name2);

        /// <summary>Text of a child element, e.g. ChildText("DataUri").</summary>
        public string? ChildText(string name) => Child(name)?.Text;

        public bool IsNamed(string name) => string.Equals(Name, name, StringComparison.Ordinal);

        /// <summary>The nearest ancestor with the given name.</summary>
        public PolicyNode? Ancestor(string name)
        {
            var nodes = Document.Nodes;
            for (int p = Data.Parent; p >= 0; p = nodes[p].Parent)
                if (string.Equals(Document.Names[nodes[p].Name], name, StringComparison.Ordinal)) return new PolicyNode(Document, p);
            return null;
        }

        /// <summary>Every descendant, depth first: the elements stored after this one that are deeper.</summary>
        public IEnumerable<PolicyNode> Descendants()
        {
            var document = Document;
            int depth = Data.Depth;
            for (int i = _index + 1; i < document.NodeCount && document.Nodes[i].Depth > depth; i++)
                yield return new PolicyNode(document, i);
        }

        public bool Equals(PolicyNode other) => _index == other._index && ReferenceEquals(Document, other.Document);
        public override bool Equals(object? obj) => obj is PolicyNode other && Equals(other);
        public override int GetHashCode() => (Document?.GetHashCode() ?? 0) * 31 + _index;
        // No == operator on purpose: with one, "node == null" on a handle compiles and is always false.

        public override string ToString() => Document == null ? "<default>" : $"<{Name}> at {Document.FilePath}({StartTag.Start.Line + 1},{StartTag.Start.Character + 1})";
    }

    /// <summary>
    /// The elements at the end of a path of child names, depth first in document order. A struct with a struct
    /// enumerator, and paths of up to three names held without arrays: rules follow paths in their inner loops, and an
    /// iterator, its stack and the params array per call were a fifth of all allocation.
    /// </summary>
    public readonly struct PolicyNodePath : IEnumerable<PolicyNode>
    {
        private const int Inline = 3;
        private readonly PolicyDocument _document;
        private readonly int _start, _length;
        private readonly string? _name0, _name1, _name2;
        private readonly string[]? _names;

        internal PolicyNodePath(PolicyDocument document, int start, string[] names)
        {
            _document = document;
            _start = start;
            _length = names.Length;
            _names = names.Length > Inline ? names : null;
            _name0 = names.Length > 0 ? names[0] : null;
            _name1 = names.Length > 1 ? names[1] : null;
            _name2 = names.Length > 2 ? names[2] : null;
        }

        internal PolicyNodePath(PolicyDocument document, int start, string name0, string? name1 = null, string? name2 = null)
        {
            _document = document;
            _start = start;
            _length = name2 != null ? 3 : name1 != null ? 2 : 1;
            _names = null;
            _name0 = name0;
            _name1 = name1;
            _name2 = name2;
        }

        private string NameAt(int level) => _names != null ? _names[level] : level switch { 0 => _name0!, 1 => _name1!, _ => _name2! };

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<PolicyNode> IEnumerable<PolicyNode>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<PolicyNode>
        {
            private readonly PolicyNodePath _path;
            // Level k scans the children of node k from position k; levels past the inline ones live in an array.
            private int _node1, _node2, _position0, _position1, _position2;
            private int[]? _deeper;
            private int _level, _current;
            private bool _started;

            internal Enumerator(PolicyNodePath path)
            {
                _path = path;
                _node1 = _node2 = _position0 = _position1 = _position2 = _level = 0;
                _deeper = null;
                _current = -1;
                _started = false;
            }

            public PolicyNode Current => new PolicyNode(_path._document, _current);
            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                int length = _path._length;
                if (length == 0)
                {
                    if (_started) return false;
                    _started = true;
                    _current = _path._start;
                    return true;
                }
                if (!_started)
                {
                    _started = true;
                    if (length > Inline) _deeper = new int[(length - Inline) * 2];
                }
                var nodes = _path._document.Nodes;
                var names = _path._document.Names;
                var childIndex = _path._document.ChildIndex;
                int last = length - 1;
                while (true)
                {
                    ref var data = ref nodes[NodeAt(_level)];
                    int position = PositionAt(_level);
                    string name = _path.NameAt(_level);
                    int found = -1;
                    while (position < data.ChildCount)
                    {
                        int child = childIndex[data.ChildStart + position++];
                        if (string.Equals(names[nodes[child].Name], name, StringComparison.Ordinal)) { found = child; break; }
                    }
                    SetPosition(_level, position);
                    if (found < 0)
                    {
                        if (_level == 0) return false;
                        _level--;
                        continue;
                    }
                    if (_level == last) { _current = found; return true; }
                    _level++;
                    SetNode(_level, found);
                    SetPosition(_level, 0);
                }
            }

            private int NodeAt(int level) => level switch { 0 => _path._start, 1 => _node1, 2 => _node2, _ => _deeper![(level - Inline) * 2] };

            private void SetNode(int level, int node)
            {
                if (level == 1) _node1 = node;
                else if (level == 2) _node2 = node;
                else _deeper![(level - Inline) * 2] = node;
            }

            private int PositionAt(int level) => level switch { 0 => _position0, 1 => _position1, 2 => _position2, _ => _deeper![(level - Inline) * 2 + 1] };

            private void SetPosition(int level, int position)
            {
                if (level == 0) _position0 = position;
                else if (level == 1) _position1 = position;
                else if (level == 2) _position2 = position;
                else _deeper![(level - Inline) * 2 + 1] = position;
            }

            public void Reset() => this = new Enumerator(_path);
            public void Dispose() { }
        }
    }

    /// <summary>An element's children: a slice of its document's child index.</summary>
    public readonly struct PolicyNodeList : IReadOnlyList<PolicyNode>
    {
        private readonly PolicyDocument _document;
        private readonly int _start;

        internal PolicyNodeList(PolicyDocument document, int start, int count)
        {
            _document = document;
            _start = start;
            Count = count;
        }

        public int Count { get; }

        public PolicyNode this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                return new PolicyNode(_document, _document.ChildIndex[_start + index]);
            }
        }

        public ListEnumerator<PolicyNodeList, PolicyNode> GetEnumerator() => new ListEnumerator<PolicyNodeList, PolicyNode>(this);
        IEnumerator<PolicyNode> IEnumerable<PolicyNode>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>An element's attributes, in source order (namespace declarations left out).</summary>
    public readonly struct PolicyAttributeList : IReadOnlyList<PolicyAttribute>
    {
        private readonly PolicyDocument _document;
        private readonly int _owner, _start;

        internal PolicyAttributeList(PolicyDocument document, int owner, int start, int count)
        {
            _document = document;
            _owner = owner;
            _start = start;
            Count = count;
        }

        public int Count { get; }

        public PolicyAttribute this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                return new PolicyAttribute(_document, _owner, _start + index);
            }
        }

        /// <summary>The name of the attribute at the index, without making the attribute.</summary>
        public string NameAt(int index)
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _document.Names[_document.Attributes[_start + index].Name];
        }

        /// <summary>The value of the attribute at the index, without making the attribute.</summary>
        public string ValueAt(int index)
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _document.Attributes[_start + index].Value;
        }

        public ListEnumerator<PolicyAttributeList, PolicyAttribute> GetEnumerator() => new ListEnumerator<PolicyAttributeList, PolicyAttribute>(this);
        IEnumerator<PolicyAttribute> IEnumerable<PolicyAttribute>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// An attribute, made when asked for from its document's attribute array (a class, not a handle, so that a
    /// missing attribute is plain null and its Value is the attribute's value). Two instances for the same
    /// attribute are equal.
    /// </summary>
    public sealed class PolicyAttribute : IEquatable<PolicyAttribute>
    {
        private readonly PolicyDocument _document;
        private readonly int _owner, _index;

        internal PolicyAttribute(PolicyDocument document, int owner, int index)
        {
            _document = document;
            _owner = owner;
            _index = index;
        }

        private ref AttributeData Data => ref _document.Attributes[_index];
        public PolicyNode Owner => new PolicyNode(_document, _owner);
        public string Name => _document.Names[Data.Name];
        public string Value => Data.Value;
        public SourceSpan NameSpan => _document.Span(Data.NameStart, Data.NameStart + Name.Length);
        /// <summary>The value between the quotes.</summary>
        public SourceSpan ValueSpan => _document.Span(Data.ValueStart, Data.ValueEnd);
        internal int ValueEnd => Data.ValueEnd;

        public bool Equals(PolicyAttribute? other) => other != null && _index == other._index && ReferenceEquals(_document, other._document);
        public override bool Equals(object? obj) => Equals(obj as PolicyAttribute);
        public override int GetHashCode() => _document.GetHashCode() * 31 + _index;

        public override string ToString() => $"{Name}=\"{Value}\"";
    }

    /// <summary>
    /// One element as its document stores it: 56 bytes (its position among its siblings is looked up, not stored). Its attributes run from AttributeStart to the next element's
    /// AttributeStart (attributes are stored in element order); its namespace is an index into the document's list.
    /// </summary>
    internal struct NodeData
    {
        public string? Text;
        /// <summary>Index into the document's <see cref="PolicyDocument.Names"/>.</summary>
        public int Name;
        public int Namespace;
        public int Parent;
        public int Depth;
        public int ChildStart, ChildCount;
        public int AttributeStart;
        public int TagStart, TagEnd;
        public int TextStart, TextEnd;
        public int EndOffset;
    }

    /// <summary>One attribute as its document stores it: 24 bytes.</summary>
    internal struct AttributeData
    {
        public string Value;
        /// <summary>Index into the document's <see cref="PolicyDocument.Names"/>.</summary>
        public int Name;
        public int NameStart, ValueStart, ValueEnd;
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
