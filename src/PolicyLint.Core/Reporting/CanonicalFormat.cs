using Microsoft.CodeAnalysis;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// MSBuild's canonical diagnostic form, "file(line,col,endLine,endCol): error PL2001: message", which editors' problem
    /// matchers read. The build logs it through MSBuild; the command line prints it.
    /// </summary>
    public static class CanonicalFormat
    {
        /// <summary>error, warning or info (a suggestion), as the canonical form and the build's report file name them.</summary>
        public static string Severity(DiagnosticSeverity severity)
            => severity == DiagnosticSeverity.Error ? "error" : severity == DiagnosticSeverity.Warning ? "warning" : "info";

        /// <summary>The file and the 1-based span.</summary>
        public static (string Path, int Line, int Column, int EndLine, int EndColumn) Span(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
        }

        public static string Line(Diagnostic diagnostic)
        {
            var (path, line, column, endLine, endColumn) = Span(diagnostic);
            return $"{path}({line},{column},{endLine},{endColumn}): {Severity(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage()}";
        }
    }
}
