using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Common
{
    /// <summary>Finds the nearest candidate name for a "did you mean" hint.</summary>
    public static class DidYouMean
    {
        /// <summary>Values longer than this get no hint.</summary>
        public const int MaxLength = 256;

        /// <summary>The closest candidate within a third of the value's length (at least 1 edit), or null.</summary>
        public static string? Nearest(string value, IEnumerable<string> candidates)
            => Closest(value, candidates, Math.Max(1, value.Length / 3));

        /// <summary>The candidate nearest the value within <paramref name="limit"/> edits (ties: the first in ordinal order), or null.</summary>
        private static string? Closest(string value, IEnumerable<string> candidates, int limit)
        {
            // Names are short; comparing two huge values would cost their lengths multiplied (a hang on hostile input).
            if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return null;
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, value, StringComparison.Ordinal)) continue;
                if (Math.Abs(candidate.Length - value.Length) > limit) continue;
                int d = Distance(value, candidate, limit);
                if (d <= limit && (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
                {
                    best = candidate;
                    bestDistance = d;
                }
            }
            return best;
        }

        /// <summary>The nearest candidate when it is the only one within reach (a fix can then name it), else null.</summary>
        public static string? Only(string value, IEnumerable<string> candidates)
        {
            string? nearest = Nearest(value, candidates);
            if (nearest == null) return null;
            var others = new List<string>();
            foreach (var candidate in candidates)
                if (!string.Equals(candidate, nearest, StringComparison.Ordinal)) others.Add(candidate);
            return Nearest(value, others) == null ? nearest : null;
        }

        /// <summary>" Did you mean 'x'?" or empty: ready to append to a message.</summary>
        public static string Hint(string value, IEnumerable<string> candidates)
        {
            string? nearest = Nearest(value, candidates);
            return nearest == null ? string.Empty : $" Did you mean '{nearest}'?";
        }

        /// <summary>
        /// The known name the value is a plain typo of: the same but for case, or one or two letters off (one for names
        /// of up to five letters). Stricter than <see cref="Nearest"/>: a shared prefix or a similar shape is not a typo
        /// (AddItemToUserIdentityCollection is not AddItemToStringCollection mistyped). Null when none.
        /// </summary>
        public static string? Typo(string value, IEnumerable<string> candidates)
            => Closest(value, candidates, value.Length <= 5 ? 1 : 2);

        /// <summary>
        /// How to report a name missing from a catalog of B2C names: a typo of a known name is an error with the hint;
        /// any other name may be a real name the docs omit, so it is a warning without a hint.
        /// </summary>
        public static (DiagnosticSeverity Severity, string Hint) JudgeUnknown(string value, IEnumerable<string> candidates)
        {
            string? typo = Typo(value, candidates);
            return typo == null ? (DiagnosticSeverity.Warning, string.Empty) : (DiagnosticSeverity.Error, $" Did you mean '{typo}'?");
        }

        /// <summary>Case-insensitive Damerau-style edit distance, stopping early past the limit.</summary>
        public static int Distance(string a, string b, int limit = int.MaxValue)
        {
            int n = a.Length, m = b.Length;
            var prev2 = new int[m + 1];
            var prev = new int[m + 1];
            var cur = new int[m + 1];
            for (int j = 0; j <= m; j++) prev[j] = j;
            for (int i = 1; i <= n; i++)
            {
                cur[0] = i;
                int rowMin = cur[0];
                char ca = char.ToLowerInvariant(a[i - 1]);
                for (int j = 1; j <= m; j++)
                {
                    char cb = char.ToLowerInvariant(b[j - 1]);
                    int cost = ca == cb ? 0 : 1;
                    int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && ca == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == cb)
                        v = Math.Min(v, prev2[j - 2] + 1);
                    cur[j] = v;
                    if (v < rowMin) rowMin = v;
                }
                if (rowMin > limit) return rowMin;
                var t = prev2; prev2 = prev; prev = cur; cur = t;
            }
            return prev[m];
        }
    }
}
