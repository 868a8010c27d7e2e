using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;

namespace PolicyLint.Configuration
{
    /// <summary>
    /// What a finding is about, without its line: the rule, the file, the element it points into (named by its Id, Key
    /// or reference rather than its position where it has one) and the text it underlines. A baseline entry and a SARIF
    /// fingerprint stay the same when lines are added or removed elsewhere in the file.
    /// </summary>
    public readonly struct FindingKey : IEquatable<FindingKey>
    {
        public FindingKey(string id, string file, string element, string value)
        {
            Id = id;
            File = file;
            Element = element;
            Value = value;
        }

        public string Id { get; }
        /// <summary>Relative to the root the key was made for, with '/' separators.</summary>
        public string File { get; }
        /// <summary>e.g. /TrustFrameworkPolicy/ClaimsProviders/ClaimsProvider[1]/TechnicalProfiles/TechnicalProfile[@Id='X']</summary>
        public string Element { get; }
        public string Value { get; }

        // The attributes that name an element among its siblings, most specific first.
        private static readonly string[] NamingAttributes =
        {
            "Id", "ReferenceId", "Key", "ClaimTypeReferenceId", "Order", "ElementId", "StringId", "TechnicalProfileReferenceId", "Name", "Type",
        };

        /// <summary>The key of a diagnostic; <paramref name="document"/> is its file's model when it has one.</summary>
        public static FindingKey For(Diagnostic diagnostic, PolicyDocument? document, string? root)
        {
            var path = diagnostic.Location.GetLineSpan().Path ?? string.Empty;
            var span = diagnostic.Location.SourceSpan;
            string element = string.Empty, value = string.Empty;
            if (document != null && document.IsWellFormed && document.Root is PolicyNode rootNode)
            {
                element = ElementPath(rootNode, span.Start);
                var text = document.Text;
                if (span.End <= text.Length) value = text.Substring(span.Start, span.Length);
            }
            return new FindingKey(diagnostic.Id, Relative(path, root), element, value);
        }

        public static string Relative(string path, string? root)
        {
            if (path.Length == 0) return path;
            string full = Path.GetFullPath(path);
            if (root != null)
            {
                string r = Path.GetFullPath(root).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
                if (full.StartsWith(r, StringComparison.Ordinal)) full = full.Substring(r.Length);
            }
            return full.Replace('\\', '/');
        }

        /// <summary>The path of the innermost element whose markup holds the offset.</summary>
        private static string ElementPath(PolicyNode root, int offset)
        {
            var sb = new StringBuilder();
            Append(sb, root);
            var node = root;
            while (true)
            {
                if (ChildHolding(node.Children, offset) is not PolicyNode next) return sb.ToString();
                Append(sb, next);
                node = next;
            }
        }

        /// <summary>
        /// The child whose markup holds the offset. Children are in document order, so a binary search: a linear scan
        /// made keys quadratic when a rule reports each of 100,000 siblings.
        /// </summary>
        private static PolicyNode? ChildHolding(PolicyNodeList children, int offset)
        {
            // The last child that starts at or before the offset.
            int lo = 0, hi = children.Count - 1, last = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (children[mid].StartTag.Span.Start <= offset) { last = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            // Elements that came from one settings token share its position: the first of them, as a scan finds it.
            while (last > 0 && children[last - 1].StartTag.Span.Start == children[last].StartTag.Span.Start) last--;
            for (int i = last; i >= 0 && i < children.Count && children[i].StartTag.Span.Start <= offset; i++)
                if (offset < children[i].EndOffset) return children[i];
            return null;
        }

        private static void Append(StringBuilder sb, PolicyNode node)
        {
            sb.Append('/').Append(node.Name);
            foreach (var name in NamingAttributes)
            {
                if (node[name] is string value)
                {
                    sb.Append("[@").Append(name).Append("='").Append(value).Append("']");
                    return;
                }
            }
            if (node.Parent is not PolicyNode parent) return;
            int position = 0, count = 0;
            foreach (var sibling in parent.Children)
            {
                if (!sibling.IsNamed(node.Name)) continue;
                count++;
                if (sibling.Equals(node)) position = count;
            }
            if (count > 1) sb.Append('[').Append(position).Append(']');
        }

        /// <summary>A stable hash of the key, for SARIF partialFingerprints.</summary>
        public string Hash()
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(Id + "\n" + File + "\n" + Element + "\n" + Value));
            var sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++) sb.Append(bytes[i].ToString("x2"));
            return sb.ToString();
        }

        public bool Equals(FindingKey other)
            => string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(File, other.File, StringComparison.Ordinal)
               && string.Equals(Element, other.Element, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is FindingKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int h = StringComparer.Ordinal.GetHashCode(Id);
                h = h * 31 + StringComparer.Ordinal.GetHashCode(File);
                h = h * 31 + StringComparer.Ordinal.GetHashCode(Element);
                return h * 31 + StringComparer.Ordinal.GetHashCode(Value);
            }
        }

        public override string ToString() => $"{Id} {File} {Element} '{Value}'";

        /// <summary>Numbers findings that share a key (0, 1, ...) in their order, so each has its own fingerprint.</summary>
        public static List<int> Occurrences(IReadOnlyList<FindingKey> keys)
        {
            var seen = new Dictionary<FindingKey, int>();
            var result = new List<int>(keys.Count);
            foreach (var key in keys)
            {
                seen.TryGetValue(key, out int n);
                result.Add(n);
                seen[key] = n + 1;
            }
            return result;
        }
    }
}
