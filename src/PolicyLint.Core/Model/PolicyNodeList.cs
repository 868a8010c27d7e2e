using System;
using System.Collections;
using System.Collections.Generic;

namespace PolicyLint.Model
{
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
            return _document.AttributeValues[_start + index];
        }

        public ListEnumerator<PolicyAttributeList, PolicyAttribute> GetEnumerator() => new ListEnumerator<PolicyAttributeList, PolicyAttribute>(this);
        IEnumerator<PolicyAttribute> IEnumerable<PolicyAttribute>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
