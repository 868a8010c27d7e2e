using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyLint.Common
{
    /// <summary>
    /// Regular expressions that come from data (the schema's pattern facets, a catalog's documented URLs): each compiled
    /// once per process with <see cref="RegexGuard"/>'s limits, and its answers for the values a build repeats in every
    /// file remembered (bounded, see <see cref="BoundedCache{TValue}"/>). Rules ask here rather than keep patterns of their own.
    /// </summary>
    internal static class CompiledPatterns
    {
        private static readonly BoundedCache<Matcher> Matchers = new BoundedCache<Matcher>(pattern => new Matcher(pattern), new PatternComparer());

        /// <summary>Whether the value matches the pattern (culture-invariant); <paramref name="onTimeout"/> when no decision.</summary>
        public static bool IsMatch(string pattern, string value, bool onTimeout = false) => Matchers.Get(pattern).Answers.Get(value) ?? onTimeout;

        /// <summary>
        /// Patterns are few and long, and one is looked up for every value checked: hashed by their length and three
        /// characters rather than by every character, compared in full.
        /// </summary>
        private sealed class PatternComparer : IEqualityComparer<string>
        {
            public bool Equals(string? a, string? b) => string.Equals(a, b, System.StringComparison.Ordinal);

            public int GetHashCode(string s)
                => s.Length == 0 ? 0 : unchecked(((s.Length * 31 + s[0]) * 31 + s[s.Length / 2]) * 31 + s[s.Length - 1]);
        }

        private sealed class Matcher
        {
            public Matcher(string pattern)
            {
                var regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexGuard.Limit);
                Answers = new BoundedCache<bool?>(value => RegexGuard.Decide(regex, value));
            }

            public BoundedCache<bool?> Answers { get; }
        }
    }
}
