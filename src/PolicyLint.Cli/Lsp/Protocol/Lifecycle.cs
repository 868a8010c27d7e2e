using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace PolicyLint.Cli.Lsp.Protocol
{
    public sealed class InitializeParams
    {
        public int? ProcessId { get; set; }
        public string? RootUri { get; set; }
        public string? RootPath { get; set; }
        public List<WorkspaceFolder>? WorkspaceFolders { get; set; }
        public JToken? Capabilities { get; set; }
        /// <summary>{ "debounceMs": 150 }: the wait after the last change before analyzing.</summary>
        public JToken? InitializationOptions { get; set; }
    }

    public sealed class WorkspaceFolder
    {
        public string Uri { get; set; } = "";
        public string Name { get; set; } = "";
    }

    public sealed class InitializeResult
    {
        public ServerCapabilities Capabilities { get; set; } = new ServerCapabilities();
        public ServerInfo ServerInfo { get; set; } = new ServerInfo();
    }

    public sealed class ServerInfo
    {
        public string Name { get; set; } = "policylint";
        public string? Version { get; set; }
    }

    public sealed class ServerCapabilities
    {
        public TextDocumentSyncOptions TextDocumentSync { get; set; } = new TextDocumentSyncOptions();
        public CodeActionOptions CodeActionProvider { get; set; } = new CodeActionOptions();
        public bool DefinitionProvider { get; set; }
        public bool ReferencesProvider { get; set; }
        public RenameOptions? RenameProvider { get; set; }
        public bool DocumentSymbolProvider { get; set; }
        public bool HoverProvider { get; set; }
        public CompletionOptions? CompletionProvider { get; set; }
    }

    public sealed class TextDocumentSyncOptions
    {
        public const int None = 0, Full = 1, Incremental = 2;
        public bool OpenClose { get; set; } = true;
        public int Change { get; set; } = Incremental;
        public SaveOptions Save { get; set; } = new SaveOptions();
    }

    public sealed class SaveOptions
    {
        public bool IncludeText { get; set; }
    }

    public sealed class CodeActionOptions
    {
        public List<string> CodeActionKinds { get; set; } = new List<string> { CodeActionKind.QuickFix };
    }

    public sealed class RenameOptions
    {
        public bool PrepareProvider { get; set; } = true;
    }

    public sealed class CompletionOptions
    {
        public List<string> TriggerCharacters { get; set; } = new List<string> { "\"" };
    }

    public sealed class RegistrationParams
    {
        public List<Registration> Registrations { get; set; } = new List<Registration>();
    }

    public sealed class Registration
    {
        public string Id { get; set; } = "";
        public string Method { get; set; } = "";
        public object? RegisterOptions { get; set; }
    }

    public sealed class DidChangeWatchedFilesRegistrationOptions
    {
        public List<FileSystemWatcher> Watchers { get; set; } = new List<FileSystemWatcher>();
    }

    public sealed class FileSystemWatcher
    {
        public string GlobPattern { get; set; } = "";
    }

    public sealed class DidChangeWatchedFilesParams
    {
        public List<FileEvent> Changes { get; set; } = new List<FileEvent>();
    }

    public sealed class FileEvent
    {
        public const int Created = 1, Changed = 2, Deleted = 3;
        public string Uri { get; set; } = "";
        public int Type { get; set; }
    }
}
