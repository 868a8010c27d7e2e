using System.Collections.Generic;
using PolicyLint.Cli.Lsp.Protocol;
using StreamJsonRpc;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// The protocol's methods, each guarded: an exception inside one is logged and answered with null (or nothing, for a
    /// notification); the server goes on.
    /// </summary>
    internal sealed class Handlers
    {
        private readonly LanguageServer _server;

        public Handlers(LanguageServer server) => _server = server;

        [JsonRpcMethod("initialize")]
        public InitializeResult Initialize(InitializeParams p) => _server.Initialize(p);

        [JsonRpcMethod("initialized")]
        public void Initialized(object? p) => _server.Guard("initialized", _server.Initialized);

        [JsonRpcMethod("shutdown")]
        public object? Shutdown()
        {
            _server.Shutdown();
            return null;
        }

        [JsonRpcMethod("exit")]
        public void Exit() => _server.Exit();

        [JsonRpcMethod("textDocument/didOpen")]
        public void DidOpen(DidOpenTextDocumentParams p) => _server.Guard("textDocument/didOpen", () => _server.DidOpen(p));

        [JsonRpcMethod("textDocument/didChange")]
        public void DidChange(DidChangeTextDocumentParams p) => _server.Guard("textDocument/didChange", () => _server.DidChange(p));

        [JsonRpcMethod("textDocument/didClose")]
        public void DidClose(DidCloseTextDocumentParams p) => _server.Guard("textDocument/didClose", () => _server.DidClose(p));

        [JsonRpcMethod("textDocument/didSave")]
        public void DidSave(DidSaveTextDocumentParams p) => _server.Guard("textDocument/didSave", () => _server.DidSave(p));

        [JsonRpcMethod("workspace/didChangeWatchedFiles")]
        public void DidChangeWatchedFiles(DidChangeWatchedFilesParams p) => _server.Guard("workspace/didChangeWatchedFiles", () => _server.DidChangeWatchedFiles(p));

        [JsonRpcMethod("textDocument/codeAction")]
        public List<CodeAction>? CodeAction(CodeActionParams p)
            => _server.Guard("textDocument/codeAction", null, () => CodeActions.For(_server, p));

        [JsonRpcMethod("textDocument/hover")]
        public Hover? Hover(TextDocumentPositionParams p)
            => _server.Guard("textDocument/hover", null, () => Hovers.For(_server, p));

        [JsonRpcMethod("textDocument/definition")]
        public List<Location>? Definition(TextDocumentPositionParams p)
            => _server.Guard("textDocument/definition", null, () => _server.Navigation.Definition(p));

        [JsonRpcMethod("textDocument/references")]
        public List<Location>? References(ReferenceParams p)
            => _server.Guard("textDocument/references", null, () => _server.Navigation.References(p));

        [JsonRpcMethod("textDocument/prepareRename")]
        public PrepareRenameResult? PrepareRename(TextDocumentPositionParams p)
            => _server.Guard("textDocument/prepareRename", null, () => _server.Navigation.PrepareRename(p));

        [JsonRpcMethod("textDocument/rename")]
        public WorkspaceEdit? Rename(RenameParams p)
            => _server.Guard("textDocument/rename", null, () => _server.Navigation.Rename(p));

        [JsonRpcMethod("textDocument/documentSymbol")]
        public List<DocumentSymbol>? DocumentSymbol(DocumentSymbolParams p)
            => _server.Guard("textDocument/documentSymbol", null, () => _server.Navigation.Outline(p.TextDocument));

        [JsonRpcMethod("textDocument/completion")]
        public CompletionList? Completion(TextDocumentPositionParams p)
            => _server.Guard("textDocument/completion", null, () => _server.Navigation.Complete(p));
    }
}
