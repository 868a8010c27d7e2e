using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Pipeline
{
    /// <summary>File, line, column, id: the order diagnostics are printed in. Used once, by <see cref="Linter"/>.</summary>
    public sealed class DiagnosticOrder : IComparer<Diagnostic>
    {
        public static readonly DiagnosticOrder Instance = new DiagnosticOrder();

        public int Compare(Diagnostic? x, Diagnostic? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x == null) return -1;
            if (y == null) return 1;
            var a = x.Location.GetLineSpan();
            var b = y.Location.GetLineSpan();
            int c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0) c = a.StartLinePosition.CompareTo(b.StartLinePosition);
            if (c == 0) c = string.CompareOrdinal(x.Id, y.Id);
            if (c == 0) c = a.EndLinePosition.CompareTo(b.EndLinePosition);
            if (c == 0) c = string.CompareOrdinal(x.GetMessage(), y.GetMessage());
            return c;
        }
    }
}
