using System;
using System.Collections;
using System.Collections.Generic;

namespace PolicyLint.Model
{
    /// <summary>
    /// A read-only list of elements over an array, with a struct enumerator: merged lists are walked in the rules' inner
    /// loops, and a foreach over an IReadOnlyList boxes its enumerator every time.
    /// </summary>
    public readonly struct PolicyNodes : IReadOnlyList<PolicyNode>
    {
        public static readonly PolicyNodes Empty = new PolicyNodes(Array.Empty<PolicyNode>());

        private readonly PolicyNode[]? _items;
        private readonly int _start, _count;

        /// <summary>Takes the array (exactly sized) as it is: the caller gives it up.</summary>
        internal PolicyNodes(PolicyNode[] items) : this(items, 0, items.Length)
        {
        }

        /// <summary>A slice of an array the caller gives up: a file's declarations of one kind share one array.</summary>
        internal PolicyNodes(PolicyNode[] items, int start, int count)
        {
            _items = items;
            _start = start;
            _count = count;
        }

        public static PolicyNodes From(List<PolicyNode> list) => list.Count == 0 ? Empty : new PolicyNodes(list.ToArray());

        public int Count => _count;

        public PolicyNode this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                return _items![_start + index];
            }
        }

        public ListEnumerator<PolicyNodes, PolicyNode> GetEnumerator() => new ListEnumerator<PolicyNodes, PolicyNode>(this);
        IEnumerator<PolicyNode> IEnumerable<PolicyNode>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
