using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Cli
{
    /// <summary>A unified diff of two texts by lines (Myers' algorithm: fixes change few lines, so it is quick).</summary>
    internal static class UnifiedDiff
    {
        private const int Context = 3;

        public static string Of(string path, string before, string after)
        {
            var a = SplitLines(before);
            var b = SplitLines(after);
            var ops = Diff(a, b);
            var sb = new StringBuilder();
            sb.Append("--- ").Append(path).Append('\n').Append("+++ ").Append(path).Append('\n');
            int i = 0;
            while (i < ops.Count)
            {
                if (ops[i].Kind == ' ') { i++; continue; }
                // A hunk: from Context lines before this change to Context lines after the last change within 2*Context.
                int start = Math.Max(0, i - Context);
                int end = i;
                int lastChange = i;
                while (end < ops.Count && (ops[end].Kind != ' ' || end - lastChange <= 2 * Context))
                {
                    if (ops[end].Kind != ' ') lastChange = end;
                    end++;
                }
                end = Math.Min(ops.Count, lastChange + Context + 1);
                int aStart = ops[start].A, bStart = ops[start].B, aCount = 0, bCount = 0;
                for (int k = start; k < end; k++)
                {
                    if (ops[k].Kind != '+') aCount++;
                    if (ops[k].Kind != '-') bCount++;
                }
                sb.Append($"@@ -{aStart + (aCount == 0 ? 0 : 1)},{aCount} +{bStart + (bCount == 0 ? 0 : 1)},{bCount} @@\n");
                for (int k = start; k < end; k++)
                    sb.Append(ops[k].Kind).Append(ops[k].Kind == '+' ? b[ops[k].B] : a[ops[k].A]).Append('\n');
                i = end;
            }
            return sb.ToString();
        }

        private static string[] SplitLines(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            // A final line break is not an extra empty line.
            return text.EndsWith("\n", StringComparison.Ordinal) ? lines[..^1] : lines;
        }

        /// <summary>The edit script: ' ' keep, '-' delete a[A], '+' insert b[B]; A and B are the positions reached.</summary>
        private static List<(char Kind, int A, int B)> Diff(string[] a, string[] b)
        {
            int n = a.Length, m = b.Length, max = n + m;
            var v = new int[2 * max + 2];
            var trace = new List<int[]>();
            for (int d = 0; d <= max; d++)
            {
                trace.Add((int[])v.Clone());
                for (int k = -d; k <= d; k += 2)
                {
                    int x = k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) ? v[k + 1 + max] : v[k - 1 + max] + 1;
                    int y = x - k;
                    while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                    v[k + max] = x;
                    if (x >= n && y >= m) return Backtrack(trace, a.Length, b.Length, max);
                }
            }
            return Backtrack(trace, n, m, max);
        }

        private static List<(char, int, int)> Backtrack(List<int[]> trace, int x, int y, int max)
        {
            var ops = new List<(char, int, int)>();
            for (int d = trace.Count - 1; d >= 0; d--)
            {
                var v = trace[d];
                int k = x - y;
                int prevK = k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) ? k + 1 : k - 1;
                int prevX = d == 0 ? 0 : v[prevK + max], prevY = prevX - prevK;
                while (x > prevX && y > prevY) { x--; y--; ops.Add((' ', x, y)); }
                if (d > 0)
                {
                    if (x == prevX) { y--; ops.Add(('+', x, y)); }
                    else { x--; ops.Add(('-', x, y)); }
                }
            }
            ops.Reverse();
            return ops;
        }
    }
}
