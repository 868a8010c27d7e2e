using System;
using System.Collections.Generic;

namespace PolicyLint.Resolution
{
    /// <summary>One value per type, computed on first use: the shared state of a policy, a resolution scope or a build.</summary>
    internal sealed class StateByType<TOwner>
    {
        private readonly TOwner _owner;
        private readonly Dictionary<Type, object> _values = new Dictionary<Type, object>();

        public StateByType(TOwner owner) => _owner = owner;

        /// <summary>
        /// Safe from several threads (a build's state is shared by the scopes analyzed in parallel). The value is made
        /// outside the lock, so a maker that asks for other state cannot deadlock; when two threads race, the first stored wins.
        /// </summary>
        public T GetOrAdd<T>(Func<TOwner, T> create) where T : class
        {
            lock (_values)
            {
                if (_values.TryGetValue(typeof(T), out var known)) return (T)known;
            }
            var value = create(_owner);
            lock (_values)
            {
                if (_values.TryGetValue(typeof(T), out var known)) return (T)known;
                _values[typeof(T)] = value;
                return value;
            }
        }
    }
}
