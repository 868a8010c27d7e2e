using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using PolicyLint.Cli.Lsp;
using StreamJsonRpc;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// An editor's loop through the language server: the server runs in this process over an in-memory duplex stream (no
    /// debounce), a client opens a relying party and its base of the 1 MB set, and each round sends a one-character
    /// didChange and waits for the publishDiagnostics of that version. Against a cold full analysis of the same set in the
    /// same run (<see cref="WorkspaceBenchmarks.Full"/>).
    /// </summary>
    public static class LspLatency
    {
        public static async Task Run(int rounds)
        {
            string corpus = WorkspaceBenchmarks.Corpus();
            var files = SyntheticRepository.Files(corpus).ToArray();
            string relyingParty = files.First(f => f.EndsWith(Path.Combine("family0002", "SignIn.xml"), StringComparison.Ordinal));
            string basePolicy = files.First(f => f.EndsWith(Path.Combine("family0002", "TrustFrameworkBase.xml"), StringComparison.Ordinal));

            var (serverStream, clientStream) = FullDuplexStream.CreatePair();
            using var server = new LanguageServer(serverStream, serverStream, TextWriter.Null);
            server.Start();
            var published = new ConcurrentDictionary<(string, int), TaskCompletionSource<bool>>();
            TaskCompletionSource<bool> Waiter(string uri, int version) => published.GetOrAdd((uri, version), _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
            using var client = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, new JsonMessageFormatter()));
            client.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken>(p =>
            {
                if (p["version"] is JValue v && v.Type == JTokenType.Integer) Waiter((string)p["uri"]!, (int)v).TrySetResult(true);
            }));
            client.AddLocalRpcMethod("window/logMessage", new Action<JToken>(_ => { }));
            client.StartListening();
            await client.InvokeWithParameterObjectAsync<JToken>("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri = new Uri(corpus).AbsoluteUri,
                capabilities = new { },
                initializationOptions = new { debounceMs = 0 },
            });
            await client.NotifyWithParameterObjectAsync("initialized", new { });

            // Each edit switches one character back and forth: a value a rule reads, and a display name in the base.
            var rp = await Open(client, relyingParty, "<SessionExpiryInSeconds>86400<", "<SessionExpiryInSeconds>8640".Length, '0', '1', Waiter);
            var @base = await Open(client, basePolicy, "<DisplayName>", "<DisplayName>".Length, 'x', null, Waiter);

            double full = Best(rounds, () => WorkspaceBenchmarks.Open(files).Analyze());
            var rpTimes = await Measure(client, rp, rounds, Waiter);
            var baseTimes = await Measure(client, @base, rounds, Waiter);
            Console.WriteLine(FormattableString.Invariant(
                $"1 MB set ({files.Length} files), {rounds} rounds: cold full analysis best {full:F1} ms; didChange to publishDiagnostics, relying party best {rpTimes.Best:F1} ms ({rpTimes.Best / full:P1}), median {rpTimes.Median:F1} ms ({rpTimes.Median / full:P1}); base best {baseTimes.Best:F1} ms ({baseTimes.Best / full:P1}), median {baseTimes.Median:F1} ms ({baseTimes.Median / full:P1})"));
            await client.InvokeWithParameterObjectAsync<JToken>("shutdown", null);
        }

        private static double Best(int rounds, Action action)
        {
            for (int i = 0; i < 2; i++) action();
            double best = double.MaxValue;
            for (int i = 0; i < rounds; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            return best;
        }

        /// <summary>An open document and the one character the rounds toggle (inserted then removed when <c>B</c> is null).</summary>
        private sealed class Document
        {
            public string Uri = "";
            public int Line, Character, Version = 1;
            public char A;
            public char? B;
            public bool Edited;
        }

        private static async Task<Document> Open(JsonRpc client, string path, string find, int offsetInFind, char a, char? b, Func<string, int, TaskCompletionSource<bool>> waiter)
        {
            string text = File.ReadAllText(path);
            int at = text.IndexOf(find, StringComparison.Ordinal) + offsetInFind;
            int line = text.Take(at).Count(c => c == '\n');
            int character = at - (text.LastIndexOf('\n', at - 1) + 1);
            var document = new Document { Uri = new Uri(path).AbsoluteUri, Line = line, Character = character, A = a, B = b };
            var opened = waiter(document.Uri, 1);
            await client.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri = document.Uri, languageId = "xml", version = 1, text } });
            await opened.Task;
            return document;
        }

        private static async Task<(double Best, double Median)> Measure(JsonRpc client, Document document, int rounds, Func<string, int, TaskCompletionSource<bool>> waiter)
        {
            var times = new double[rounds];
            for (int i = -2; i < rounds; i++)
            {
                document.Version++;
                // Replace the character (or insert it, then remove it again).
                object change = document.B is char b
                    ? new { range = Range(document.Line, document.Character, document.Character + 1), text = (document.Edited ? document.A : b).ToString() }
                    : document.Edited
                        ? new { range = Range(document.Line, document.Character, document.Character + 1), text = "" }
                        : new { range = Range(document.Line, document.Character, document.Character), text = document.A.ToString() };
                document.Edited = !document.Edited;
                var done = waiter(document.Uri, document.Version);
                var sw = Stopwatch.StartNew();
                await client.NotifyWithParameterObjectAsync("textDocument/didChange", new { textDocument = new { uri = document.Uri, version = document.Version }, contentChanges = new[] { change } });
                await done.Task;
                if (i >= 0) times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return (times[0], times[rounds / 2]);
        }

        private static object Range(int line, int character, int end)
            => new { start = new { line, character }, end = new { line, character = end } };
    }
}
