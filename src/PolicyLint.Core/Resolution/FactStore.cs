using System;
using System.Collections.Generic;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// The values of facts (Analysis/Facts.cs) computed for one owner: a policy being analyzed, a resolution scope or a
    /// build. Each value lives as long as its owner. Only the engine reads and fills it: a rule asks its context for a fact.
    /// </summary>
    internal sealed class FactStore
    {
        private Dictionary<object, object>? _values;

        /// <summary>The fact's value, computed from the owner on first use; a fact is its own key.</summary>
        internal T GetOrAdd<TOwner, T>(object fact, TOwner owner, Func<TOwner, T> create) where T : class
        {
            _values ??= new Dictionary<object, object>();
            if (_values.TryGetValue(fact, out var value)) return (T)value;
            var created = create(owner);
            _values[fact] = created;
            return created;
        }
    }
}
