using System;
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
        public string? Text
        {
            get
            {
                int text = Data.Text;
                return text == 0 ? null : Document.Texts[text - 1];
            }
        }
        /// <summary>The text's first to last non-blank character in the source; empty at the file start when there is no text.</summary>
        public SourceSpan TextSpan => Data.Text == 0 ? Document.Span(0, 0) : Document.Span(Data.TextStart, Data.TextEnd);
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
            int at = FindAttribute(name);
            return at < 0 ? null : new PolicyAttribute(Document, _index, at);
        }

        /// <summary>The attribute's value, or null when absent.</summary>
        public string? this[string attributeName]
        {
            get
            {
                int at = FindAttribute(attributeName);
                return at < 0 ? null : Document.AttributeValues[at];
            }
        }

        /// <summary>The attribute's place in the document's attribute array, or -1.</summary>
        private int FindAttribute(string name)
        {
            var attributes = Document.Attributes;
            for (int i = Data.AttributeStart, end = Document.AttributeEnd(_index); i < end; i++)
            {
                if (string.Equals(Document.Names[attributes[i].Name], name, StringComparison.Ordinal)) return i;
            }
            return -1;
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
}
