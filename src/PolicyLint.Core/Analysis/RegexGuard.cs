using System;
using System.Text.RegularExpressions;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// Every regex over policy values runs with a time limit: values come from untrusted pull requests and can be
    /// hundreds of kilobytes long, where a backtracking pattern would hang the build. A timeout counts as "no decision".
    /// </summary>
    public static class RegexGuard
    {
        public static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(200);

        public static bool IsMatch(Regex regex, string value, bool onTimeout = false)
        {
            try { return regex.IsMatch(value); }
            catch (RegexMatchTimeoutException) { return onTimeout; }
        }

        public static Match Match(Regex regex, string value)
        {
            try { return regex.Match(value); }
            catch (RegexMatchTimeoutException) { return System.Text.RegularExpressions.Match.Empty; }
        }
    }
}
