using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Model
{
    /// <summary>
    /// A text made from a file's text by replacing some ranges (settings tokens by their values), and the way back:
    /// an offset in the made text maps to the file. An offset inside a replacement maps to the range it replaced, so
    /// whatever the replacement holds is reported at the token it came from.
    /// </summary>
    public sealed class SourceMap
    {
        private readonly List<Replacement> _replacements;

        private SourceMap(string original, string text, List<Replacement> replacements)
        {
            Original = original;
            Text = text;
            _replacements = replacements;
        }

        /// <summary>The file's text.</summary>
        public string Original { get; }
        /// <summary>The text with the replacements made.</summary>
        public string Text { get; }
        public int ReplacementCount => _replacements.Count;

        private readonly struct Replacement
        {
            public Replacement(int originalStart, int originalEnd, int start, int end)
            {
                OriginalStart = originalStart;
                OriginalEnd = originalEnd;
                Start = start;
                End = end;
            }

            public int OriginalStart { get; }
            public int OriginalEnd { get; }
            /// <summary>Where the new text is in <see cref="Text"/>.</summary>
            public int Start { get; }
            public int End { get; }
        }

        /// <summary>
        /// Replaces the ranges (start, length) of <paramref name="original"/> by the values, in order; null when they
        /// overlap, are out of order, or the result would be longer than <paramref name="maxLength"/>.
        /// </summary>
        public static SourceMap? Create(string original, IReadOnlyList<(int Start, int Length, string Value)> edits, int maxLength = int.MaxValue)
        {
            long length = original.Length;
            int last = 0;
            foreach (var (start, count, value) in edits)
            {
                if (start < last || count < 0 || start + count > original.Length) return null;
                last = start + count;
                length += value.Length - count;
                if (length > maxLength) return null;
            }
            var sb = new StringBuilder((int)length);
            var replacements = new List<Replacement>(edits.Count);
            last = 0;
            foreach (var (start, count, value) in edits)
            {
                sb.Append(original, last, start - last);
                int at = sb.Length;
                sb.Append(value);
                replacements.Add(new Replacement(start, start + count, at, sb.Length));
                last = start + count;
            }
            sb.Append(original, last, original.Length - last);
            return new SourceMap(original, sb.ToString(), replacements);
        }

        /// <summary>The file offset of a span's start: a character of a replacement maps to where the replaced range starts.</summary>
        public int ToOriginalStart(int offset)
        {
            return Clamp(OfCharacter(offset).Offset);
        }

        /// <summary>The file offset of a span's end: after a character of a replacement, where the replaced range ends.</summary>
        public int ToOriginalEnd(int offset)
        {
            if (offset <= 0) return ToOriginalStart(offset);
            // An end is just past its last character.
            var (original, inside) = OfCharacter(offset - 1);
            return Clamp(inside >= 0 ? _replacements[inside].OriginalEnd : original + 1);
        }

        /// <summary>The file offset of the character at <paramref name="offset"/>, and the replacement it belongs to (or -1).</summary>
        private (int Offset, int Inside) OfCharacter(int offset)
        {
            // The last replacement that starts at or before the character.
            int lo = 0, hi = _replacements.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (_replacements[mid].Start <= offset) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (found < 0) return (offset, -1);
            var r = _replacements[found];
            return offset < r.End ? (r.OriginalStart, found) : (r.OriginalEnd + (offset - r.End), -1);
        }

        private int Clamp(int offset) => Math.Max(0, Math.Min(offset, Original.Length));
    }
}
