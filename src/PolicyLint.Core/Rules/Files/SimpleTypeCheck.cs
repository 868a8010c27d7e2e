using System;
using System.Globalization;
using System.Linq;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Common;

namespace PolicyLint.Rules.Files
{
    /// <summary>Whether a value belongs to a schema <see cref="SimpleType"/>; patterns are compiled once, on first use (CompiledPatterns).</summary>
    public static class SimpleTypeCheck
    {
        public static bool IsValid(this SimpleType type, string value)
        {
            switch (type.Kind)
            {
                case SimpleTypeKind.Enumeration:
                    return type.ValueSet!.Contains(value);
                case SimpleTypeKind.Pattern:
                    // Ids and references repeat across every file of a build: each distinct value is matched once.
                    return CompiledPatterns.IsMatch(type.Pattern!, value, onTimeout: true);
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
    }
}
