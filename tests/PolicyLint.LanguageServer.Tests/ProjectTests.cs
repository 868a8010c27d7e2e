using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyLint.Build.Tests;
using Xunit;

namespace PolicyLint.LanguageServer.Tests
{
    /// <summary>A folder with a project using the PolicyLint SDK: the server evaluates it with MSBuild, as the build would.</summary>
    public sealed class ProjectTests
    {
        [Fact]
        public async Task AnSdkProject_IsEvaluated_ForItsPoliciesAndNoWarn()
        {
            using var folder = new TempFolder();
            // The package, packed with one platform's ReadyToRun images (the evaluation needs only its props and targets).
            string feed = Path.Combine(folder.Root, "feed"), packages = Path.Combine(folder.Root, "packages");
            var pack = Dotnet.Run(LspClient.RepoRoot, packages, $"pack \"{Path.Combine(LspClient.RepoRoot, "src", "PolicyLint.Build", "PolicyLint.Build.csproj")}\" -c Release -o \"{feed}\" -p:PackageOutputPath=\"{feed}\" -p:PolicyLintReadyToRunRids=linux-x64 -nologo");
            Assert.True(pack.ExitCode == 0, pack.Output);
            string version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "PolicyLint.*.nupkg").Single()).Substring("PolicyLint.".Length);

            string project = Path.Combine(folder.Root, "project");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "NuGet.config"), $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>");
            File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />");
            // Only SignUp.xml is a policy of the project (the default glob is off), and PL2011 is not reported.
            File.WriteAllText(Path.Combine(project, "policies.proj"), $@"<Project Sdk=""PolicyLint/{version}"">
  <PropertyGroup><EnableDefaultB2CPolicyItems>false</EnableDefaultB2CPolicyItems><NoWarn>$(NoWarn);PL2011</NoWarn></PropertyGroup>
  <ItemGroup><B2CPolicy Include=""SignUp.xml"" /></ItemGroup>
</Project>
");
            File.Copy(TempFolder.Fixture("PL2011/err/claim-case.xml"), Path.Combine(project, "SignUp.xml"));
            File.Copy(TempFolder.Fixture("PL2011/err/claim-case.xml"), Path.Combine(project, "Other.xml"));

            await using var client = LspClient.Start(new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
            await client.Initialize(project);
            string signUp = Path.Combine(project, "SignUp.xml");
            await client.Open(signUp);
            // NoWarn from the project: the PL2011 the command line's defaults would report is not.
            Assert.Empty(await client.Diagnostics(signUp, version: 1));
            Assert.Contains("evaluated " + Path.Combine(project, "policies.proj") + " with MSBuild", client.Stderr);
            Assert.Contains(", 1 file(s)", client.Stderr);
        }
    }
}
