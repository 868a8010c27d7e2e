using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Common;

namespace PolicyLint.Rules.Files
{
    /// <summary>Whether a value belongs to a schema <see cref="SimpleType"/>; each pattern is compiled once, on first use.</summary>
    public static class SimpleTypeCheck
    {
        // One matcher per schema type (a fixed set): ids and references repeat across every file of a build, so each
        // distinct value is matched once.
        private static readonly ConcurrentDictionary<SimpleType, BoundedCache<bool>> Patterns = new ConcurrentDictionary<SimpleType, BoundedCache<bool>>();
        // Enumerations such as the handler or culture lists are long, and every value of every file is looked up.
        private static readonly ConcurrentDictionary<SimpleType, System.Collections.Generic.HashSet<string>> Enumerations =
            new ConcurrentDictionary<SimpleType, System.Collections.Generic.HashSet<string>>();

        public static bool IsValid(this SimpleType type, string value)
        {
            switch (type.Kind)
            {
                case SimpleTypeKind.Enumeration:
                    return Enumerations.GetOrAdd(type, t => new System.Collections.Generic.HashSet<string>(t.Values!, StringComparer.Ordinal)).Contains(value);
                case SimpleTypeKind.Pattern:
                    return Patterns.GetOrAdd(type, Compile).Get(value);
                case SimpleTypeKind.Boolean:
                {
                    var t = value.Trim();
                    return t == "true" || t == "false" || t == "1" || t == "0";
                }
                case SimpleTypeKind.Int:
                    return int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                case SimpleTypeKind.Integer:
                {
                    var t = value.Trim();
                    int start = t.Length > 0 && (t[0] == '+' || t[0] == '-') ? 1 : 0;
                    return t.Length > start && t.Skip(start).All(c => c >= '0' && c <= '9');
                }
                case SimpleTypeKind.Length:
                    return value.Length >= type.MinLength && value.Length <= type.MaxLength;
                default:
                    return true;
            }
        }

        private static BoundedCache<bool> Compile(SimpleType type)
        {
            var compiled = new Regex(type.Pattern!, RegexOptions.CultureInvariant, RegexGuard.Limit);
            return new BoundedCache<bool>(v => RegexGuard.IsMatch(compiled, v, onTimeout: true));
        }
    }
}
