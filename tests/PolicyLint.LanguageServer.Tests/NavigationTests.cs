using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    /// <summary>A relying party (SignUp.xml) on a base (Base.xml) that declares the claims it uses.</summary>
    public sealed class NavigationTests
    {
        private static async Task<(TempFolder Folder, LspClient Client, string Base, string SignUp)> OpenSet()
        {
            var folder = new TempFolder();
            string basePath = folder.Copy("PL2011/err/profile-case-in-base/Base.xml");
            string signUp = folder.Copy("PL2011/err/profile-case-in-base/SignUp.xml");
            var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(signUp);
            await client.Open(basePath);
            await client.Diagnostics(signUp, version: 1);
            return (folder, client, basePath, signUp);
        }

        private static JObject Expected(string path, string text, string find, string value, int occurrence = 0)
        {
            var (line, character) = Text.PositionOf(text, find, occurrence);
            int start = character + find.IndexOf(value, System.StringComparison.Ordinal);
            return new JObject { ["uri"] = LspClient.Uri(path), ["range"] = JToken.FromObject(LspClient.Range(line, start, line, start + value.Length)) };
        }

        /// <summary>Every place a text occurs in a file, as a location of <paramref name="value"/> inside it.</summary>
        private static IEnumerable<JObject> All(string path, string find, string value)
        {
            string text = File.ReadAllText(path);
            int count = 0;
            for (int at = text.IndexOf(find, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, System.StringComparison.Ordinal)) count++;
            return Enumerable.Range(0, count).Select(i => Expected(path, text, find, value, i));
        }

        private static string Key(JToken location) => (string)location["uri"]! + " " + location["range"]!.ToString(Newtonsoft.Json.Formatting.None);

        [Fact]
        public async Task Definition_FromAReferenceInTheRelyingParty_IsTheDeclarationInTheBase()
        {
            var (folder, client, basePath, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                var (line, character) = Text.PositionOf(File.ReadAllText(signUp), "ClaimTypeReferenceId=\"email\"");
                var result = (JArray)await client.Request("textDocument/definition", LspClient.Position(signUp, line, character + 24));
                var location = Assert.Single(result);
                Assert.Equal(Key(Expected(basePath, File.ReadAllText(basePath), "<ClaimType Id=\"email\">", "email")), Key(location));
            }
        }

        [Fact]
        public async Task References_OfAClaim_AreEveryUseInTheBaseAndTheRelyingParty()
        {
            var (folder, client, basePath, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                var (line, character) = Text.PositionOf(File.ReadAllText(basePath), "<ClaimType Id=\"email\">");
                var result = (JArray)await client.Request("textDocument/references", new
                {
                    textDocument = new { uri = LspClient.Uri(basePath) },
                    position = new { line, character = character + 16 },
                    context = new { includeDeclaration = true },
                });
                var expected = All(basePath, "<ClaimType Id=\"email\">", "email")
                    .Concat(All(basePath, "ClaimTypeReferenceId=\"email\"", "email"))
                    .Concat(All(signUp, "ClaimTypeReferenceId=\"email\"", "email"))
                    .Select(Key).OrderBy(k => k).ToList();
                Assert.Equal(expected, result.Select(Key).OrderBy(k => k).ToList());
                Assert.True(expected.Count >= 3, "the set uses the claim in both files");
            }
        }

        [Fact]
        public async Task Rename_OfAClaimType_EditsTheDeclarationAndEveryReferenceAcrossFiles()
        {
            var (folder, client, basePath, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                var (line, character) = Text.PositionOf(File.ReadAllText(signUp), "ClaimTypeReferenceId=\"email\"");
                var position = LspClient.Position(signUp, line, character + 23);
                var prepare = await client.Request("textDocument/prepareRename", position);
                Assert.Equal("email", (string?)prepare["placeholder"]);
                Assert.True(JToken.DeepEquals(JToken.FromObject(LspClient.Range(line, character + 22, line, character + 27)), prepare["range"]));

                var edit = await client.Request("textDocument/rename", new
                {
                    textDocument = new { uri = LspClient.Uri(signUp) },
                    position = new { line, character = character + 23 },
                    newName = "emailAddress",
                });
                var changes = (JObject)edit["changes"]!;
                var got = changes.Properties().SelectMany(p => ((JArray)p.Value).Select(e => p.Name + " " + e["range"]!.ToString(Newtonsoft.Json.Formatting.None) + " " + (string?)e["newText"]))
                    .OrderBy(k => k).ToList();
                var expected = All(basePath, "<ClaimType Id=\"email\">", "email")
                    .Concat(All(basePath, "ClaimTypeReferenceId=\"email\"", "email"))
                    .Concat(All(signUp, "ClaimTypeReferenceId=\"email\"", "email"))
                    .Select(l => Key(l) + " emailAddress").OrderBy(k => k).ToList();
                Assert.Equal(expected, got);
            }
        }

        [Fact]
        public async Task PrepareRename_OnNothingRenamable_IsAnErrorResponse_AndTheServerGoesOn()
        {
            var (folder, client, _, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() => client.Request("textDocument/prepareRename", LspClient.Position(signUp, 0, 1)));
                Assert.Equal(-32803, error.ErrorCode);
                Assert.False(client.Process.HasExited);
            }
        }

        [Fact]
        public async Task DocumentSymbol_OutlinesTheJourneyAndTheRelyingParty()
        {
            var (folder, client, _, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                string text = File.ReadAllText(signUp);
                var symbols = (JArray)await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = LspClient.Uri(signUp) } });
                var journeys = symbols.Single(s => (string?)s["name"] == "UserJourneys");
                var journey = Assert.Single((JArray)journeys["children"]!);
                Assert.Equal("SignUp", (string?)journey["name"]);
                Assert.Equal(2, (int)journey["kind"]!);
                var (line, character) = Text.PositionOf(text, "<UserJourney Id=\"SignUp\">");
                Assert.True(JToken.DeepEquals(JToken.FromObject(LspClient.Range(line, character + 17, line, character + 23)), journey["selectionRange"]), journey["selectionRange"]!.ToString());
                Assert.Equal(new[] { "BasePolicy", "UserJourneys", "RelyingParty" }, symbols.Select(s => (string?)s["name"]).ToArray());
            }
        }

        [Fact]
        public async Task Completion_InAClaimReference_OffersTheClaimsDeclaredAlongTheChain()
        {
            var (folder, client, _, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                var (line, character) = Text.PositionOf(File.ReadAllText(signUp), "ClaimTypeReferenceId=\"email\"");
                var list = await client.Request("textDocument/completion", LspClient.Position(signUp, line, character + 22));
                Assert.Equal(new[] { "email", "objectId" }, ((JArray)list["items"]!).Select(i => (string?)i["label"]).ToArray());
                Assert.Equal(5, (int)list["items"]![0]!["kind"]!);
            }
        }

        [Fact]
        public async Task WhileTheFileIsMalformed_DefinitionAnswersFromTheLastGoodModel()
        {
            var (folder, client, basePath, signUp) = await OpenSet();
            using (folder)
            await using (client)
            {
                string text = File.ReadAllText(signUp);
                // Break the file below the reference: the closing </RelyingParty> loses its '>'.
                var (brokenLine, brokenCharacter) = Text.PositionOf(text, "</RelyingParty>");
                await client.Change(signUp, 2, brokenLine, brokenCharacter + 14, brokenLine, brokenCharacter + 15, "");
                var d = (await client.Diagnostics(signUp, version: 2)).Single(x => (string?)x["code"] == "PL0001");
                Assert.Equal(1, (int)d["severity"]!);

                var (line, character) = Text.PositionOf(text, "ClaimTypeReferenceId=\"email\"");
                var result = (JArray)await client.Request("textDocument/definition", LspClient.Position(signUp, line, character + 24));
                Assert.Equal(Key(Expected(basePath, File.ReadAllText(basePath), "<ClaimType Id=\"email\">", "email")), Key(Assert.Single(result)));
            }
        }
    }
}
