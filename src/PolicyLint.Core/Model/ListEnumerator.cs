using System.Collections;
using System.Collections.Generic;

namespace PolicyLint.Model
{
    /// <summary>
    /// The struct enumerator of the model's list structs (children, attributes, merged lists): foreach over them
    /// allocates nothing, where a foreach over an IReadOnlyList boxes its enumerator every time.
    /// </summary>
    public struct ListEnumerator<TList, T> : IEnumerator<T> where TList : struct, IReadOnlyList<T>
    {
        private readonly TList _list;
        private int _next;

        internal ListEnumerator(TList list)
        {
            _list = list;
            _next = -1;
        }

        public T Current => _list[_next];
        object? IEnumerator.Current => Current;
        public bool MoveNext() => ++_next < _list.Count;
        public void Reset() => _next = -1;
        public void Dispose() { }
    }
}
