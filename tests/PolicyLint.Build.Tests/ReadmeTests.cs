using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>The README's first command, run as a newcomer would: on a fresh clone of the committed repository.</summary>
    public sealed class ReadmeTests
    {
        [Fact]
        public void FirstCommandLintsTheWeChatSampleOnAFreshClone()
        {
            string root = PackageFeed.RepoRoot;
            var readme = File.ReadAllText(Path.Combine(root, "README.md"));
            var command = Regex.Match(readme, @"<!-- first-command -->\s*```sh\s*\n(?<cmd>[^\n]+)\n```").Groups["cmd"].Value.Trim();
            Assert.Equal("dotnet pack src/PolicyLint.Build -c Release && dotnet build samples/wechat", command);

            var clone = Path.Combine(Path.GetTempPath(), "policylint-clone-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                var cloned = Tool.Run("git", $"clone --quiet \"{root}\" \"{clone}\"");
                Assert.True(cloned.ExitCode == 0, cloned.Output);
                var run = Tool.Run("bash", $"-c \"{command}\"", clone, new System.Collections.Generic.Dictionary<string, string>
                {
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["MSBUILDDISABLENODEREUSE"] = "1",
                    ["GITHUB_ACTIONS"] = "",
                });
                Assert.NotEqual(0, run.ExitCode);
                var file = Path.Combine(clone, "samples", "wechat", "TrustFrameworkExtensions.xml");
                Assert.Contains($"{file}(43,48,43,54): error PL2001: ClaimType 'UserId' is not declared", run.Output);
                Assert.Contains($"{file}(43,48,43,54): error PL6001: WeChat profile", run.Output);
                var errors = run.Output.Split('\n').Where(l => l.Contains(": error PL", StringComparison.Ordinal) || l.Contains(": warning PL", StringComparison.Ordinal))
                    .Select(l => l.Trim()).Distinct().ToList();
                Assert.Equal(2, errors.Count);
            }
            finally
            {
                try { Directory.Delete(clone, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
