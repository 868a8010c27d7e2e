using System;
using System.Collections.Generic;

namespace PolicyLint.Analysis.Flow
{
    /// <summary>Claim type Ids numbered in the order a claim flow meets them (case-insensitively, as the service matches them).</summary>
    internal sealed class ClaimNumbers
    {
        private readonly Dictionary<string, int> _numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _names = new List<string>();

        public int Of(string claim)
        {
            if (!_numbers.TryGetValue(claim, out int number))
            {
                number = _names.Count;
                _numbers[claim] = number;
                _names.Add(claim);
            }
            return number;
        }

        /// <summary>The number of a claim met before, or -1.</summary>
        public int Find(string claim) => _numbers.TryGetValue(claim, out int number) ? number : -1;

        public string NameOf(int number) => _names[number];

        /// <summary>How many claims are numbered so far.</summary>
        public int Count => _names.Count;
    }

    /// <summary>A set of claims as bits over <see cref="ClaimNumbers"/>: a union is a few words OR-ed together.</summary>
    internal sealed class ClaimSet
    {
        private readonly ClaimNumbers _numbers;
        private ulong[] _bits;
        private List<string>? _names;

        /// <summary>Sized for the claims numbered so far (and a few more), so that most sets never grow.</summary>
        public ClaimSet(ClaimNumbers numbers)
            : this(numbers, (numbers.Count + 16 >> 6) + 1)
        {
        }

        private ClaimSet(ClaimNumbers numbers, int words)
        {
            _numbers = numbers;
            _bits = new ulong[words];
        }

        public void Add(string claim) => Add(_numbers.Of(claim));

        public void Add(int number)
        {
            int word = number >> 6;
            if (word >= _bits.Length) Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
            _bits[word] |= 1UL << (number & 63);
            _names = null;
        }

        public bool Contains(int number)
        {
            int word = number >> 6;
            return word < _bits.Length && (_bits[word] & (1UL << (number & 63))) != 0;
        }

        public bool Contains(string claim)
        {
            int number = _numbers.Find(claim);
            return number >= 0 && Contains(number);
        }

        public void UnionWith(ClaimSet other)
        {
            var theirs = other._bits;
            if (theirs.Length > _bits.Length) Array.Resize(ref _bits, theirs.Length);
            for (int i = 0; i < theirs.Length; i++) _bits[i] |= theirs[i];
            _names = null;
        }

        public void Clear()
        {
            Array.Clear(_bits, 0, _bits.Length);
            _names = null;
        }

        public ClaimSet Copy()
        {
            var copy = new ClaimSet(_numbers, _bits.Length);
            Array.Copy(_bits, copy._bits, _bits.Length);
            return copy;
        }

        /// <summary>The claims' Ids (as first met), for messages and hints; made when asked.</summary>
        public IReadOnlyList<string> Names()
        {
            if (_names != null) return _names;
            var names = new List<string>();
            for (int word = 0; word < _bits.Length; word++)
                for (ulong bits = _bits[word]; bits != 0; bits &= bits - 1)
                    names.Add(_numbers.NameOf(word * 64 + TrailingZeros(bits)));
            return _names = names;
        }

        private static int TrailingZeros(ulong value)
        {
            int n = 0;
            while ((value & 1) == 0) { value >>= 1; n++; }
            return n;
        }
    }
}
