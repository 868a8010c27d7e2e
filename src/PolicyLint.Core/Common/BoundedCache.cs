using System;
using System.Collections.Concurrent;

namespace PolicyLint.Common
{
    /// <summary>
    /// Remembers a pure function of a string for the values a build repeats in every file (handlers, metadata keys, Ids),
    /// up to a fixed number of entries, so that odd input cannot grow it. Safe across threads and builds.
    /// </summary>
    internal sealed class BoundedCache<TValue>
    {
        private const int MaxEntries = 4096;
        private readonly ConcurrentDictionary<string, TValue> _known = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
        private readonly Func<string, TValue> _compute;

        public BoundedCache(Func<string, TValue> compute) => _compute = compute;

        public TValue Get(string key)
        {
            if (_known.TryGetValue(key, out var value)) return value;
            value = _compute(key);
            if (_known.Count < MaxEntries) _known.TryAdd(key, value);
            return value;
        }
    }
}
