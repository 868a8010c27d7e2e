using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// The workspace: files from disk or from memory, with versions; after an edit only the units the edit touches run
    /// again (PolicyLint.Fuzz.Tests/WorkspaceIncrementalTests checks that the result is always a full analysis's).
    /// </summary>
    public sealed class WorkspaceTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "policylint-workspace-" + Guid.NewGuid().ToString("N"));
        private readonly string _fixture = Path.Combine(Paths.Fixtures, "PL2001", "err", "base-problem-reported-once");

        public WorkspaceTests() => Directory.CreateDirectory(_dir);

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        /// <summary>Two families of the fixture (a base and two relying parties each), the second with its own PolicyIds.</summary>
        private List<string> WriteTwoFamilies()
        {
            var paths = new List<string>();
            foreach (var (folder, prefix) in new[] { ("one", "B2C_1A_"), ("two", "B2C_1A_Two_") })
            {
                Directory.CreateDirectory(Path.Combine(_dir, folder));
                foreach (var file in Directory.GetFiles(_fixture, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                {
                    string path = Path.Combine(_dir, folder, Path.GetFileName(file));
                    File.WriteAllText(path, File.ReadAllText(file).Replace("B2C_1A_", prefix, StringComparison.Ordinal));
                    paths.Add(path);
                }
            }
            return paths;
        }

        private static PolicyWorkspace Open(IEnumerable<string> paths)
        {
            var request = new AnalysisRequest();
            foreach (var path in paths) request.AddPolicy(path);
            return new PolicyWorkspace(request);
        }

        /// <summary>The PL2001 findings (the fixture's relying parties also have a PL3008 each, which no edit here touches).</summary>
        private static string Lines(WorkspaceAnalysis analysis)
            => string.Join("\n", analysis.Result.Diagnostics.Where(d => d.Id == "PL2001").Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"{Path.GetFileName(Path.GetDirectoryName(span.Path))}/{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}";
            }));

        [Fact]
        public void AnEditToARelyingPartyRunsOnlyItsFileAndItsScopeAgain()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            var first = workspace.Analyze();
            // Six files' own checks and two scopes (each base with its relying parties).
            Assert.Equal((0, 8), (first.UnitsReused, first.UnitsComputed));
            Assert.Equal("one/Base.xml(44,48): PL2001\ntwo/Base.xml(44,48): PL2001", Lines(first));

            string signIn = paths.Single(p => p.EndsWith(Path.Combine("one", "SignIn.xml"), StringComparison.Ordinal));
            workspace.SetText(signIn, File.ReadAllText(signIn).Replace("ClaimTypeReferenceId=\"email\"", "ClaimTypeReferenceId=\"emial\"", StringComparison.Ordinal), 1);
            var edited = workspace.Analyze();
            Assert.Equal((6, 2), (edited.UnitsReused, edited.UnitsComputed));
            Assert.Equal("one/Base.xml(44,48): PL2001\none/SignIn.xml(13,44): PL2001\ntwo/Base.xml(44,48): PL2001", Lines(edited));
            Assert.Equal(new[] { "PL2001" }, edited.For(signIn).Select(c => c.Diagnostic.Id));
            Assert.Equal(new[] { "PL3008" }, edited.For(paths.Single(p => p.EndsWith(Path.Combine("one", "SignUp.xml"), StringComparison.Ordinal))).Select(c => c.Diagnostic.Id));
        }

        [Fact]
        public void AnEditToABaseRunsEveryPolicyOfItsChainAgain()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            workspace.Analyze();
            string baseFile = paths.Single(p => p.EndsWith(Path.Combine("two", "Base.xml"), StringComparison.Ordinal));
            workspace.SetText(baseFile, File.ReadAllText(baseFile).Replace("ClaimTypeReferenceId=\"emailAddress\"", "ClaimTypeReferenceId=\"email\"", StringComparison.Ordinal), 1);
            var edited = workspace.Analyze();
            Assert.Equal((6, 2), (edited.UnitsReused, edited.UnitsComputed));
            Assert.Equal("one/Base.xml(44,48): PL2001", Lines(edited));
        }

        [Fact]
        public void AnEditThatChangesAPolicyIdRunsEverythingAgain()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            workspace.Analyze();
            string signUp = paths.Single(p => p.EndsWith(Path.Combine("two", "SignUp.xml"), StringComparison.Ordinal));
            // Its base is now a policy of the other family: the inheritance links changed, so every unit runs again.
            string text = File.ReadAllText(signUp).Replace("<PolicyId>B2C_1A_Two_Base</PolicyId>", "<PolicyId>B2C_1A_Base</PolicyId>", StringComparison.Ordinal);
            workspace.SetText(signUp, text, 1);
            var edited = workspace.Analyze();
            // The other files' own checks are kept; both scopes run again.
            Assert.Equal((5, 3), (edited.UnitsReused, edited.UnitsComputed));
            var fresh = Open(paths);
            fresh.SetText(signUp, text, 1);
            Assert.Equal(Lines(fresh.Analyze()), Lines(edited));
            Assert.Equal("one/Base.xml(44,48): PL2001\ntwo/Base.xml(44,48): PL2001", Lines(edited));
        }

        /// <summary>
        /// The claims a relying party sends in reach the claim flow of its base's scope (PL3009 reads them): an edit to them
        /// changes the relying party's shape, so the base's scope is merged again, not taken over from the last analysis.
        /// </summary>
        [Fact]
        public void AnEditToTheClaimsARelyingPartySendsRunsItsBaseAgain()
        {
            string source = File.ReadAllText(Path.Combine(Paths.Fixtures, "PL3009", "ok", "produced-before-use.xml"));
            int rp = source.IndexOf("  <RelyingParty>", StringComparison.Ordinal);
            string head = source.Substring(0, source.IndexOf("  <BuildingBlocks>", StringComparison.Ordinal));
            string basePath = Path.Combine(_dir, "Base.xml"), rpPath = Path.Combine(_dir, "SignIn.xml");
            // The first step's profile requires the email only the application sends.
            File.WriteAllText(basePath, source.Substring(0, rp).Replace("<InputClaim ClaimTypeReferenceId=\"email\" />", "<InputClaim ClaimTypeReferenceId=\"email\" Required=\"true\" />", StringComparison.Ordinal) + "</TrustFrameworkPolicy>\n");
            File.WriteAllText(rpPath, head.Replace("B2C_1A_Test", "B2C_1A_SignIn", StringComparison.Ordinal)
                + "  <BasePolicy>\n    <TenantId>contoso.onmicrosoft.com</TenantId>\n    <PolicyId>B2C_1A_Test</PolicyId>\n  </BasePolicy>\n"
                + source.Substring(rp));
            var workspace = Open(new[] { basePath, rpPath });
            Assert.DoesNotContain(workspace.Analyze().Result.Diagnostics, d => d.Id == "PL3009");

            // The application no longer sends the email the first step reads.
            string edited = File.ReadAllText(rpPath).Replace("<InputClaim ClaimTypeReferenceId=\"email\" />", "", StringComparison.Ordinal);
            workspace.SetText(rpPath, edited, 1);
            var after = workspace.Analyze();
            var fresh = Open(new[] { basePath, rpPath });
            fresh.SetText(rpPath, edited, 1);
            var full = fresh.Analyze();
            Assert.Contains(full.Result.Diagnostics, d => d.Id == "PL3009");
            Assert.Equal(full.Result.All.Select(c => c.Diagnostic.ToString()), after.Result.All.Select(c => c.Diagnostic.ToString()));
        }

        [Fact]
        public void TextInMemoryOverridesTheDiskUntilClosed()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            string baseFile = paths[0];
            string fixedText = File.ReadAllText(baseFile).Replace("ClaimTypeReferenceId=\"emailAddress\"", "ClaimTypeReferenceId=\"email\"", StringComparison.Ordinal);
            workspace.SetText(baseFile, fixedText, 3);
            Assert.Equal("two/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));
            Assert.Equal(3, workspace.VersionOf(baseFile));

            // A late notification of an older version is ignored.
            workspace.SetText(baseFile, File.ReadAllText(baseFile), 2);
            Assert.Equal("two/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));

            workspace.Close(baseFile);
            Assert.Null(workspace.TextOf(baseFile));
            Assert.Equal("one/Base.xml(44,48): PL2001\ntwo/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));
        }

        [Fact]
        public void ReloadReadsAChangedFileFromDiskAgain()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            workspace.Analyze();
            string baseFile = paths[0];
            File.WriteAllText(baseFile, File.ReadAllText(baseFile).Replace("ClaimTypeReferenceId=\"emailAddress\"", "ClaimTypeReferenceId=\"email\"", StringComparison.Ordinal));
            // Until told, the workspace keeps the file it parsed.
            Assert.Equal("one/Base.xml(44,48): PL2001\ntwo/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));
            workspace.Reload(baseFile);
            Assert.Equal("two/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));
        }

        [Fact]
        public void ARemovedFileTakesItsFindingsAlong()
        {
            var paths = WriteTwoFamilies();
            var workspace = Open(paths);
            workspace.Analyze();
            Assert.True(workspace.Remove(paths[3]));
            Assert.False(workspace.Remove(paths[3]));
            Assert.Equal("one/Base.xml(44,48): PL2001", Lines(workspace.Analyze()));
            Assert.Equal(5, workspace.Paths.Count);
        }

        [Fact]
        public void TheBuildsEntryPointIsOneAnalysisOfAWorkspace()
        {
            var paths = WriteTwoFamilies();
            var request = new AnalysisRequest();
            foreach (var path in paths) request.AddPolicy(path);
            var build = Linter.Run(request);
            var workspace = new PolicyWorkspace(request).Analyze();
            Assert.Equal(build.All.Select(c => c.Diagnostic.ToString()), workspace.Result.All.Select(c => c.Diagnostic.ToString()));
            Assert.Equal(6, build.FilesAnalyzed);
            // The request is the workspace's starting point, not its state: analyzing did not change it.
            Assert.Equal(6, request.Policies.Count);
        }
    }
}
