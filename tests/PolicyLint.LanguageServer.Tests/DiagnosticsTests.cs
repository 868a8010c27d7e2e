using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    public sealed class DiagnosticsTests
    {
        private const string PL2011Page = "https://github.com/policylint/policylint/blob/main/docs/rules/PL2011.md";

        [Fact]
        public async Task DidOpen_PublishesTheBuildsFinding_WithItsExactRange_RuleIdAndPage()
        {
            using var folder = new TempFolder();
            string path = folder.Copy("PL2011/err/claim-case.xml", "SignUp.xml");
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(path);
            var diagnostics = await client.Diagnostics(path, version: 1);
            // The fixture expects PL2011 on the value "Email" (a suggestion: severity 3, Information).
            var (line, character) = Text.PositionOf(File.ReadAllText(path), "ClaimTypeReferenceId=\"Email\"");
            int value = character + "ClaimTypeReferenceId=\"".Length;
            var d = Assert.Single(diagnostics);
            AssertDiagnostic(d, "PL2011", line, value, line, value + 5, severity: 3);
            Assert.Equal(PL2011Page, (string?)d["codeDescription"]!["href"]);
            Assert.Equal("policylint", (string?)d["source"]);
            Assert.Contains("ClaimType 'Email' matches the declaration 'email' only when case is ignored", (string?)d["message"]);
            Assert.Null(d["tags"]);
        }

        [Fact]
        public async Task DidChange_IntroducingAnError_PublishesItAtItsRange_AndFixingItPublishesAnEmptyList()
        {
            using var folder = new TempFolder();
            await using var client = LspClient.Start();
            var (path, text) = await OpenCleanPolicy(folder, client);

            // "email" → "Email" in the relying party's output claim: one character.
            var (line, character) = Text.PositionOf(text, "<OutputClaim ClaimTypeReferenceId=\"email\" />");
            int value = character + "<OutputClaim ClaimTypeReferenceId=\"".Length;
            await client.Change(path, 2, line, value, line, value + 1, "E");
            var d = Assert.Single(await client.Diagnostics(path, version: 2));
            AssertDiagnostic(d, "PL2011", line, value, line, value + 5, severity: 3);

            await client.Change(path, 3, line, value, line, value + 1, "e");
            Assert.Empty(await client.Diagnostics(path, version: 3));
        }

        [Fact]
        public async Task ChangingABase_RepublishesTheOpenRelyingPartyWhoseChainIncludesIt()
        {
            using var folder = new TempFolder();
            string basePath = folder.Copy("PL2011/err/profile-case-in-base/Base.xml");
            string signUp = folder.Copy("PL2011/err/profile-case-in-base/SignUp.xml");
            string baseText = File.ReadAllText(basePath);
            await using var client = LspClient.Start();
            await client.Initialize(folder.Root);
            await client.Open(signUp);
            await client.Open(basePath);
            // SignUp.xml line 10, column 95 (one-based): "JWTIssuer" against the base's "JwtIssuer".
            AssertDiagnostic(Assert.Single(await client.Diagnostics(signUp, version: 1)), "PL2011", 9, 94, 9, 103, severity: 3);
            int published = client.PublishedFor(signUp).Count;

            // The base's declaration takes the relying party's casing: the relying party is published again, with nothing.
            var (line, character) = Text.PositionOf(baseText, "<TechnicalProfile Id=\"JwtIssuer\">");
            int value = character + "<TechnicalProfile Id=\"".Length;
            await client.Change(basePath, 2, line, value, line, value + 3, "JWT");
            // Opening the base made one more publish for the relying party, which may arrive after the count above: wait
            // for the one with nothing (every publish before the change had the PL2011), or time out.
            Assert.Empty(await client.Diagnostics(signUp, p => ((JArray)p["diagnostics"]!).Count == 0, skip: published));
            Assert.Equal(2, (int)client.PublishedFor(basePath).Last()["version"]!);
        }

        [Fact]
        public async Task MalformedMidEdit_GivesPL0001_AndTheServerKeepsServing()
        {
            using var folder = new TempFolder();
            await using var client = LspClient.Start();
            var (path, text) = await OpenCleanPolicy(folder, client);

            // Half-typed: "<OutputClaim ClaimTypeReferenceId="email" />" loses its "/>".
            var (line, character) = Text.PositionOf(text, "<OutputClaim ClaimTypeReferenceId=\"email\" />");
            int end = character + "<OutputClaim ClaimTypeReferenceId=\"email\" ".Length;
            await client.Change(path, 2, line, end, line, end + 2, "");
            var d = Assert.Single(await client.Diagnostics(path, version: 2));
            Assert.Equal("PL0001", (string?)d["code"]);
            Assert.Equal(1, (int)d["severity"]!);

            await client.Change(path, 3, line, end, line, end, "/>");
            Assert.Empty(await client.Diagnostics(path, version: 3));
            Assert.Equal(0, await client.Stop());
        }

        /// <summary>A policy with no findings, opened: what the edits of a test then break and mend.</summary>
        private static async Task<(string Path, string Text)> OpenCleanPolicy(TempFolder folder, LspClient client)
        {
            string path = folder.Copy("PL2011/ok/exact-case.xml", "SignUp.xml");
            await client.Initialize(folder.Root);
            await client.Open(path);
            Assert.Empty(await client.Diagnostics(path, version: 1));
            return (path, File.ReadAllText(path));
        }

        internal static void AssertDiagnostic(JToken d, string code, int line, int character, int endLine, int endCharacter, int severity)
        {
            Assert.Equal(code, (string?)d["code"]);
            Assert.Equal(severity, (int)d["severity"]!);
            Assert.True(JToken.DeepEquals(JToken.FromObject(LspClient.Range(line, character, endLine, endCharacter)), d["range"]), $"range of {code}: {d["range"]}");
        }
    }
}
