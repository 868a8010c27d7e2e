using System;
using System.Collections.Generic;
using System.Text;
using PolicyLint.Cli.Lsp.Protocol;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// Offsets of a text against LSP positions (zero-based line, UTF-16 character; lines end at \n, \r\n or \r, as the
    /// policy model counts them).
    /// </summary>
    internal sealed class LineMap
    {
        private readonly int[] _starts;

        public LineMap(string text)
        {
            Text = text;
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (c == '\r' || c == '\n') starts.Add(i + 1);
            }
            _starts = starts.ToArray();
        }

        public string Text { get; }

        /// <summary>The offset of a position; a character past its line's end is the line's end, a line past the last is the end.</summary>
        public int OffsetOf(Position position)
        {
            if (position.Line < 0) return 0;
            if (position.Line >= _starts.Length) return Text.Length;
            int start = _starts[position.Line];
            int end = position.Line + 1 < _starts.Length ? _starts[position.Line + 1] : Text.Length;
            // The line's content ends before its line break.
            int contentEnd = end;
            while (contentEnd > start && (Text[contentEnd - 1] == '\n' || Text[contentEnd - 1] == '\r')) contentEnd--;
            return start + Math.Max(0, Math.Min(position.Character, contentEnd - start));
        }

        public Position PositionOf(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, Text.Length));
            int line = Array.BinarySearch(_starts, offset);
            if (line < 0) line = ~line - 1;
            return new Position(line, offset - _starts[line]);
        }

        public Range RangeOf(int start, int end) => new Range(PositionOf(start), PositionOf(end));

        /// <summary>The text after an editor's changes, applied in order (each range is in the text the previous one left).</summary>
        public static string Apply(string text, IEnumerable<TextDocumentContentChangeEvent> changes)
        {
            foreach (var change in changes)
            {
                if (change.Range == null)
                {
                    text = change.Text;
                    continue;
                }
                var map = new LineMap(text);
                int start = map.OffsetOf(change.Range.Start), end = Math.Max(start, map.OffsetOf(change.Range.End));
                text = new StringBuilder(text.Length - (end - start) + change.Text.Length)
                    .Append(text, 0, start).Append(change.Text).Append(text, end, text.Length - end).ToString();
            }
            return text;
        }
    }
}
