using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    public sealed class RobustnessTests
    {
        [Fact]
        public async Task BogusRequests_AreAnsweredOrRefused_AndTheServerKeepsServing()
        {
            using var folder = new TempFolder();
            string path = folder.Copy("PL2011/err/claim-case.xml", "SignUp.xml");
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(path);
            await client.Diagnostics(path, version: 1);

            // Positions far outside the text, a document nobody opened, a non-file URI: null or empty, never a crash.
            Assert.Equal(JTokenType.Array, (await client.Request("textDocument/definition", LspClient.Position(path, 100000, 5))).Type);
            Assert.Equal(JTokenType.Null, (await client.Request("textDocument/hover", LspClient.Position(path, -3, -7))).Type);
            Assert.Equal(JTokenType.Null, (await client.Request("textDocument/definition", LspClient.Position(Path.Combine(folder.Root, "Nobody.xml"), 0, 0))).Type);
            Assert.Equal(JTokenType.Null, (await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = "untitled:Untitled-1" } })).Type);
            Assert.Empty((JArray)await client.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(path) }, range = LspClient.Range(99999, 0, 99999, 9), context = new { diagnostics = new object[0] } }));
            // Parameters of the wrong shape: an error response.
            await Assert.ThrowsAnyAsync<StreamJsonRpc.RemoteRpcException>(() => client.Request("textDocument/hover", new { textDocument = 5, position = "here" }));
            // An edit whose range lies past the end: applied at the end, as the protocol's clamping says.
            await client.Change(path, 2, 5000, 0, 5000, 0, "");
            Assert.Equal("PL2011", (string?)Assert.Single(await client.Diagnostics(path, version: 2))["code"]);

            Assert.False(client.Process.HasExited);
            var (line, character) = Text.PositionOf(File.ReadAllText(path), "ClaimTypeReferenceId=\"Email\"");
            var hover = await client.Request("textDocument/hover", LspClient.Position(path, line, character + 24));
            Assert.StartsWith("**PL2011** ", (string?)hover["contents"]!["value"]);
            Assert.Contains("https://github.com/policylint/policylint/blob/main/docs/rules/PL2011.md", (string?)hover["contents"]!["value"]);
            Assert.Equal(0, await client.Stop());
        }

        /// <summary>
        /// 200 edits to an open set: the server's working set stays within 3x the open files' size plus a constant of
        /// 400 MB (the runtime, the analyzer's code and catalogs: about 150–250 MB on this machine), and grows by at most
        /// 3x the open files' size plus 64 MB over the first analysis (no text or model kept per version).
        /// </summary>
        [Fact]
        public async Task TwoHundredEdits_KeepTheWorkingSetBounded()
        {
            using var folder = new TempFolder();
            string basePath = folder.Copy("PL2011/err/profile-case-in-base/Base.xml");
            string signUp = folder.Copy("PL2011/err/profile-case-in-base/SignUp.xml");
            // A larger relying party: the base's text repeated in a comment, so each version weighs something.
            string filler = "<!-- " + File.ReadAllText(basePath).Replace("--", "") + " -->\n";
            string text = File.ReadAllText(signUp).Replace("</TrustFrameworkPolicy>", string.Concat(Enumerable.Repeat(filler, 40)) + "</TrustFrameworkPolicy>");
            File.WriteAllText(signUp, text);
            long openBytes = new FileInfo(basePath).Length + new FileInfo(signUp).Length;

            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(basePath);
            await client.Open(signUp);
            await client.Diagnostics(signUp, version: 1);
            long first = WorkingSet(client.Process);

            var (line, character) = Text.PositionOf(text, "JWTIssuer");
            for (int version = 2; version <= 201; version++)
                await client.Change(signUp, version, line, character + 1, line, character + 2, version % 2 == 0 ? "w" : "W");
            await client.Diagnostics(signUp, version: 201);
            long after = WorkingSet(client.Process);

            const long Constant = 400L << 20;
            Assert.True(after <= 3 * openBytes + Constant, $"working set {after >> 20} MB over 3 x {openBytes >> 10} KB + 400 MB");
            Assert.True(after - first <= 3 * openBytes + (64L << 20), $"working set grew from {first >> 20} MB to {after >> 20} MB over 200 edits of {openBytes >> 10} KB");
        }

        private static long WorkingSet(Process process)
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }
}
