using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PolicyLint.Common
{
    /// <summary>
    /// Remembers a pure function of a string for the values a build repeats in every file (handlers, metadata keys, Ids),
    /// up to a fixed number of entries, so that odd input cannot grow it. Safe across threads and builds.
    /// </summary>
    internal sealed class BoundedCache<TValue>
    {
        private const int MaxEntries = 4096;
        private readonly ConcurrentDictionary<string, TValue> _known;
        private readonly Func<string, TValue> _compute;

        public BoundedCache(Func<string, TValue> compute, IEqualityComparer<string>? comparer = null)
        {
            _compute = compute;
            _known = new ConcurrentDictionary<string, TValue>(comparer ?? StringComparer.Ordinal);
        }

        public TValue Get(string key)
        {
            if (_known.TryGetValue(key, out var value)) return value;
            value = _compute(key);
            if (_known.Count < MaxEntries) _known.TryAdd(key, value);
            return value;
        }
    }
}
