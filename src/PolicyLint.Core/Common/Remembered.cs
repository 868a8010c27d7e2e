using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace PolicyLint.Common
{
    /// <summary>
    /// The answers of pure functions of a string, remembered for the values every build repeats (metadata keys, claim names):
    /// a table per function, bounded (see <see cref="BoundedCache{TValue}"/>), kept for the process since the answer is the
    /// same in every build. Rules ask here rather than keep a cache of their own.
    /// </summary>
    internal static class Remembered
    {
        private static readonly ConcurrentDictionary<MethodInfo, BoundedCache<bool>> Tables = new ConcurrentDictionary<MethodInfo, BoundedCache<bool>>();

        /// <summary>The function's answer for the value; the function must be a static method (a closure's answers would depend on what it captured).</summary>
        public static bool Answer(Func<string, bool> function, string value)
        {
            if (function.Target != null) throw new ArgumentException("Only a static method's answers are remembered.", nameof(function));
            var method = function.Method;
            if (!Tables.TryGetValue(method, out var table)) table = Tables.GetOrAdd(method, _ => new BoundedCache<bool>(function));
            return table.Get(value);
        }
    }
}
