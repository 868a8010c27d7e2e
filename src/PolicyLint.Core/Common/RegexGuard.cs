using System;
using System.Text.RegularExpressions;

namespace PolicyLint.Common
{
    /// <summary>
    /// Every regex over policy values runs with a time limit: values come from untrusted pull requests and can be
    /// hundreds of kilobytes long, where a backtracking pattern would hang the build. Values longer than MaxInput are
    /// not matched at all (deterministic: the fuzzer found that a time limit alone made output depend on load);
    /// the time limit stays as a last guard. Either counts as "no decision".
    /// </summary>
    public static class RegexGuard
    {
        public static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(200);
        public const int MaxInput = 4096;

        public static bool IsMatch(Regex regex, string value, bool onTimeout = false) => Decide(regex, value) ?? onTimeout;

        /// <summary>Whether the value matches; null when no decision (a value too long, or the time limit).</summary>
        public static bool? Decide(Regex regex, string value)
        {
            if (value.Length > MaxInput) return null;
            try { return regex.IsMatch(value); }
            catch (RegexMatchTimeoutException) { return null; }
        }

        public static Match Match(Regex regex, string value, int start = 0)
        {
            if (value.Length > MaxInput) return System.Text.RegularExpressions.Match.Empty;
            try { return regex.Match(value, start); }
            catch (RegexMatchTimeoutException) { return System.Text.RegularExpressions.Match.Empty; }
        }
    }
}
