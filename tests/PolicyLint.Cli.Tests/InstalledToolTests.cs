using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Build.Tests;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Cli.Tests
{
    /// <summary>
    /// Packs PolicyLint.Cli into a private folder feed and installs it as a user would
    /// (`dotnet tool install --tool-path … --add-source <feed> PolicyLint.Cli`), with a private NuGet cache.
    /// </summary>
    public sealed class InstalledTool : IDisposable
    {
        public InstalledTool()
        {
            Root = Path.Combine(Path.GetTempPath(), "policylint-cli-tool-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string feed = Path.Combine(Root, "feed"), packages = Path.Combine(Root, "packages"), tools = Path.Combine(Root, "tools");
            Directory.CreateDirectory(feed);
            var pack = Dotnet.Run(Paths.RepoRoot, packages, $"pack \"{Path.Combine(Paths.RepoRoot, "src", "PolicyLint.Cli", "PolicyLint.Cli.csproj")}\" -c Release -o \"{feed}\" -p:PackageOutputPath=\"{feed}\" -nologo");
            if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
            string package = Directory.GetFiles(feed, "PolicyLint.Cli.*.nupkg").Single();
            Version = Regex.Match(Path.GetFileName(package), @"^PolicyLint\.Cli\.(.+)\.nupkg$").Groups[1].Value;
            var install = Dotnet.Run(Root, packages, $"tool install --tool-path \"{tools}\" --add-source \"{feed}\" PolicyLint.Cli --version {Version}");
            if (install.ExitCode != 0) throw new InvalidOperationException("dotnet tool install failed:\n" + install.Output);
            Command = Path.Combine(tools, OperatingSystem.IsWindows() ? "policylint.exe" : "policylint");
        }

        public string Root { get; }
        public string Version { get; }
        /// <summary>The installed tool's command (the apphost dotnet tool install made).</summary>
        public string Command { get; }

        public (int ExitCode, string Output) Run(string arguments, string cwd)
            => Tool.Run(Command, arguments, cwd, new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["GITHUB_ACTIONS"] = "", ["TF_BUILD"] = "" });

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public sealed class InstalledToolTests : IClassFixture<InstalledTool>
    {
        private readonly InstalledTool _tool;

        public InstalledToolTests(InstalledTool tool) => _tool = tool;

        [Fact]
        public void TheWeChatSampleFailsWithThePL2001LineAsMSBuildPrintsIt()
        {
            string sample = Path.Combine(Paths.RepoRoot, "samples", "wechat");
            var run = _tool.Run("", sample);
            Assert.Equal(1, run.ExitCode);
            // README.md: the line MSBuild prints, without the project suffix MSBuild appends.
            string file = Path.Combine(sample, "TrustFrameworkExtensions.xml");
            var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains($"{file}(43,48,43,54): error PL2001: ClaimType 'UserId' is not declared in B2C_1A_TrustFrameworkExtensions or its bases B2C_1A_TrustFrameworkLocalization, B2C_1A_TrustFrameworkBase.", lines);
            Assert.Equal(2, lines.Count(l => l.Contains(": error PL", StringComparison.Ordinal)));
            Assert.False(run.Output.Contains('\u001b'), run.Output); // redirected: no colour
        }

        [Fact]
        public void TheFixedSamplePasses()
        {
            var run = _tool.Run(".", Path.Combine(Paths.RepoRoot, "samples", "wechat-fixed"));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.DoesNotContain(": error PL", run.Output);
            Assert.DoesNotContain(": warning PL", run.Output);
        }

        [Fact]
        public void VersionAndBadUsage()
        {
            var version = _tool.Run("--version", _tool.Root);
            Assert.Equal(0, version.ExitCode);
            Assert.Equal("policylint " + _tool.Version, version.Output.Trim());
            var bad = _tool.Run("--no-such-option", _tool.Root);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("unknown option '--no-such-option'", bad.Output);
        }
    }
}
