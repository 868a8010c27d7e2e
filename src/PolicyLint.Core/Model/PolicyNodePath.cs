using System;
using System.Collections;
using System.Collections.Generic;

namespace PolicyLint.Model
{
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

        // The LINQ calls rules make on paths, as members: LINQ would box the path and its enumerator on every call.
        public bool Any()
        {
            var e = GetEnumerator();
            return e.MoveNext();
        }

        public bool Any(Func<PolicyNode, bool> predicate)
        {
            foreach (var node in this)
                if (predicate(node)) return true;
            return false;
        }

        public int Count()
        {
            int count = 0;
            for (var e = GetEnumerator(); e.MoveNext();) count++;
            return count;
        }

        public List<PolicyNode> ToList()
        {
            var list = new List<PolicyNode>();
            foreach (var node in this) list.Add(node);
            return list;
        }
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
}
