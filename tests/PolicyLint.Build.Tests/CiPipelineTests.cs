using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>
    /// The lint step of the pipeline files in docs/ci, run as written: known findings pass, a new error fails the step
    /// and is printed for the CI's summary, and the SARIF log lands where the next step uploads it.
    /// </summary>
    [Collection("package")]
    public sealed class CiPipelineTests
    {
        private readonly PackageFeed _feed;

        public CiPipelineTests(PackageFeed feed) => _feed = feed;

        /// <summary>The dotnet build command of a pipeline file's lint step.</summary>
        private static string LintCommand(string file, string prefix)
        {
            var lines = File.ReadAllLines(Path.Combine(PackageFeed.RepoRoot, "docs", "ci", file));
            var line = lines.Single(l => l.TrimStart().StartsWith(prefix + "dotnet build ", StringComparison.Ordinal)).Trim();
            return line.Substring(prefix.Length + "dotnet ".Length);
        }

        private TestRepo RepoWithKnownError(string name)
        {
            var repo = _feed.NewRepo(name)
                .Write("policies/TrustFrameworkBase.xml", Policies.Base())
                .Write("policies/SignUp.xml", Policies.Child("emial"))
                .Write("policies/policies.proj", $"<Project Sdk=\"PolicyLint/{_feed.Version}\" />\n");
            var adopt = repo.RunDotnet("build policies/policies.proj -p:PolicyLintUpdateBaseline=true");
            Assert.True(adopt.ExitCode == 0, adopt.Output);
            Assert.True(File.Exists(repo.PathOf("policies/policylint.baseline.json")));
            return repo;
        }

        private static void AddNewError(TestRepo repo)
            => repo.Write("policies/SignUp.xml", Policies.Child("emial").Replace("<InputClaim ClaimTypeReferenceId=\"emial\" />",
                "<InputClaim ClaimTypeReferenceId=\"emial\" />\n            <InputClaim ClaimTypeReferenceId=\"phone1\" />"));

        [Fact]
        public void GitHubActionsLintStep()
        {
            var command = LintCommand("github-actions.yml", "run: ");
            var repo = RepoWithKnownError("gha");
            var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = repo.Directory };

            var known = repo.RunDotnet(command, env);
            Assert.True(known.ExitCode == 0, known.Output);
            Assert.DoesNotContain("::error", known.Output);
            Assert.True(File.Exists(repo.PathOf("policies/policylint.sarif")));

            AddNewError(repo);
            var added = repo.RunDotnet(command, env);
            Assert.NotEqual(0, added.ExitCode);
            Assert.Contains("::error file=policies/SignUp.xml,line=13,col=47,endLine=13,endColumn=53,title=PL2001::ClaimType 'phone1' is not declared", added.Output);
            Assert.DoesNotContain("'emial' is not declared", added.Output.Split('\n').Where(l => l.Contains("::error", StringComparison.Ordinal)).FirstOrDefault() ?? "");
        }

        [Fact]
        public void AzurePipelinesLintStep()
        {
            var repo = RepoWithKnownError("azp");
            // The agent's staging folder is an absolute path.
            var staging = repo.PathOf("out/staging");
            var command = LintCommand("azure-pipelines.yml", "- script: ").Replace("$(Build.ArtifactStagingDirectory)", staging);
            var env = new Dictionary<string, string> { ["TF_BUILD"] = "True", ["BUILD_SOURCESDIRECTORY"] = repo.Directory };

            var known = repo.RunDotnet(command, env);
            Assert.True(known.ExitCode == 0, known.Output);
            Assert.DoesNotContain("##vso[task.logissue", known.Output);
            Assert.True(File.Exists(Path.Combine(staging, "CodeAnalysisLogs", "policylint.sarif")));

            AddNewError(repo);
            var added = repo.RunDotnet(command, env);
            Assert.NotEqual(0, added.ExitCode);
            Assert.Contains("##vso[task.logissue type=error;sourcepath=policies/SignUp.xml;linenumber=13;columnnumber=47;code=PL2001]ClaimType 'phone1' is not declared", added.Output);
            Assert.Single(added.Output.Split('\n').Where(l => l.Contains("##vso[task.logissue type=error", StringComparison.Ordinal)).Distinct());
        }
    }
}
