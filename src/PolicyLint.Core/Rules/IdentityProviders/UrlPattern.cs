using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>
    /// Compares an endpoint value with a documented URL by host and path: the scheme (PL7005's business),
    /// the query string and a trailing slash do not count; a {name} part of the documented URL stands for
    /// one host label sequence or path segment (a tenant, an environment Id).
    /// </summary>
    public static class UrlPattern
    {
        /// <summary>"host/path" in lower case, or null when the value is not an absolute http(s) URL.</summary>
        public static string? Normalize(string? value)
        {
            if (value == null) return null;
            string v = value.Trim();
            int scheme = v.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0) return null;
            string prefix = v.Substring(0, scheme);
            if (!prefix.Equals("https", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("http", StringComparison.OrdinalIgnoreCase)) return null;
            v = v.Substring(scheme + 3);
            int cut = v.IndexOfAny(new[] { '?', '#' });
            if (cut >= 0) v = v.Substring(0, cut);
            v = v.TrimEnd('/');
            return v.Length == 0 ? null : v.ToLowerInvariant();
        }

        /// <summary>The host of a normalized URL, without a port.</summary>
        public static string Host(string normalized)
        {
            int slash = normalized.IndexOf('/');
            string host = slash < 0 ? normalized : normalized.Substring(0, slash);
            int colon = host.IndexOf(':');
            return colon < 0 ? host : host.Substring(0, colon);
        }

        public static bool Matches(string? value, string documented)
        {
            string? normalized = Normalize(value);
            return normalized != null && PolicyLint.Common.CompiledPatterns.IsMatch(PatternOf(documented), normalized);
        }

        /// <summary>The regular expression a documented URL stands for (compiled once, by CompiledPatterns).</summary>
        private static string PatternOf(string documented)
        {
            string p = Normalize(documented) ?? documented.ToLowerInvariant();
            var sb = new StringBuilder("^");
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] == '{')
                {
                    int close = p.IndexOf('}', i);
                    if (close > i)
                    {
                        sb.Append("[^/]+");
                        i = close;
                        continue;
                    }
                }
                sb.Append(Regex.Escape(p[i].ToString()));
            }
            sb.Append('$');
            return sb.ToString();
        }
    }
}
