using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyLint.Common
{
    /// <summary>
    /// The shapes of tokens that a deployment tool replaces before the upload: ieftool's <c>{{ tenantId }}</c>,
    /// Azure DevOps' replace-tokens <c>#{Tenant}#</c> and <c>__Tenant__</c>, envsubst's <c>${TENANT}</c>, IEFPolicies'
    /// <c>{AADSecret}</c>. A shape is written with <c>NAME</c> where the token's name stands. The shape <c>{NAME}</c>
    /// (single braces) matches a whole value only: inside a value, single braces are the service's own
    /// (a REST ServiceUrl's <c>{email}</c>, the starter pack's <c>login.microsoftonline.com/{tenant}</c>).
    /// {Settings:Key} (the B2C extension's) and claim resolvers ({Context:...}, {OIDC:...}) are not shapes of this
    /// set: the first is substituted per environment, the second are resolved by the service.
    /// </summary>
    public sealed class DeployTokens
    {
        /// <summary>The built-in shapes (PolicyLintTokenPatterns when it is empty, or where it says "default").</summary>
        public const string DefaultShapes = "{{NAME}};#{NAME}#;__NAME__;${NAME};{NAME}";

        public const string NamePlaceholder = "NAME";

        public static readonly DeployTokens Default = Parse(null);

        // A name: a letter (or a dot, Go templates' "{{ .Tenant }}") then letters, digits, '_', '.', '-'.
        private const string NamePattern = @"[A-Za-z.][A-Za-z0-9_.\-]*?";

        private readonly Shape[] _shapes;

        private DeployTokens(Shape[] shapes) => _shapes = shapes;

        /// <summary>The shapes recognised, as written ("{{NAME}}").</summary>
        public IReadOnlyList<string> Shapes => _shapes.Select(s => s.Text).ToList();

        /// <summary>
        /// The set PolicyLintTokenPatterns describes: shapes separated by ';', "default" for the built-in shapes,
        /// "none" for no shape. Empty means the built-in shapes. An entry without NAME, or with nothing around it, is ignored.
        /// </summary>
        public static DeployTokens Parse(string? property)
        {
            var shapes = new List<Shape>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string text = string.IsNullOrWhiteSpace(property) ? DefaultShapes : property!;
            foreach (var raw in text.Split(';'))
            {
                string entry = raw.Trim();
                if (entry.Length == 0 || string.Equals(entry, "none", StringComparison.OrdinalIgnoreCase)) continue;
                if (string.Equals(entry, "default", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var shape in DefaultShapes.Split(';')) Add(shapes, seen, shape);
                    continue;
                }
                Add(shapes, seen, entry);
            }
            return new DeployTokens(shapes.ToArray());
        }

        private static void Add(List<Shape> shapes, HashSet<string> seen, string entry)
        {
            int at = entry.IndexOf(NamePlaceholder, StringComparison.Ordinal);
            if (at < 0 || !seen.Add(entry)) return;
            string prefix = entry.Substring(0, at), suffix = entry.Substring(at + NamePlaceholder.Length);
            if (prefix.Trim().Length == 0 || suffix.Trim().Length == 0) return;
            bool wholeValueOnly = prefix == "{" && suffix == "}";
            shapes.Add(new Shape(entry, prefix, wholeValueOnly));
        }

        /// <summary>True when the value holds a token of one of these shapes (for "{NAME}": when the whole value is one).</summary>
        public bool Contains(string? value)
        {
            if (string.IsNullOrEmpty(value)) return false;
            foreach (var shape in _shapes)
                if (shape.Matches(value!)) return true;
            return false;
        }

        private sealed class Shape
        {
            private readonly Regex _regex;
            private readonly string _prefix;

            public Shape(string text, string prefix, bool wholeValueOnly)
            {
                Text = text;
                _prefix = prefix;
                int at = text.IndexOf(NamePlaceholder, StringComparison.Ordinal);
                string suffix = text.Substring(at + NamePlaceholder.Length);
                string pattern = wholeValueOnly
                    // Documentation writes its placeholders the same way ("{your-tenant-name}"): PL7001 reports those.
                    ? @"\A\s*\{(?![Yy]our)[A-Za-z][A-Za-z0-9_.\-]*\}\s*\z"
                    : Regex.Escape(prefix) + @"\s*" + NamePattern + @"\s*" + Regex.Escape(suffix);
                _regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexGuard.Limit);
            }

            public string Text { get; }

            // The prefix test first: most values hold none of them.
            public bool Matches(string value) => value.IndexOf(_prefix, StringComparison.Ordinal) >= 0 && RegexGuard.IsMatch(_regex, value);
        }
    }
}
