using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PolicyLint.Build.Tests;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Editor.Tests
{
    /// <summary>
    /// The VS Code extension as CI packages it: artifacts/vscode-policylint-&lt;version&gt;.vsix, built by
    /// src/vscode-policylint/build.sh (which .ci/run calls; the test runs it when the file is absent).
    /// </summary>
    public sealed class VsixTests
    {
        private static readonly string Source = Path.Combine(Paths.RepoRoot, "src", "vscode-policylint");
        private static readonly Lazy<string> Built = new Lazy<string>(Build);

        private static string Build()
        {
            string version = JsonDocument.Parse(File.ReadAllText(Path.Combine(Source, "package.json"))).RootElement.GetProperty("version").GetString()!;
            string vsix = Path.Combine(Paths.RepoRoot, "artifacts", $"vscode-policylint-{version}.vsix");
            if (!File.Exists(vsix))
            {
                var (exit, output) = Tool.Run("bash", Path.Combine(Source, "build.sh"), Paths.RepoRoot);
                Assert.True(exit == 0 && File.Exists(vsix), $"build.sh failed ({exit}):\n{output}");
            }
            return vsix;
        }

        private static string Text(ZipArchive zip, string entry)
        {
            using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
            return reader.ReadToEnd();
        }

        [Fact]
        public void TheVsixHoldsTheManifestTheBundleAndTheFrameworkDependentServer()
        {
            using var zip = ZipFile.OpenRead(Built.Value);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var expected in new[]
            {
                "extension.vsixmanifest", "extension/package.json", "extension/readme.md", "extension/changelog.md", "extension/LICENSE.txt",
                "extension/dist/extension.js", "extension/server/policylint.dll", "extension/server/policylint.runtimeconfig.json",
                "extension/server/policylint.deps.json", "extension/server/PolicyLint.Core.dll",
            })
                Assert.Contains(expected, entries);
            // Only the bundle, the server and the documents: no sources, node_modules, maps or the build script; no apphost.
            Assert.DoesNotContain(entries, e => !(e.StartsWith("extension/server/", StringComparison.Ordinal) || e == "extension/dist/extension.js"
                || e == "[Content_Types].xml" || e == "extension.vsixmanifest" || e.Count(c => c == '/') == 1));
            Assert.DoesNotContain("extension/server/policylint", entries);
            // The server's own dependencies ship; MSBuild does not (the SDK's is loaded at run time), but its locator must,
            // or a project file cannot be evaluated (a PrivateAssets="all" reference is left out of `dotnet publish`).
            Assert.Contains("extension/server/StreamJsonRpc.dll", entries);
            Assert.True(entries.Contains("extension/server/Microsoft.Build.Locator.dll"), "the server in the .vsix lacks Microsoft.Build.Locator.dll: `dotnet publish` leaves out a PrivateAssets=\"all\" package, and the server then cannot evaluate a project file");
            Assert.DoesNotContain("extension/server/Microsoft.Build.dll", entries);

            // The manifest is the source's package.json (a stale .vsix fails here), and says what the extension claims.
            string manifest = Text(zip, "extension/package.json");
            Assert.Equal(File.ReadAllText(Path.Combine(Source, "package.json")), manifest);
            var package = JsonDocument.Parse(manifest).RootElement;
            Assert.Equal(new[] { "onLanguage:xml" }, package.GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("./dist/extension.js", package.GetProperty("main").GetString());
            // It contributes settings and a command, and no language, grammar or XML schema of its own (it leaves xml to Red Hat XML).
            Assert.Equal(new[] { "commands", "configuration" }, package.GetProperty("contributes").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "policylint.debounce", "policylint.dotnetPath", "policylint.trace.server" },
                package.GetProperty("contributes").GetProperty("configuration").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            // The engine it declares is the API it was compiled against.
            Assert.Equal("^" + package.GetProperty("devDependencies").GetProperty("@types/vscode").GetString(), package.GetProperty("engines").GetProperty("vscode").GetString());

            // The bundle holds the language client (no require of it) and starts the server it ships.
            string bundle = Text(zip, "extension/dist/extension.js");
            Assert.DoesNotContain("require(\"vscode-languageclient", bundle);
            Assert.Contains("server/policylint.dll", bundle);
            Assert.Contains("TrustFrameworkPolicy", bundle);

            // Framework-dependent: runs on the installed .NET 10 or newer.
            var runtime = JsonDocument.Parse(Text(zip, "extension/server/policylint.runtimeconfig.json")).RootElement.GetProperty("runtimeOptions");
            Assert.Equal("Microsoft.NETCore.App", runtime.GetProperty("framework").GetProperty("name").GetString());
            Assert.Equal("Major", runtime.GetProperty("rollForward").GetString());
        }

        /// <summary>
        /// The server inside the .vsix, run as the extension runs it (`dotnet server/policylint.dll lsp`) on a copy of
        /// samples/wechat: it answers initialize, publishes the extensions file's findings when it is opened, and shuts down.
        /// </summary>
        [Fact]
        public async Task TheBundledServerAnalyzesAnOpenedPolicyAndShutsDown()
        {
            string folder = Path.Combine(Path.GetTempPath(), "policylint-vsix-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string policies = Editor.CopySample("wechat");
            try
            {
                ZipFile.ExtractToDirectory(Built.Value, folder);
                var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = policies };
                info.ArgumentList.Add(Path.Combine(folder, "extension", "server", "policylint.dll"));
                info.ArgumentList.Add("lsp");
                using var server = Process.Start(info)!;
                var stderr = server.StandardError.ReadToEndAsync();
                var input = server.StandardInput.BaseStream;
                var output = server.StandardOutput.BaseStream;
                string root = new Uri(policies).AbsoluteUri;
                await Send(input, $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{{\"processId\":{Environment.ProcessId},\"rootUri\":\"{root}\",\"capabilities\":{{}}}}}}");
                var initialized = await Receive(output, 1);
                var capabilities = initialized.GetProperty("result").GetProperty("capabilities");
                Assert.True(capabilities.TryGetProperty("textDocumentSync", out _), initialized.ToString());
                Assert.True(capabilities.TryGetProperty("codeActionProvider", out _), initialized.ToString());
                await Send(input, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
                string file = Path.Combine(policies, "TrustFrameworkExtensions.xml"), uri = new Uri(file).AbsoluteUri;
                await Send(input, JsonSerializer.Serialize(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "xml", version = 1, text = File.ReadAllText(file) } } }));
                var published = await Receive(output, m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics"
                    && m.GetProperty("params").GetProperty("uri").GetString() == uri);
                Assert.Equal(new[] { "42:47 PL2001", "42:47 PL6001", "98:77 PL2011" }, published.GetProperty("params").GetProperty("diagnostics").EnumerateArray()
                    .Select(d => $"{d.GetProperty("range").GetProperty("start").GetProperty("line")}:{d.GetProperty("range").GetProperty("start").GetProperty("character")} {d.GetProperty("code").GetString()}")
                    .OrderBy(d => d, StringComparer.Ordinal));
                await Send(input, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
                await Receive(output, 2);
                await Send(input, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
                Assert.True(server.WaitForExit(30000), "the server did not exit after shutdown and exit");
                Assert.True(server.ExitCode == 0, $"exit code {server.ExitCode}:\n{await stderr}");
            }
            finally
            {
                Editor.Delete(folder);
                Editor.Delete(policies);
            }
        }

        private static async Task Send(Stream input, string json)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }

        /// <summary>The response with this id (notifications and requests from the server before it are skipped), within a minute.</summary>
        private static Task<JsonElement> Receive(Stream output, int id)
            => Receive(output, m => m.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id && !m.TryGetProperty("method", out _));

        /// <summary>The first message that matches (those before it are skipped), within a minute.</summary>
        private static async Task<JsonElement> Receive(Stream output, Func<JsonElement, bool> wanted)
        {
            var read = Task.Run(async () =>
            {
                while (true)
                {
                    int length = -1;
                    string line;
                    while ((line = await ReadLine(output)) != "")
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                    byte[] body = new byte[length];
                    await output.ReadExactlyAsync(body);
                    var message = JsonDocument.Parse(body).RootElement.Clone();
                    if (wanted(message)) return message;
                }
            });
            Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromMinutes(1))) == read, "no such message within a minute");
            return await read;
        }

        private static async Task<string> ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            byte[] one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one) == 0) throw new EndOfStreamException("the server closed its output: " + line);
                if (one[0] == '\n') return line.ToString().TrimEnd('\r');
                line.Append((char)one[0]);
            }
        }
    }
}
