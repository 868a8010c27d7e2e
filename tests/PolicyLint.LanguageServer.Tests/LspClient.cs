using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace PolicyLint.LanguageServer.Tests
{
    /// <summary>
    /// A language client for tests: starts the built tool as `dotnet policylint.dll lsp` and speaks JSON-RPC to it over the
    /// process's standard input and output (Content-Length framing), as an editor does. Parameters and results are plain
    /// JSON, so the tests see the wire format.
    /// </summary>
    public sealed class LspClient : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly JsonRpc _rpc;
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly List<JObject> _published = new List<JObject>();
        private readonly List<JObject> _logs = new List<JObject>();
        private readonly SemaphoreSlim _arrived = new SemaphoreSlim(0);

        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        private LspClient(Process process)
        {
            _process = process;
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
            _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));
            _rpc.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken>(p => Add(_published, (JObject)p)));
            _rpc.AddLocalRpcMethod("window/logMessage", new Action<JToken>(p => Add(_logs, (JObject)p)));
            _rpc.AddLocalRpcMethod("window/showMessage", new Action<JToken>(p => Add(_logs, (JObject)p)));
            _rpc.AddLocalRpcMethod("client/registerCapability", new Func<JToken, object?>(p => { Add(_logs, new JObject { ["registered"] = p }); return null; }));
            _rpc.StartListening();
        }

        private void Add(List<JObject> list, JObject message)
        {
            lock (list) list.Add(message);
            _arrived.Release();
        }

        /// <summary>The built tool: src/PolicyLint.Cli/bin/&lt;configuration&gt;/net10.0/policylint.dll of this build.</summary>
        public static string ToolPath
        {
            get
            {
                string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
                string path = Path.Combine(RepoRoot, "src", "PolicyLint.Cli", "bin", configuration, "net10.0", "policylint.dll");
                if (!File.Exists(path)) throw new FileNotFoundException("the policylint tool is not built", path);
                return path;
            }
        }

        public static string RepoRoot => PolicyLint.Build.Tests.PackageFeed.RepoRoot;

        public static LspClient Start(IDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(ToolPath);
            info.ArgumentList.Add("lsp");
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            if (environment != null)
                foreach (var pair in environment) info.Environment[pair.Key] = pair.Value;
            return new LspClient(Process.Start(info)!);
        }

        public Process Process => _process;

        public string Stderr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public async Task<JToken> Request(string method, object? parameters)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var result = await _rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, timeout.Token);
            return result ?? JValue.CreateNull();
        }

        public Task Notify(string method, object? parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

        /// <summary>initialize (one workspace folder, the client capabilities given) and initialized.</summary>
        public async Task<JToken> Initialize(string? folder, int debounceMs = 0, JObject? capabilities = null)
        {
            var result = await Request("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri = folder == null ? null : Uri(folder),
                workspaceFolders = folder == null ? null : new[] { new { uri = Uri(folder), name = Path.GetFileName(folder) } },
                capabilities = capabilities ?? new JObject(),
                initializationOptions = new { debounceMs },
            });
            await Notify("initialized", new { });
            return result;
        }

        public Task Open(string path, string? text = null, int version = 1)
            => Notify("textDocument/didOpen", new { textDocument = new { uri = Uri(path), languageId = "xml", version, text = text ?? File.ReadAllText(path) } });

        /// <summary>One incremental change: the range (zero-based) replaced by <paramref name="text"/>.</summary>
        public Task Change(string path, int version, int line, int character, int endLine, int endCharacter, string text)
            => Notify("textDocument/didChange", new
            {
                textDocument = new { uri = Uri(path), version },
                contentChanges = new[] { new { range = Range(line, character, endLine, endCharacter), text } },
            });

        public static object Range(int line, int character, int endLine, int endCharacter)
            => new { start = new { line, character }, end = new { line = endLine, character = endCharacter } };

        public static object Position(string path, int line, int character)
            => new { textDocument = new { uri = Uri(path) }, position = new { line, character } };

        public static string Uri(string path) => new Uri(path).AbsoluteUri;

        /// <summary>The publishDiagnostics messages received so far for a file.</summary>
        public List<JObject> PublishedFor(string path)
        {
            lock (_published) return _published.Where(p => (string?)p["uri"] == Uri(path)).ToList();
        }

        public List<JObject> Logs
        {
            get { lock (_logs) return _logs.ToList(); }
        }

        /// <summary>Waits for a publishDiagnostics for the file that <paramref name="accept"/> takes (after the first <paramref name="skip"/> of them).</summary>
        public async Task<JArray> Diagnostics(string path, Func<JObject, bool>? accept = null, int skip = 0)
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (true)
            {
                var found = PublishedFor(path).Skip(skip).LastOrDefault(p => accept == null || accept(p));
                if (found != null) return (JArray)found["diagnostics"]!;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _process.HasExited)
                    throw new TimeoutException($"no publishDiagnostics for {path}{(accept == null ? "" : " as expected")}; received {PublishedFor(path).Count} for it; server log:\n{Stderr}");
                await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
            }
        }

        /// <summary>The diagnostics published for a document at a version.</summary>
        public Task<JArray> Diagnostics(string path, int version) => Diagnostics(path, p => (int?)p["version"] == version);

        /// <summary>shutdown and exit; the process must end by itself with exit code 0.</summary>
        public async Task<int> Stop()
        {
            await Request("shutdown", null);
            await Notify("exit", null);
            if (!_process.WaitForExit(20000)) throw new TimeoutException("the server did not exit after shutdown/exit");
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            _rpc.Dispose();
            if (!_process.HasExited)
            {
                try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
