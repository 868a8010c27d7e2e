using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Model;

namespace PolicyLint.Configuration
{
    /// <summary>
    /// Suppression comments, like #pragma warning:
    /// &lt;!-- policylint disable PL7001, PL7003 --&gt; ... &lt;!-- policylint restore PL7001 --&gt;, and
    /// &lt;!-- policylint disable-next PL7001 --&gt; for the next element (with everything inside it).
    /// Without ids, a comment applies to every rule.
    /// </summary>
    public sealed class InlineSuppressions
    {
        private static readonly Regex Directive = new Regex(
            @"^\s*policylint\s+(?<verb>disable-next|disable|restore)\b(?<ids>[\sA-Za-z0-9,;]*)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private readonly List<Region> _regions;

        private InlineSuppressions(List<Region> regions) => _regions = regions;

        public IReadOnlyList<Region> Regions => _regions;

        public static InlineSuppressions Read(PolicyDocument document)
        {
            var regions = new List<Region>();
            var open = new Dictionary<string, Region>(StringComparer.OrdinalIgnoreCase);
            foreach (var comment in document.Comments)
            {
                var match = Directive.Match(comment.Value);
                if (!match.Success) continue;
                string verb = match.Groups["verb"].Value.ToLowerInvariant();
                var ids = match.Groups["ids"].Value.Split(new[] { ',', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(i => i.ToUpperInvariant()).ToList();
                if (ids.Count == 0) ids.Add(Region.AllRules);
                int at = comment.Span.Span.End;
                switch (verb)
                {
                    case "disable-next":
                    {
                        var next = NextElement(document, at);
                        var region = new Region(comment, ids, next?.StartTag.Span.Start ?? at, next?.EndOffset ?? at);
                        regions.Add(region);
                        break;
                    }
                    case "disable":
                        foreach (var id in ids)
                        {
                            var region = new Region(comment, new[] { id }, at, document.Length);
                            regions.Add(region);
                            open[id] = region;
                        }
                        break;
                    case "restore":
                        foreach (var id in ids)
                        {
                            if (id == Region.AllRules)
                            {
                                foreach (var r in open.Values) r.End = Math.Min(r.End, comment.Span.Span.Start);
                                open.Clear();
                            }
                            else if (open.TryGetValue(id, out var r))
                            {
                                r.End = Math.Min(r.End, comment.Span.Span.Start);
                                open.Remove(id);
                            }
                        }
                        break;
                }
            }
            return new InlineSuppressions(regions);
        }

        /// <summary>The region that suppresses a diagnostic at this offset, or null.</summary>
        public Region? Find(string id, int offset)
            => _regions.FirstOrDefault(r => offset >= r.Start && offset < r.End && r.Covers(id));

        private static PolicyNode? NextElement(PolicyDocument document, int offset)
        {
            if (document.Root is not PolicyNode root) return null;
            PolicyNode? best = null;
            int bestStart = int.MaxValue;
            foreach (var node in new[] { root }.Concat(root.Descendants()))
            {
                int start = node.StartTag.Span.Start;
                if (start >= offset && start < bestStart) { best = node; bestStart = start; }
                if (best != null && start > bestStart) break;
            }
            return best;
        }

        public sealed class Region
        {
            public const string AllRules = "*";

            internal Region(PolicyComment comment, IReadOnlyList<string> ids, int start, int end)
            {
                Comment = comment;
                Ids = ids;
                Start = start;
                End = end;
            }

            public PolicyComment Comment { get; }
            public IReadOnlyList<string> Ids { get; }
            public int Start { get; }
            public int End { get; internal set; }
            /// <summary>Set once the region has suppressed at least one diagnostic.</summary>
            public bool Used { get; internal set; }

            public bool Covers(string id) => Ids.Contains(AllRules) || Ids.Contains(id, StringComparer.OrdinalIgnoreCase);
        }
    }
}
