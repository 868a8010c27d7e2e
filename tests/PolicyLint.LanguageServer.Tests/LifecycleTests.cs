using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    public sealed class LifecycleTests
    {
        [Fact]
        public async Task Initialize_AnnouncesWhatTheServerDoes_AndShutdownExitEndsTheProcessWithZero()
        {
            using var folder = new TempFolder();
            await using var client = LspClient.Start();
            var result = await client.Initialize(folder.Root);
            var expected = JObject.Parse(@"{
                ""textDocumentSync"": { ""openClose"": true, ""change"": 2, ""save"": { ""includeText"": false } },
                ""codeActionProvider"": { ""codeActionKinds"": [ ""quickfix"" ] },
                ""definitionProvider"": true,
                ""referencesProvider"": true,
                ""renameProvider"": { ""prepareProvider"": true },
                ""documentSymbolProvider"": true,
                ""hoverProvider"": true,
                ""completionProvider"": { ""triggerCharacters"": [ ""\"""" ] }
            }");
            Assert.True(JToken.DeepEquals(expected, result["capabilities"]), result["capabilities"]!.ToString());
            Assert.Equal("policylint", (string?)result["serverInfo"]!["name"]);
            Assert.Equal(0, await client.Stop());
        }

        [Fact]
        public async Task ExitWithoutShutdown_EndsTheProcessWithOne()
        {
            await using var client = LspClient.Start();
            await client.Initialize(null);
            await client.Notify("exit", null);
            Assert.True(client.Process.WaitForExit(20000));
            Assert.Equal(1, client.Process.ExitCode);
        }
    }
}
