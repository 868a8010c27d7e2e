using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    public sealed class CodeActionTests
    {
        [Fact]
        public async Task TheRulesFix_IsAPreferredQuickFixWithTheExactEdit_AndApplyingItRemovesTheFinding()
        {
            using var folder = new TempFolder();
            string path = folder.Copy("PL2011/err/claim-case.xml", "SignUp.xml");
            var (line, character) = Text.PositionOf(File.ReadAllText(path), "ClaimTypeReferenceId=\"Email\"");
            int value = character + "ClaimTypeReferenceId=\"".Length;
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(path);
            var diagnostic = Assert.Single(await client.Diagnostics(path, version: 1));

            var actions = (JArray)await client.Request("textDocument/codeAction", new
            {
                textDocument = new { uri = LspClient.Uri(path) },
                range = LspClient.Range(line, value + 2, line, value + 2),
                context = new { diagnostics = new[] { diagnostic } },
            });
            // The rule's fix, then suppress, then the two other severities in a new .editorconfig (not offered: this client cannot create files).
            Assert.Equal(new[] { "Use the declaration's casing 'email'", "Suppress PL2011 here (<!-- policylint disable-next PL2011 -->)" },
                actions.Select(a => (string?)a["title"]).ToArray());
            var fix = actions[0];
            Assert.Equal("quickfix", (string?)fix["kind"]);
            Assert.True((bool)fix["isPreferred"]!);
            Assert.Equal("PL2011", (string?)fix["diagnostics"]![0]!["code"]);
            var edits = (JArray)fix["edit"]!["changes"]![LspClient.Uri(path)]!;
            var edit = Assert.Single(edits);
            Assert.True(JToken.DeepEquals(JToken.FromObject(LspClient.Range(line, value, line, value + 5)), edit["range"]), edit.ToString());
            Assert.Equal("email", (string?)edit["newText"]);
            Assert.Null(actions[1]["isPreferred"]);

            // The client applies the edit; the finding goes.
            await client.Change(path, 2, line, value, line, value + 5, "email");
            Assert.Empty(await client.Diagnostics(path, version: 2));
        }

        [Fact]
        public async Task Suppress_InsertsADisableNextCommentAboveTheElement_AndTheFindingGoes()
        {
            using var folder = new TempFolder();
            string path = folder.Copy("PL2011/err/claim-case.xml", "SignUp.xml");
            var (line, _) = Text.PositionOf(File.ReadAllText(path), "<OutputClaim ClaimTypeReferenceId=\"Email\"");
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(path);
            var diagnostic = Assert.Single(await client.Diagnostics(path, version: 1));

            var actions = (JArray)await client.Request("textDocument/codeAction", new
            {
                textDocument = new { uri = LspClient.Uri(path) },
                range = diagnostic["range"],
                context = new { diagnostics = new[] { diagnostic } },
            });
            var suppress = actions.Single(a => ((string?)a["title"])!.StartsWith("Suppress PL2011", System.StringComparison.Ordinal));
            var edit = Assert.Single((JArray)suppress["edit"]!["changes"]![LspClient.Uri(path)]!);
            Assert.True(JToken.DeepEquals(JToken.FromObject(LspClient.Range(line, 0, line, 0)), edit["range"]), edit.ToString());
            Assert.Equal("        <!-- policylint disable-next PL2011 -->\n", (string?)edit["newText"]);

            await client.Change(path, 2, line, 0, line, 0, (string)edit["newText"]!);
            Assert.Empty(await client.Diagnostics(path, version: 2));
        }

        [Fact]
        public async Task SetSeverity_CreatesTheEditorConfig_WhenTheClientCanCreateFiles()
        {
            using var folder = new TempFolder();
            string path = folder.Copy("PL2011/err/claim-case.xml", "SignUp.xml");
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root, capabilities: JObject.Parse(@"{ ""workspace"": { ""workspaceEdit"": { ""documentChanges"": true, ""resourceOperations"": [ ""create"" ] } } }"));
            await client.Open(path);
            var diagnostic = Assert.Single(await client.Diagnostics(path, version: 1));
            var actions = (JArray)await client.Request("textDocument/codeAction", new
            {
                textDocument = new { uri = LspClient.Uri(path) },
                range = diagnostic["range"],
                context = new { diagnostics = new[] { diagnostic } },
            });
            var none = actions.Single(a => (string?)a["title"] == "Set PL2011 to 'none' in .editorconfig");
            var changes = (JArray)none["edit"]!["documentChanges"]!;
            string config = LspClient.Uri(Path.Combine(folder.Root, ".editorconfig"));
            Assert.Equal("create", (string?)changes[0]["kind"]);
            Assert.Equal(config, (string?)changes[0]["uri"]);
            Assert.Equal(config, (string?)changes[1]["textDocument"]!["uri"]);
            Assert.Equal("[*.xml]\ndotnet_diagnostic.PL2011.severity = none\n", (string?)changes[1]["edits"]![0]!["newText"]);
        }
    }
}
