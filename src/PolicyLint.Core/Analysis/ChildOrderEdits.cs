using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Model;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// Edits that put an element's children in a new order by moving whole lines: each child travels with the comments and
    /// blank lines above it and a comment that ends its line. Only the children that must move are touched (those outside
    /// a longest run already in order): each is cut from its place and inserted before the next child that stays.
    /// </summary>
    public static class ChildOrderEdits
    {
        /// <summary>The edits, or null when the children do not each stand on their own lines (then a move would be a guess).</summary>
        public static List<FileEdit>? Reorder(PolicyNode parent, IReadOnlyList<PolicyNode> newOrder)
        {
            var document = parent.Document;
            string text = document.Text;
            var children = parent.Children.ToList();
            if (children.Count != newOrder.Count || children.Count == 0) return null;

            // The chunks: from the line after the start tag (or the previous child's line) to the end of the child's line.
            var chunks = new TextSpan[children.Count];
            int from = LineAfter(text, StartTagEnd(text, parent.StartTag.Span.End));
            for (int i = 0; i < children.Count; i++)
            {
                var child = children[i];
                int start = child.StartTag.Span.Start, end = child.EndOffset;
                // An element that came from a settings token has the token's span: not a place to cut.
                if (from < 0 || start < from || end > text.Length || text[start] != '<' || text[end - 1] != '>' || !OnlyTrivia(text, from, start)) return null;
                int next = LineAfter(text, end);
                if (next < 0) return null;
                chunks[i] = TextSpan.FromBounds(from, next);
                from = next;
            }

            var position = new Dictionary<PolicyNode, int>();
            for (int i = 0; i < newOrder.Count; i++) position[newOrder[i]] = i;
            var target = children.Select(c => position.TryGetValue(c, out int p) ? p : -1).ToArray();
            if (target.Any(t => t < 0)) return null;
            var stays = LongestIncreasing(target);

            var edits = new List<FileEdit>();
            string path = document.FilePath;
            for (int i = 0; i < children.Count; i++)
                if (!stays[i]) edits.Add(new FileEdit(path, chunks[i], string.Empty));
            // Moved chunks, in their new order, go before the next child that stays (or after the last chunk).
            var inserts = new SortedDictionary<int, string>();
            var chunkOf = children.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => chunks[p.i]);
            var stayOf = children.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => stays[p.i]);
            for (int n = 0; n < newOrder.Count; n++)
            {
                if (stayOf[newOrder[n]]) continue;
                int anchor = chunks[chunks.Length - 1].End;
                for (int m = n + 1; m < newOrder.Count; m++)
                    if (stayOf[newOrder[m]])
                    {
                        anchor = chunkOf[newOrder[m]].Start;
                        break;
                    }
                var span = chunkOf[newOrder[n]];
                inserts[anchor] = (inserts.TryGetValue(anchor, out var before) ? before : string.Empty) + text.Substring(span.Start, span.Length);
            }
            foreach (var pair in inserts) edits.Add(new FileEdit(path, new TextSpan(pair.Key, 0), pair.Value));
            return edits;
        }

        /// <summary>The offset after the line break ending the line of <paramref name="at"/>, when only blanks and a comment follow on that line; else -1.</summary>
        private static int LineAfter(string text, int at)
        {
            int lineEnd = at;
            while (lineEnd < text.Length && text[lineEnd] != '\n') lineEnd++;
            if (lineEnd == text.Length || !OnlyTrivia(text, at, lineEnd)) return -1;
            return lineEnd + 1;
        }

        /// <summary>The offset after the '&gt;' closing a start tag, from the end of its name (quoted values may hold '&gt;').</summary>
        private static int StartTagEnd(string text, int from)
        {
            char quote = '\0';
            for (int i = from; i < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0') { if (c == quote) quote = '\0'; }
                else if (c == '"' || c == '\'') quote = c;
                else if (c == '>') return i + 1;
            }
            return text.Length;
        }

        /// <summary>Only whitespace and whole comments between the two offsets.</summary>
        private static bool OnlyTrivia(string text, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                if (char.IsWhiteSpace(text[i])) i++;
                else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                {
                    int close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    if (close < 0 || close + 3 > end) return false;
                    i = close + 3;
                }
                else return false;
            }
            return true;
        }

        /// <summary>Which entries belong to one longest strictly increasing run (patience sorting, n log n).</summary>
        private static bool[] LongestIncreasing(int[] values)
        {
            var tails = new List<int>();      // index of the last entry of the best run of each length
            var previous = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                int lo = 0, hi = tails.Count;
                while (lo < hi)
                {
                    int mid = (lo + hi) / 2;
                    if (values[tails[mid]] < values[i]) lo = mid + 1;
                    else hi = mid;
                }
                previous[i] = lo > 0 ? tails[lo - 1] : -1;
                if (lo == tails.Count) tails.Add(i);
                else tails[lo] = i;
            }
            var keep = new bool[values.Length];
            for (int i = tails.Count > 0 ? tails[tails.Count - 1] : -1; i >= 0; i = previous[i]) keep[i] = true;
            return keep;
        }
    }
}
