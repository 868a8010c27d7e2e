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

        public T GetOrAdd<T>(Func<TOwner, T> create) where T : class
        {
            if (!_values.TryGetValue(typeof(T), out var value)) _values[typeof(T)] = value = create(_owner);
            return (T)value;
        }
    }
}
