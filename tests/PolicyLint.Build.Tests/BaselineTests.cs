using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>A repository adopting PolicyLint with existing findings: a baseline keeps them from failing the build.</summary>
    [Collection("package")]
    public sealed class BaselineTests
    {
        private readonly PackageFeed _feed;

        public BaselineTests(PackageFeed feed) => _feed = feed;

        /// <summary>A child of B2C_1A_Base whose input claims start on line 12, one a line (the value at column 47).</summary>
        private static string ChildReferencing(params string[] claims)
        {
            var lines = string.Join("\n", claims.Select(c => $"            <InputClaim ClaimTypeReferenceId=\"{c}\" />"));
            var child = Policies.Child("PLACEHOLDER");
            return child.Replace("            <InputClaim ClaimTypeReferenceId=\"PLACEHOLDER\" />", lines);
        }

        private TestRepo RepoWithThreeErrors(string name) => _feed.NewRepo(name)
            .Write("TrustFrameworkBase.xml", Policies.Base())
            .Write("policies/SignUp.xml", ChildReferencing("emial", "phone1", "naem"))
            .SdkProject();

        [Fact]
        public void KnownFindingsPassNewOnesFailMovedOnesStayKnownFixedOnesAreReportedStale()
        {
            var repo = RepoWithThreeErrors("baseline");
            var before = repo.Build();
            Assert.NotEqual(0, before.ExitCode);
            Assert.Equal(new[]
            {
                "policies/SignUp.xml(12,47,12,52): error PL2001",
                "policies/SignUp.xml(13,47,13,53): error PL2001",
                "policies/SignUp.xml(14,47,14,51): error PL2001",
            }, PL2001(before, repo));

            // Adopt: write the baseline; the same build is green.
            var update = repo.Build("-p:PolicyLintUpdateBaseline=true");
            Assert.True(update.ExitCode == 0, update.Output);
            // The three errors and the suggestion that profile 'Copy' is never used.
            Assert.True(update.Output.Contains("PolicyLint wrote 4 finding(s) to", StringComparison.Ordinal), update.Output);
            using (var json = JsonDocument.Parse(File.ReadAllText(repo.PathOf("policylint.baseline.json"))))
            {
                var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
                Assert.Equal(new[] { "PL2001", "PL2001", "PL2001", "PL2012" }, findings.Select(f => f.GetProperty("id").GetString()).OrderBy(i => i).ToArray());
                var first = findings.Single(f => f.GetProperty("value").GetString() == "emial");
                Assert.Equal("PL2001", first.GetProperty("id").GetString());
                Assert.Equal("policies/SignUp.xml", first.GetProperty("file").GetString());
                Assert.Equal("/TrustFrameworkPolicy/ClaimsProviders/ClaimsProvider/TechnicalProfiles/TechnicalProfile[@Id='Copy']/InputClaims/InputClaim[@ClaimTypeReferenceId='emial']",
                    first.GetProperty("element").GetString());
            }

            var known = repo.Build("-p:PolicyLintErrorLog=out/known.sarif");
            Assert.True(known.ExitCode == 0, known.Output);
            Assert.Equal(new[]
            {
                "policies/SignUp.xml(12,47,12,52): message PL2001",
                "policies/SignUp.xml(13,47,13,53): message PL2001",
                "policies/SignUp.xml(14,47,14,51): message PL2001",
            }, PL2001(known, repo));
            var knownResults = Results(repo.PathOf("out/known.sarif"));
            Assert.All(knownResults, r => Assert.Equal("unchanged", r.BaselineState));
            Assert.All(knownResults, r => Assert.Equal("error", r.Level));

            // A fourth error fails the build, and only it is reported as an error.
            repo.Write("policies/SignUp.xml", ChildReferencing("emial", "phone1", "naem", "givn"));
            var fourth = repo.Build("-p:PolicyLintErrorLog=out/fourth.sarif");
            Assert.NotEqual(0, fourth.ExitCode);
            Assert.Equal(new[] { "policies/SignUp.xml(15,47,15,51): error PL2001" },
                fourth.Diagnostics(repo.Directory).Where(d => d.Contains(": error ", StringComparison.Ordinal)).ToArray());
            var fourthResults = Results(repo.PathOf("out/fourth.sarif"));
            Assert.Equal(new[] { "new" }, fourthResults.Where(r => r.Line == 15).Select(r => r.BaselineState).ToArray());

            // Lines inserted above the findings: the baseline still matches, and so do the fingerprints.
            repo.Write("policies/SignUp.xml", ChildReferencing("emial", "phone1", "naem")
                .Replace("<TrustFrameworkPolicy ", "<!-- moved down by two lines -->\n<!-- by a header comment -->\n<TrustFrameworkPolicy "));
            var moved = repo.Build("-p:PolicyLintErrorLog=out/moved.sarif");
            Assert.True(moved.ExitCode == 0, moved.Output);
            var movedResults = Results(repo.PathOf("out/moved.sarif"));
            Assert.Equal(knownResults.Select(r => r.Line + 2), movedResults.Select(r => r.Line));
            Assert.Equal(knownResults.Select(r => r.Fingerprint), movedResults.Select(r => r.Fingerprint));
            Assert.All(movedResults, r => Assert.Equal("unchanged", r.BaselineState));

            // A fixed finding leaves its entry stale: one PL0007 suggestion at the entry, and the build stays green.
            repo.Write("policies/SignUp.xml", ChildReferencing("emial", "phone1", "email"));
            var fixedOne = repo.Build();
            Assert.True(fixedOne.ExitCode == 0, fixedOne.Output);
            var stale = fixedOne.Diagnostics(repo.Directory).Where(d => d.Contains("PL0007", StringComparison.Ordinal)).ToList();
            Assert.Single(stale);
            Assert.StartsWith("policylint.baseline.json(", stale[0]);
            Assert.EndsWith(": message PL0007", stale[0]);
            Assert.Contains("Baseline entry PL2001 in 'policies/SignUp.xml' at /TrustFrameworkPolicy/", fixedOne.Output);
            Assert.Contains("[@ClaimTypeReferenceId='naem'] matches no finding any more", fixedOne.Output);
        }

        [Fact]
        public void AMalformedBaselineIsOneErrorAtItsPosition()
        {
            var repo = RepoWithThreeErrors("baseline-bad")
                .Write("policylint.baseline.json", "{\n  \"version\": 1,\n  \"findings\": [\n    { \"id\": \"PL2001\", \"file\": 3 }\n  ]\n}\n");
            var result = repo.Build();
            Assert.NotEqual(0, result.ExitCode);
            var diagnostics = result.Diagnostics(repo.Directory);
            Assert.Contains("policylint.baseline.json(4,5,4,6): error PL0008", diagnostics);
            Assert.Single(diagnostics, d => d.Contains("PL0008", StringComparison.Ordinal));
            // Every finding is then new.
            Assert.Equal(new[]
            {
                "policies/SignUp.xml(12,47,12,52): error PL2001",
                "policies/SignUp.xml(13,47,13,53): error PL2001",
                "policies/SignUp.xml(14,47,14,51): error PL2001",
            }, PL2001(result, repo));
            Assert.DoesNotContain("PL0004", result.Output);
        }

        private static string[] PL2001(BuildResult result, TestRepo repo)
            => result.Diagnostics(repo.Directory).Where(d => d.EndsWith(" PL2001", StringComparison.Ordinal)).ToArray();

        private sealed record Result(int Line, string Level, string? BaselineState, string Fingerprint);

        private static List<Result> Results(string sarif)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(sarif));
            return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString() == "PL2001")
                .Select(r => new Result(
                    r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                    r.GetProperty("level").GetString()!,
                    r.TryGetProperty("baselineState", out var state) ? state.GetString() : null,
                    r.GetProperty("partialFingerprints").GetProperty("policylint/v1").GetString()!))
                .OrderBy(r => r.Line).ToList();
        }
    }
}
