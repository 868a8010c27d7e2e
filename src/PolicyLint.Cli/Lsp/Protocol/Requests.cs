using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace PolicyLint.Cli.Lsp.Protocol
{
    public static class CodeActionKind
    {
        public const string QuickFix = "quickfix";
    }

    public sealed class CodeActionParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
        public Range Range { get; set; } = new Range();
        public CodeActionContext Context { get; set; } = new CodeActionContext();
    }

    public sealed class CodeActionContext
    {
        public List<JToken> Diagnostics { get; set; } = new List<JToken>();
        public List<string>? Only { get; set; }
    }

    public sealed class CodeAction
    {
        public string Title { get; set; } = "";
        public string Kind { get; set; } = CodeActionKind.QuickFix;
        public List<Diagnostic>? Diagnostics { get; set; }
        public bool? IsPreferred { get; set; }
        public WorkspaceEdit? Edit { get; set; }
    }

    public sealed class Hover
    {
        public MarkupContent Contents { get; set; } = new MarkupContent();
        public Range? Range { get; set; }
    }

    public sealed class ReferenceParams : TextDocumentPositionParams
    {
        public ReferenceContext Context { get; set; } = new ReferenceContext();
    }

    public sealed class ReferenceContext
    {
        public bool IncludeDeclaration { get; set; }
    }

    public sealed class RenameParams : TextDocumentPositionParams
    {
        public string NewName { get; set; } = "";
    }

    /// <summary>prepareRename's answer: the range to rename and its text.</summary>
    public sealed class PrepareRenameResult
    {
        public Range Range { get; set; } = new Range();
        public string Placeholder { get; set; } = "";
    }

    public sealed class DocumentSymbol
    {
        public string Name { get; set; } = "";
        public string? Detail { get; set; }
        public int Kind { get; set; }
        public Range Range { get; set; } = new Range();
        public Range SelectionRange { get; set; } = new Range();
        public List<DocumentSymbol>? Children { get; set; }
    }

    /// <summary>The SymbolKind numbers the outline uses.</summary>
    public static class SymbolKind
    {
        public const int Module = 2, Namespace = 3, Package = 4, Class = 5, Field = 8, Interface = 11, Function = 12,
            Constant = 14, Object = 19, Struct = 23, Event = 24;
    }

    public sealed class CompletionList
    {
        public bool IsIncomplete { get; set; }
        public List<CompletionItem> Items { get; set; } = new List<CompletionItem>();
    }

    public sealed class CompletionItem
    {
        public string Label { get; set; } = "";
        public int? Kind { get; set; }
        public string? Detail { get; set; }
        public TextEdit? TextEdit { get; set; }
    }
}

namespace PolicyLint.Cli.Lsp.Protocol
{
    public sealed class DocumentSymbolParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }
}
