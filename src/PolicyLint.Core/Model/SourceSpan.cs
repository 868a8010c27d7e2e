using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model
{
    /// <summary>A character span with its line positions (0-based, as Roslyn's LinePositionSpan).</summary>
    public readonly struct SourceSpan
    {
        public SourceSpan(TextSpan span, LinePositionSpan lines)
        {
            Span = span;
            Lines = lines;
        }

        public TextSpan Span { get; }
        public LinePositionSpan Lines { get; }
        public LinePosition Start => Lines.Start;
        public LinePosition End => Lines.End;

        public override string ToString() => $"({Start.Line + 1},{Start.Character + 1},{End.Line + 1},{End.Character + 1})";
    }
}
