using System.Collections.Generic;

namespace PolicyLint.Cli.Lsp.Protocol
{
    public sealed class DidOpenTextDocumentParams
    {
        public TextDocumentItem TextDocument { get; set; } = new TextDocumentItem();
    }

    public sealed class DidChangeTextDocumentParams
    {
        public VersionedTextDocumentIdentifier TextDocument { get; set; } = new VersionedTextDocumentIdentifier();
        public List<TextDocumentContentChangeEvent> ContentChanges { get; set; } = new List<TextDocumentContentChangeEvent>();
    }

    /// <summary>With a range: replace it; without one: the whole new text.</summary>
    public sealed class TextDocumentContentChangeEvent
    {
        public Range? Range { get; set; }
        public string Text { get; set; } = "";
    }

    public sealed class DidCloseTextDocumentParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    public sealed class DidSaveTextDocumentParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
        public string? Text { get; set; }
    }

    public sealed class PublishDiagnosticsParams
    {
        public string Uri { get; set; } = "";
        public int? Version { get; set; }
        public List<Diagnostic> Diagnostics { get; set; } = new List<Diagnostic>();
    }

    public sealed class Diagnostic
    {
        public const int Error = 1, Warning = 2, Information = 3, Hint = 4;
        /// <summary>DiagnosticTag.Unnecessary: shown faded.</summary>
        public const int Unnecessary = 1;

        public Range Range { get; set; } = new Range();
        public int Severity { get; set; }
        public string Code { get; set; } = "";
        public CodeDescription? CodeDescription { get; set; }
        public string Source { get; set; } = "policylint";
        public string Message { get; set; } = "";
        public List<int>? Tags { get; set; }
    }

    public sealed class CodeDescription
    {
        public string Href { get; set; } = "";
    }
}
