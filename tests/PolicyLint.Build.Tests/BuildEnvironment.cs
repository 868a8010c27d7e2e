using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>
    /// Packs the real PolicyLint package once into a private folder feed, with a private NuGet cache, so every
    /// build in these tests restores exactly what `dotnet pack` produced.
    /// </summary>
    public sealed class PackageFeed : IDisposable
    {
        public PackageFeed()
        {
            Root = Path.Combine(Path.GetTempPath(), "policylint-build-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Feed = Path.Combine(Root, "feed");
            Packages = Path.Combine(Root, "packages");
            Directory.CreateDirectory(Feed);
            var pack = Dotnet.Run(RepoRoot, null, $"pack \"{Path.Combine(RepoRoot, "src", "PolicyLint.Build", "PolicyLint.Build.csproj")}\" -c Release -o \"{Feed}\" -p:PackageOutputPath=\"{Feed}\" -nologo");
            if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
            Package = Directory.GetFiles(Feed, "PolicyLint.*.nupkg").Single();
            Version = Regex.Match(Path.GetFileName(Package), @"^PolicyLint\.(.+)\.nupkg$").Groups[1].Value;
        }

        public string Root { get; }
        public string Feed { get; }
        /// <summary>NUGET_PACKAGES for every build here: never the user's cache, so a re-pack is never stale.</summary>
        public string Packages { get; }
        public string Package { get; }
        public string Version { get; }

        public static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PolicyLint.sln"))) dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("PolicyLint.sln not found");
            }
        }

        /// <summary>A new policy repository in a temp folder, with a NuGet.config for this feed.</summary>
        public TestRepo NewRepo(string name) => new TestRepo(this, Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6)));

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [CollectionDefinition("package")]
    public sealed class PackageCollection : ICollectionFixture<PackageFeed> { }

    public sealed class TestRepo
    {
        private readonly PackageFeed _feed;

        internal TestRepo(PackageFeed feed, string directory)
        {
            _feed = feed;
            Directory = directory;
            System.IO.Directory.CreateDirectory(directory);
            Write("NuGet.config", $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""policylint"" value=""{feed.Feed}"" />
    <add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" />
  </packageSources>
</configuration>
");
            // Keep the repository's own Directory.Build.props and .editorconfig out of these builds.
            Write("Directory.Build.props", "<Project />\n");
            Write("Directory.Build.targets", "<Project />\n");
        }

        public string Directory { get; }
        public string Version => _feed.Version;

        public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

        public TestRepo Write(string relative, string content)
        {
            var path = PathOf(relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return this;
        }

        /// <summary>A project file using the package as an MSBuild SDK.</summary>
        public TestRepo SdkProject(string properties = "", string items = "")
            => Write("policies.proj", $@"<Project Sdk=""PolicyLint/{Version}"">
  <PropertyGroup>{properties}</PropertyGroup>
  <ItemGroup>{items}</ItemGroup>
</Project>
");

        /// <summary>A dotnet command as a CI pipeline would run it, with this repository's package feed.</summary>
        public BuildResult RunDotnet(string arguments, IDictionary<string, string>? environment = null)
            => new BuildResult(global::PolicyLint.Build.Tests.Dotnet.Run(Directory, _feed.Packages, arguments, environment));

        public BuildResult Build(string arguments = "", IDictionary<string, string>? environment = null)
            => new BuildResult(Dotnet.Run(Directory, _feed.Packages, "build -nologo -tl:off -nodeReuse:false -v:n " + arguments, environment));
    }

    public sealed class BuildResult
    {
        private static readonly Regex Canonical = new Regex(@"^\s*(?:\d+>)?(?<file>.+?)\((?<l>\d+),(?<c>\d+),(?<el>\d+),(?<ec>\d+)\): (?<sev>error|warning|message) (?<id>PL\d{4}): (?<msg>.*?)( \[[^\]]+\])?$", RegexOptions.Multiline);

        internal BuildResult((int ExitCode, string Output) run)
        {
            ExitCode = run.ExitCode;
            Output = run.Output;
        }

        public int ExitCode { get; }
        public string Output { get; }

        /// <summary>Distinct canonical diagnostic lines: "file(l,c,el,ec): severity id" (MSBuild repeats them in its summary).</summary>
        public IReadOnlyList<string> Diagnostics(string? relativeTo = null)
            => Canonical.Matches(Output).Cast<Match>()
                .Select(m => $"{Relative(m.Groups["file"].Value.Trim(), relativeTo)}({m.Groups["l"].Value},{m.Groups["c"].Value},{m.Groups["el"].Value},{m.Groups["ec"].Value}): {m.Groups["sev"].Value} {m.Groups["id"].Value}")
                .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

        public bool Ran(string target) => Output.Contains($"Target \"{target}\"", StringComparison.Ordinal) || Output.Contains($"{target}:", StringComparison.Ordinal);

        private static string Relative(string file, string? root)
            => root == null ? file : Path.GetRelativePath(root, file).Replace('\\', '/');

        public override string ToString() => Output;
    }

    public static class Dotnet
    {
        public static (int ExitCode, string Output) Run(string workingDirectory, string? nugetPackages, string arguments, IDictionary<string, string>? environment = null)
        {
            var env = new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["GITHUB_ACTIONS"] = "",
                ["TF_BUILD"] = "",
                ["GITHUB_WORKSPACE"] = "",
                ["BUILD_SOURCESDIRECTORY"] = "",
            };
            if (nugetPackages != null) env["NUGET_PACKAGES"] = nugetPackages;
            if (environment != null)
                foreach (var pair in environment) env[pair.Key] = pair.Value;
            return Tool.Run("dotnet", arguments, workingDirectory, env);
        }
    }

    /// <summary>Runs a program to completion (bounded), capturing stdout and stderr together.</summary>
    public static class Tool
    {
        public static (int ExitCode, string Output) Run(string fileName, string arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (environment != null)
                foreach (var pair in environment) info.Environment[pair.Key] = pair.Value;
            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)TimeSpan.FromMinutes(8).TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new TimeoutException($"{fileName} {arguments} did not finish in 8 minutes:\n{output}");
            }
            process.WaitForExit();
            lock (output) return (process.ExitCode, output.ToString());
        }
    }
}
