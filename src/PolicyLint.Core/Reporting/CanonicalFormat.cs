using Microsoft.CodeAnalysis;
using PolicyLint.Common;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// MSBuild's canonical diagnostic form, "file(line,col,endLine,endCol): error PL2001: message", which editors' problem
    /// matchers read. The build logs it through MSBuild; the command line prints it.
    /// </summary>
    public static class CanonicalFormat
    {
        /// <summary>The file and the 1-based span.</summary>
        public static (string Path, int Line, int Column, int EndLine, int EndColumn) Span(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
        }

        /// <summary>The one conversion from Roslyn's Diagnostic to what the writers print (the build, the command line).</summary>
        public static Finding ToFinding(Diagnostic diagnostic, string? helpLinkBase = null)
        {
            var (path, line, column, endLine, endColumn) = Span(diagnostic);
            return new Finding(Severities.Name(diagnostic.Severity), diagnostic.Id, HelpLinks.For(diagnostic.Id, helpLinkBase),
                path, line, column, endLine, endColumn, diagnostic.GetMessage());
        }

        public static string Location(Finding f) => $"{f.File}({f.Line},{f.Column},{f.EndLine},{f.EndColumn})";

        public static string Line(Finding f) => $"{Location(f)}: {f.Severity} {f.Id}: {f.Message}";

        public static string Line(Diagnostic diagnostic) => Line(ToFinding(diagnostic));
    }
}
