using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyLint.Editor.Tests
{
    /// <summary>
    /// Neovim's own LSP client, headless, against `policylint lsp` on a copy of samples/wechat (see <see cref="NeovimSession"/>):
    /// what a person using Neovim gets, checked to the character. Positions are zero-based (line:character) as LSP sends
    /// them; the build reports the same diagnostics one-based (TrustFrameworkExtensions.xml(43,48,43,54): error PL2001).
    /// </summary>
    public sealed class NeovimTests : IClassFixture<NeovimSession>
    {
        private const int Error = 1, Information = 3;
        private readonly NeovimSession _session;

        public NeovimTests(NeovimSession session) => _session = session;

        private JsonElement Step(int index)
        {
            Skip.If(_session.Nvim == null, NeovimSession.Missing);
            return _session.Step(index);
        }

        private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

        [SkippableFact]
        public void DiagnosticsArriveWithTheBuildsRangesCodesAndSeverities()
        {
            Assert.Equal(new[]
            {
                $"42:47-42:53 {Error} PL2001",
                $"42:47-42:53 {Error} PL6001",
                $"98:77-98:89 {Information} PL2011",
            }, Strings(Step(0).GetProperty("diagnostics")));
            Assert.Equal(new[] { $"536:21-536:35 {Information} PL2012" }, Strings(Step(1).GetProperty("diagnostics")));
        }

        [SkippableFact]
        public void GoToDefinitionJumpsToTheClaimTypeInTheBase()
        {
            var step = Step(2);
            Assert.Equal(new[] { "TrustFrameworkBase.xml 99:21-99:37" }, Strings(step.GetProperty("locations")));
            Assert.Equal("TrustFrameworkBase.xml 99:21", step.GetProperty("jumped").GetString());
        }

        [SkippableFact]
        public void FindReferencesListsTheDeclarationAndEveryReferenceAlongTheChain()
        {
            Assert.Equal(new[]
            {
                "SignUpOrSignin.xml 17:43-17:59",
                "TrustFrameworkBase.xml 180:44-180:60",
                "TrustFrameworkBase.xml 487:50-487:66",
                "TrustFrameworkBase.xml 99:21-99:37",
                "TrustFrameworkExtensions.xml 43:47-43:63",
            }, Strings(Step(3).GetProperty("locations")));
        }

        [SkippableFact]
        public void TheCasingFixIsAppliedAndItsDiagnosticGoes()
        {
            var step = Step(4);
            Assert.Equal("Use the declaration's casing 'WeChat-OAUTH'", step.GetProperty("applied").GetString());
            // The next diagnostics the server published for the file: PL2011 is gone, the rest stay.
            Assert.Equal(new[] { $"42:47-42:53 {Error} PL2001", $"42:47-42:53 {Error} PL6001" }, Strings(step.GetProperty("next")));
            // Written by the editor at the end of the session.
            Step(5);
            Assert.Equal("            <ClaimsExchange Id=\"WeChatExchange\" TechnicalProfileReferenceId=\"WeChat-OAUTH\" />",
                File.ReadAllLines(Path.Combine(_session.Folder, "TrustFrameworkExtensions.xml"))[98]);
        }

        [SkippableFact]
        public void RenamingAClaimTypeChangesEveryFileOnDisk()
        {
            var step = Step(5);
            Assert.Equal("43:47-43:63", step.GetProperty("prepared").GetString());
            Assert.Equal(new[] { "SignUpOrSignin.xml", "TrustFrameworkBase.xml", "TrustFrameworkExtensions.xml" }, Strings(step.GetProperty("files")));
            // Every line of the set that holds the old or the new name, as the editor wrote the files: the declaration and the
            // references renamed; the comment and the transformation's own parameter name (TransformationClaimType) kept.
            var lines = Directory.GetFiles(_session.Folder, "*.xml").OrderBy(f => Path.GetFileName(f), System.StringComparer.Ordinal)
                .SelectMany(f => File.ReadAllLines(f).Select((text, i) => $"{Path.GetFileName(f)}:{i}: {text.Trim()}"))
                .Where(l => l.Contains("identityProvider") || l.Contains("idpName")).ToArray();
            Assert.Equal(new[]
            {
                "SignUpOrSignin.xml:17: <OutputClaim ClaimTypeReferenceId=\"idpName\" />",
                "TrustFrameworkBase.xml:99: <ClaimType Id=\"idpName\">",
                "TrustFrameworkBase.xml:176: <!-- Account linking: a social account is found again by issuerUserId + identityProvider. -->",
                "TrustFrameworkBase.xml:180: <InputClaim ClaimTypeReferenceId=\"idpName\" TransformationClaimType=\"identityProvider\" />",
                "TrustFrameworkBase.xml:487: <PersistedClaim ClaimTypeReferenceId=\"idpName\" />",
                "TrustFrameworkExtensions.xml:43: <OutputClaim ClaimTypeReferenceId=\"idpName\" DefaultValue=\"wechat.com\" AlwaysUseDefaultValue=\"true\" />",
            }, lines);
            // The renamed set analyzes as before: nothing new is unresolved.
            var after = step.GetProperty("diagnostics");
            Assert.Empty(Strings(after.GetProperty("SignUpOrSignin.xml")));
            Assert.Equal(new[] { $"536:21-536:35 {Information} PL2012" }, Strings(after.GetProperty("TrustFrameworkBase.xml")));
            Assert.Equal(new[] { $"42:47-42:53 {Error} PL2001", $"42:47-42:53 {Error} PL6001" }, Strings(after.GetProperty("TrustFrameworkExtensions.xml")));
        }
    }
}
