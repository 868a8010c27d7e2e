using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;

namespace PolicyLint.Catalogs.Schema
{
    /// <summary>
    /// The allowed values of an attribute or of an element's text: an enumeration, a pattern or an XSD built-in
    /// (xs:boolean, xs:int). Patterns are compiled once, when the schema is built.
    /// </summary>
    public sealed class SimpleType
    {
        private readonly Func<string, bool> _isValid;

        private SimpleType(string name, string expectation, Func<string, bool> isValid, IReadOnlyList<string>? values)
        {
            Name = name;
            Expectation = expectation;
            _isValid = isValid;
            Values = values;
        }

        /// <summary>The XSD's name for the type (DataType, TenantId, xs:boolean).</summary>
        public string Name { get; }
        /// <summary>What a valid value looks like, for messages ("one of: a, b, c").</summary>
        public string Expectation { get; }
        /// <summary>The enumeration, for did-you-mean hints; null for patterns.</summary>
        public IReadOnlyList<string>? Values { get; }
        /// <summary>Set when another rule owns the check (the value is in the table for completeness only).</summary>
        public string? ReportedBy { get; private set; }

        public bool IsValid(string value) => _isValid(value);

        public static SimpleType Enumeration(string name, params string[] values)
        {
            var set = new HashSet<string>(values, StringComparer.Ordinal);
            return new SimpleType(name, "one of " + string.Join(", ", values), set.Contains, values);
        }

        /// <summary>An XSD pattern facet: the whole value must match (written here with \A and \z).</summary>
        public static SimpleType Pattern(string name, string regex, string expectation)
        {
            var compiled = new Regex(regex, RegexOptions.CultureInvariant, PolicyLint.Common.RegexGuard.Limit);
            // Ids and references repeat across every file of a build: each distinct value is matched once.
            var known = new PolicyLint.Common.BoundedCache<bool>(v => PolicyLint.Common.RegexGuard.IsMatch(compiled, v, onTimeout: true));
            return new SimpleType(name, expectation, known.Get, null);
        }

        public static SimpleType Custom(string name, string expectation, Func<string, bool> isValid)
            => new SimpleType(name, expectation, isValid, null);

        internal SimpleType OwnedBy(string ruleId)
            => new SimpleType(Name, Expectation, _isValid, Values) { ReportedBy = ruleId };

        /// <summary>xs:boolean: true, false, 1, 0 (surrounding white space collapsed).</summary>
        public static readonly SimpleType Boolean = Custom("xs:boolean", "true or false", v =>
        {
            var t = v.Trim();
            return t == "true" || t == "false" || t == "1" || t == "0";
        });

        /// <summary>xs:int: a 32-bit signed integer.</summary>
        public static readonly SimpleType Int = Custom("xs:int", "a whole number", v =>
            int.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

        /// <summary>xs:integer: any whole number.</summary>
        public static readonly SimpleType Integer = Custom("xs:integer", "a whole number", v =>
        {
            var t = v.Trim();
            int start = t.Length > 0 && (t[0] == '+' || t[0] == '-') ? 1 : 0;
            return t.Length > start && t.Skip(start).All(c => c >= '0' && c <= '9');
        });

        public override string ToString() => Name;
    }
}
