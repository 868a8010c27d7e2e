using System;
using System.Collections;
using System.Collections.Generic;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// A merged profile's items by key (Metadata by Key, CryptographicKeys by Id), the last declaration winning, in the
    /// order keys first appear. A profile has a handful: two arrays searched in order cost a third of a dictionary's
    /// memory, and every profile of every scope has them. Past <see cref="MaxSearched"/> items a dictionary takes over,
    /// so a profile with thousands stays linear.
    /// </summary>
    internal sealed class KeyedItems : IReadOnlyDictionary<string, PolicyNode>
    {
        public static readonly KeyedItems None = new KeyedItems(Array.Empty<string>(), Array.Empty<PolicyNode>(), 0, null);

        private const int MaxSearched = 16;
        private readonly string[] _keys;
        private readonly PolicyNode[] _items;
        private readonly int _count;
        private readonly Dictionary<string, int>? _index;

        private KeyedItems(string[] keys, PolicyNode[] items, int count, Dictionary<string, int>? index)
        {
            _keys = keys;
            _items = items;
            _count = count;
            _index = index;
        }

        /// <summary>The items of <paramref name="listName"/>/<paramref name="itemName"/> in every part, keyed by <paramref name="keyAttribute"/> (case-sensitive).</summary>
        public static KeyedItems Of(PolicyNodes parts, string listName, string itemName, string keyAttribute)
        {
            int total = 0;
            foreach (var part in parts)
                foreach (var item in part.Path(listName, itemName))
                    if (item[keyAttribute] != null) total++;
            if (total == 0) return None;
            var keys = new string[total];
            var items = new PolicyNode[total];
            int count = 0;
            // Past MaxSearched items the map that finds repeats here is the one lookups use.
            Dictionary<string, int>? seen = total > MaxSearched ? new Dictionary<string, int>(total, StringComparer.Ordinal) : null;
            foreach (var part in parts)
                foreach (var item in part.Path(listName, itemName))
                {
                    string? key = item[keyAttribute];
                    if (key == null) continue;
                    int at = seen != null ? (seen.TryGetValue(key, out int found) ? found : -1) : Array.IndexOf(keys, key, 0, count);
                    if (at >= 0)
                    {
                        items[at] = item;
                        continue;
                    }
                    seen?.Add(key, count);
                    keys[count] = key;
                    items[count++] = item;
                }
            return new KeyedItems(keys, items, count, seen);
        }

        private int IndexOf(string key)
        {
            if (_index != null) return _index.TryGetValue(key, out int at) ? at : -1;
            for (int i = 0; i < _count; i++)
                if (string.Equals(_keys[i], key, StringComparison.Ordinal)) return i;
            return -1;
        }

        public int Count => _count;
        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, out PolicyNode value)
        {
            int at = IndexOf(key);
            value = at >= 0 ? _items[at] : default;
            return at >= 0;
        }

        public PolicyNode this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No item with key '{key}'.");

        public IEnumerable<string> Keys
        {
            get
            {
                for (int i = 0; i < _count; i++) yield return _keys[i];
            }
        }

        public IEnumerable<PolicyNode> Values
        {
            get
            {
                for (int i = 0; i < _count; i++) yield return _items[i];
            }
        }

        public IEnumerator<KeyValuePair<string, PolicyNode>> GetEnumerator()
        {
            for (int i = 0; i < _count; i++) yield return new KeyValuePair<string, PolicyNode>(_keys[i], _items[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
