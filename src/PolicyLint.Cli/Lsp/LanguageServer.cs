using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using PolicyLint.Cli.Lsp.Protocol;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;
using PolicyLint.Pipeline;
using StreamJsonRpc;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// `policylint lsp`: a Language Server Protocol server over two streams (stdin and stdout). A thin host: the
    /// configuration gives each workspace folder a <see cref="PolicyWorkspace"/>; edits go into it; its findings are
    /// published as they are. Messages are handled one at a time in the order they arrive; analysis runs on a background
    /// loop after a quiet period (the debounce), and a request that needs the findings of the current text runs it first.
    /// </summary>
    public sealed class LanguageServer : IDisposable
    {
        public const int DefaultDebounceMs = 150;

        private readonly JsonRpc _rpc;
        private readonly TextWriter _log;
        private readonly object _gate = new object();
        private readonly List<PolicyFolder> _folders = new List<PolicyFolder>();
        /// <summary>Folders made for open files outside every workspace folder: the file's own folder, its *.xml only.</summary>
        private readonly Dictionary<string, PolicyFolder> _loose = new Dictionary<string, PolicyFolder>(StringComparer.Ordinal);
        private readonly Dictionary<string, OpenDocument> _open = new Dictionary<string, OpenDocument>(StringComparer.Ordinal);
        private readonly Navigation _navigation;
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0, 1);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private JToken? _client;
        private int _debounceMs = DefaultDebounceMs;
        private long _changes;
        private bool _unpublished;
        private bool _shutdown;
        private Task? _loop;

        public LanguageServer(Stream input, Stream output, TextWriter log)
        {
            _log = log;
            _navigation = new Navigation(this);
            var formatter = new JsonMessageFormatter();
            formatter.JsonSerializer.ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } };
            formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
            _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
            // One message at a time, in order: an edit is applied before the next edit or request is read.
            _rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);
            // POLICYLINT_LSP_TRACE=1: every message in and out, on the log (stderr).
            if (Environment.GetEnvironmentVariable("POLICYLINT_LSP_TRACE") == "1")
            {
                _rpc.TraceSource = new System.Diagnostics.TraceSource("policylint-lsp", System.Diagnostics.SourceLevels.Verbose);
                _rpc.TraceSource.Listeners.Add(new System.Diagnostics.TextWriterTraceListener(log));
            }
            _rpc.AddLocalRpcTarget(new Handlers(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        }

        /// <summary>Serves until the client sends `exit` or closes the input. 0 after shutdown, 1 otherwise (the protocol's exit code).</summary>
        public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log)
        {
            using var server = new LanguageServer(input, output, log);
            server.Start();
            await server.Completion.ConfigureAwait(false);
            return server._shutdown ? 0 : 1;
        }

        public void Start()
        {
            _rpc.StartListening();
            _loop = Task.Run(LoopAsync);
        }

        /// <summary>
        /// Ends at `exit` or when the connection closes. (Not by disposing the connection: a read of the process's standard
        /// input cannot be cancelled, and the process ends anyway.)
        /// </summary>
        public Task Completion => Task.WhenAny(_rpc.Completion, _exited.Task);

        public void Dispose()
        {
            _stop.Cancel();
            if (_rpc.Completion.IsCompleted) _rpc.Dispose();
        }

        internal int DebounceMs => _debounceMs;

        // ---- Lifecycle ------------------------------------------------------------------------------------------------

        internal InitializeResult Initialize(InitializeParams p)
        {
            lock (_gate)
            {
                _client = p.Capabilities;
                if (p.InitializationOptions?["debounceMs"] is JValue debounce && debounce.Type == JTokenType.Integer)
                    _debounceMs = Math.Max(0, (int)debounce);
                var roots = p.WorkspaceFolders?.Select(f => Paths.FromUri(f.Uri)).ToList() ?? new List<string?>();
                if (roots.Count == 0) roots.Add(p.RootUri != null ? Paths.FromUri(p.RootUri) : p.RootPath);
                foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.GetFullPath(r!).TrimEnd(Path.DirectorySeparatorChar)).Distinct(StringComparer.Ordinal))
                    _folders.Add(new PolicyFolder(root.Length == 0 ? "/" : root, LoadConfiguration));
            }
            Log($"policylint {Cli.Version} language server: {_folders.Count} workspace folder(s), debounce {_debounceMs} ms");
            return new InitializeResult
            {
                ServerInfo = new ServerInfo { Version = Cli.Version },
                Capabilities = new ServerCapabilities
                {
                    DefinitionProvider = true,
                    ReferencesProvider = true,
                    RenameProvider = new RenameOptions(),
                    DocumentSymbolProvider = true,
                    HoverProvider = true,
                    CompletionProvider = new CompletionOptions(),
                },
            };
        }

        internal void Initialized()
        {
            if (Capabilities.Has(_client, "workspace.didChangeWatchedFiles.dynamicRegistration"))
            {
                var watchers = new[] { "**/*.xml", "**/.editorconfig", "**/appsettings.json", "**/appSettings.json", "**/*.*proj", "**/Directory.Build.*", "**/" + Configuration.Baseline.DefaultFileName };
                var registration = new RegistrationParams
                {
                    Registrations = { new Registration
                    {
                        Id = "policylint-watched-files",
                        Method = "workspace/didChangeWatchedFiles",
                        RegisterOptions = new DidChangeWatchedFilesRegistrationOptions { Watchers = watchers.Select(w => new Protocol.FileSystemWatcher { GlobPattern = w }).ToList() },
                    } },
                };
                _ = Send(() => _rpc.InvokeWithParameterObjectAsync("client/registerCapability", registration));
            }
            // The folders' findings in files not open yet.
            lock (_gate)
                foreach (var folder in _folders) folder.Dirty = true;
            Changed();
        }

        internal void Shutdown()
        {
            lock (_gate) _shutdown = true;
        }

        internal void Exit()
        {
            _stop.Cancel();
            _exited.TrySetResult(true);
        }

        // ---- Documents ------------------------------------------------------------------------------------------------

        internal void DidOpen(DidOpenTextDocumentParams p)
        {
            var item = p.TextDocument;
            string? path = Paths.FromUri(item.Uri);
            if (path == null) return;
            lock (_gate)
            {
                var folder = FolderOf(path, create: true)!;
                _open[path] = new OpenDocument(item.Uri, item.Text, item.Version, folder);
                Ready(folder).SetText(path, item.Text, item.Version);
                folder.Dirty = true;
            }
            Changed();
        }

        internal void DidChange(DidChangeTextDocumentParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return;
            lock (_gate)
            {
                if (!_open.TryGetValue(path, out var document)) return;
                document.Text = LineMap.Apply(document.Text, p.ContentChanges);
                document.Version = p.TextDocument.Version ?? document.Version + 1;
                Ready(document.Folder).SetText(path, document.Text, document.Version);
                document.Folder.Dirty = true;
            }
            Changed();
        }

        internal void DidClose(DidCloseTextDocumentParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return;
            lock (_gate)
            {
                if (!_open.TryGetValue(path, out var document)) return;
                _open.Remove(path);
                document.Folder.Workspace?.Close(path);
                document.Folder.Dirty = true;
                _navigation.Forget(path);
            }
            Changed();
        }

        internal void DidSave(DidSaveTextDocumentParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path != null && ProjectConfiguration.IsConfigurationFile(path)) FilesChanged(new[] { path }, Array.Empty<string>());
        }

        internal void DidChangeWatchedFiles(DidChangeWatchedFilesParams p)
        {
            var changed = new List<string>();
            var createdOrDeleted = new List<string>();
            foreach (var e in p.Changes)
            {
                string? path = Paths.FromUri(e.Uri);
                if (path == null) continue;
                (e.Type == FileEvent.Changed ? changed : createdOrDeleted).Add(path);
            }
            FilesChanged(changed, createdOrDeleted);
        }

        /// <summary>
        /// Files changed on disk: a configuration file (a project, .editorconfig, settings, baseline) reads the folder's
        /// configuration again; a policy created or deleted lists the folder's files again; a changed one is read again.
        /// </summary>
        private void FilesChanged(IReadOnlyList<string> changed, IReadOnlyList<string> createdOrDeleted)
        {
            lock (_gate)
            {
                foreach (var folder in AllFolders().ToList())
                {
                    var mine = changed.Concat(createdOrDeleted).Where(folder.Contains).ToList();
                    if (mine.Count == 0) continue;
                    if (folder.Workspace == null) continue;
                    if (mine.Any(ProjectConfiguration.IsConfigurationFile) || createdOrDeleted.Any(folder.Contains))
                    {
                        Log($"{folder.Root}: configuration or file list changed; reading it again");
                        folder.Configure(OpenIn(folder));
                    }
                    foreach (var path in changed.Where(folder.Contains)) folder.Workspace.Reload(path);
                    folder.Dirty = true;
                }
            }
            Changed();
        }

        // ---- Analysis and publishing ----------------------------------------------------------------------------------

        /// <summary>Something changed: analyze once the debounce has passed.</summary>
        private void Changed()
        {
            Interlocked.Increment(ref _changes);
            Wake();
        }

        private void Wake()
        {
            try
            {
                if (_wake.CurrentCount == 0) _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }

        private async Task LoopAsync()
        {
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                try
                {
                    await _wake.WaitAsync(token).ConfigureAwait(false);
                    // Wait until the edits stop for the debounce period.
                    while (_debounceMs > 0)
                    {
                        long before = Interlocked.Read(ref _changes);
                        await Task.Delay(_debounceMs, token).ConfigureAwait(false);
                        if (Interlocked.Read(ref _changes) == before) break;
                    }
                    List<PublishDiagnosticsParams> batch;
                    lock (_gate)
                    {
                        AnalyzeDirty();
                        batch = _unpublished ? Diagnostics.Batch(_folders.Concat(_loose.Values).ToList(), _open, FolderOf) : new List<PublishDiagnosticsParams>();
                        _unpublished = false;
                    }
                    foreach (var message in batch)
                        await _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", message).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (ConnectionLostException)
                {
                    return;
                }
                catch (Exception ex)
                {
                    Log("analysis failed: " + ex);
                }
            }
        }

        /// <summary>Analyzes every folder with a change since its last analysis (under the lock).</summary>
        private void AnalyzeDirty()
        {
            foreach (var folder in AllFolders().ToList())
            {
                if (!folder.Dirty) continue;
                var workspace = Ready(folder);
                folder.Dirty = false;
                folder.Last = workspace.Analyze();
                _navigation.Remember(folder);
                _unpublished = true;
            }
        }

        /// <summary>For a request: the folder of a file, analyzed with the current texts (the findings are published soon after).</summary>
        internal PolicyFolder? Current(string path)
        {
            var folder = FolderOf(path, create: false);
            if (folder == null) return null;
            if (folder.Dirty)
            {
                AnalyzeDirty();
                Wake();
            }
            return folder;
        }

        internal object Gate => _gate;
        internal Navigation Navigation => _navigation;
        internal IReadOnlyDictionary<string, OpenDocument> Open => _open;
        internal JToken? Client => _client;

        /// <summary>The text of a file as analyzed: the editor's when open, else the file's.</summary>
        internal string TextOf(string path) => _open.TryGetValue(path, out var document) ? document.Text : Fixer.ReadText(path);

        /// <summary>The URI a file is published under: the client's own for an open document.</summary>
        internal string UriOf(string path) => _open.TryGetValue(path, out var document) ? document.Uri : Paths.ToUri(path);

        // ---- Folders --------------------------------------------------------------------------------------------------

        private IEnumerable<PolicyFolder> AllFolders() => _folders.Concat(_loose.Values);

        /// <summary>The deepest workspace folder holding the file; else (with <paramref name="create"/>) a loose folder for its directory.</summary>
        internal PolicyFolder? FolderOf(string path) => FolderOf(path, create: false);

        private PolicyFolder? FolderOf(string path, bool create)
        {
            var folder = _folders.Where(f => f.Contains(path)).OrderByDescending(f => f.Root.Length).FirstOrDefault();
            if (folder != null) return folder;
            string directory = Path.GetDirectoryName(path) ?? path;
            if (_loose.TryGetValue(directory, out folder)) return folder;
            if (!create) return null;
            folder = new PolicyFolder(directory, ProjectConfiguration.Loose);
            _loose[directory] = folder;
            return folder;
        }

        /// <summary>The folder's workspace, configured on first use.</summary>
        private PolicyWorkspace Ready(PolicyFolder folder)
        {
            if (folder.Workspace == null)
            {
                folder.Configure(OpenIn(folder));
                Log($"{folder.Root}: {folder.Configuration!.Description}, {folder.Workspace!.Paths.Count} file(s)");
                // Open documents keep their editor text.
                foreach (var document in _open.Where(d => d.Value.Folder == folder))
                    folder.Workspace.SetText(document.Key, document.Value.Text, document.Value.Version);
            }
            return folder.Workspace;
        }

        private List<string> OpenIn(PolicyFolder folder) => _open.Where(d => d.Value.Folder == folder).Select(d => d.Key).ToList();

        private ProjectConfiguration LoadConfiguration(string folder)
            => ProjectConfiguration.Load(folder, message =>
            {
                Log(message);
                _ = Send(() => _rpc.NotifyWithParameterObjectAsync("window/showMessage", new MessageParams { Type = MessageParams.Warning, Message = "PolicyLint: " + message }));
            });

        // ---- Logging --------------------------------------------------------------------------------------------------

        /// <summary>To stderr and the client's log (window/logMessage).</summary>
        internal void Log(string message, int type = MessageParams.Log)
        {
            lock (_log) _log.WriteLine("policylint lsp: " + message);
            _ = Send(() => _rpc.NotifyWithParameterObjectAsync("window/logMessage", new MessageParams { Type = type, Message = message }));
        }

        /// <summary>A message to the client that may fail when the connection is gone.</summary>
        private static async Task Send(Func<Task> send)
        {
            try
            {
                await send().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectionLostException || ex is ObjectDisposedException || ex is RemoteInvocationException || ex is RemoteMethodNotFoundException)
            {
                // The client left, or does not take the message: nothing to do.
            }
        }

        /// <summary>
        /// Runs one handler: an exception is logged and answered with <paramref name="fallback"/>, never fatal. A
        /// LocalRpcException is the handler's own error answer (a refused rename) and goes to the client as it is.
        /// </summary>
        internal T Guard<T>(string method, T fallback, Func<T> handler)
        {
            try
            {
                return handler();
            }
            catch (Exception ex) when (ex is not LocalRpcException)
            {
                Log($"{method} failed: {ex}", MessageParams.Error);
                return fallback;
            }
        }

        internal void Guard(string method, Action handler) => Guard<object?>(method, null, () => { handler(); return null; });
    }

    /// <summary>A document the editor holds: its URI as the client wrote it, its text and version.</summary>
    internal sealed class OpenDocument
    {
        public OpenDocument(string uri, string text, int version, PolicyFolder folder)
        {
            Uri = uri;
            Text = text;
            Version = version;
            Folder = folder;
        }

        public string Uri { get; }
        public string Text { get; set; }
        public int Version { get; set; }
        public PolicyFolder Folder { get; }
    }

    /// <summary>file: URIs and paths.</summary>
    internal static class Paths
    {
        public static string? FromUri(string? uri)
        {
            if (string.IsNullOrEmpty(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
            return Path.GetFullPath(parsed.LocalPath);
        }

        public static string ToUri(string path) => new Uri(path).AbsoluteUri;
    }
}
