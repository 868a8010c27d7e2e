using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyLint.Build.Tests
{
    /// <summary>Real `dotnet build` runs of policy repositories against the packed package.</summary>
    [Collection("package")]
    public sealed class BuildTests
    {
        private readonly PackageFeed _feed;

        public BuildTests(PackageFeed feed) => _feed = feed;

        private static List<string> Problems(BuildResult result, TestRepo repo)
            => result.Diagnostics(repo.Directory).Where(l => !l.Contains(": message ")).ToList();

        [Fact]
        public void SdkProjectReportsCanonicalLinesAndFails()
        {
            var repo = _feed.NewRepo("sdk")
                .Write("base/TrustFrameworkBase.xml", Policies.Base())
                .Write("my policies/SignUp.xml", Policies.Child("emial"))
                .Write("notes/readme.xml", "<notes>not a policy: skipped silently</notes>")
                .SdkProject();
            var result = repo.Build();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(new[] { "my policies/SignUp.xml(12,47,12,52): error PL2001" }, Problems(result, repo));
            Assert.Contains("ClaimType 'emial' is not declared in B2C_1A_Child or its bases B2C_1A_Base. Did you mean 'email'?", result.Output);
        }

        [Fact]
        public void PackageReferenceInNoTargetsProjectReportsAfterBuild()
        {
            var repo = _feed.NewRepo("noTargets")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .Write("policies.csproj", $@"<Project Sdk=""Microsoft.Build.NoTargets/3.7.0"">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include=""PolicyLint"" Version=""{_feed.Version}"" PrivateAssets=""all"" /></ItemGroup>
</Project>
");
            var result = repo.Build();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(new[] { "SignUp.xml(12,47,12,52): error PL2001" }, Problems(result, repo));
        }

        [Fact]
        public void CleanRepositoryBuildsAndSecondBuildSkipsTheLint()
        {
            var repo = _feed.NewRepo("incremental")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("email"))
                .SdkProject();
            var first = repo.Build("-v:d");
            Assert.Equal(0, first.ExitCode);
            Assert.Empty(Problems(first, repo));
            Assert.Contains("Building target \"PolicyLint\" completely", first.Output);

            var second = repo.Build("-v:d");
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("Skipping target \"PolicyLint\" because all output files are up-to-date", second.Output);

            // A changed policy runs it again.
            repo.Write("SignUp.xml", Policies.Child("emial"));
            var third = repo.Build();
            Assert.Equal(new[] { "SignUp.xml(12,47,12,52): error PL2001" }, Problems(third, repo));
        }

        [Fact]
        public void DotnetBuildRunsTheTaskPrecompiledForItsPlatform()
        {
            using (var package = System.IO.Compression.ZipFile.OpenRead(_feed.Package))
            {
                var entries = package.Entries.Select(e => e.FullName).ToList();
                foreach (var folder in new[] { "tasks/netstandard2.0/", "tasks/net10.0/linux-x64/", "tasks/net10.0/win-x64/" })
                    foreach (var assembly in new[] { "PolicyLint.Build.dll", "PolicyLint.Core.dll", "Microsoft.CodeAnalysis.dll" })
                        Assert.Contains(folder + assembly, entries);
                // A runtime uses only ReadyToRun code of its own format version and silently JITs any other image: the
                // precompiled copies must carry the version of the runtime the SDK runs MSBuild on (this test's).
                int runtimeFormat = ReadyToRunMajorVersion(File.ReadAllBytes(typeof(object).Assembly.Location));
                Assert.True(runtimeFormat > 0, "System.Private.CoreLib is not a ReadyToRun image");
                foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("tasks/net10.0/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    Assert.True(ReadyToRunMajorVersion(copy.ToArray()) == runtimeFormat,
                        $"{entry.FullName}: ReadyToRun format {ReadyToRunMajorVersion(copy.ToArray())}, the runtime reads {runtimeFormat}");
                }
            }
            var repo = _feed.NewRepo("readyToRun")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .SdkProject();
            var result = repo.Build("-v:d");
            // (Detailed output also echoes paths and properties, so only the diagnostic line itself is looked for.)
            Assert.Contains("SignUp.xml(12,47,12,52): error PL2001", Problems(result, repo));
            // This machine's platform has a precompiled copy; any other falls back to the IL build, which works the same.
            string rid = (System.OperatingSystem.IsWindows() ? "win-" : System.OperatingSystem.IsLinux() ? "linux-" : "other-")
                + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            string folderUsed = rid == "linux-x64" || rid == "win-x64" ? "tasks/net10.0/" + rid : "tasks/netstandard2.0";
            Assert.Matches("Using \"PolicyLint\" task from assembly \"[^\"]*" + System.Text.RegularExpressions.Regex.Escape(folderUsed.Replace('/', Path.DirectorySeparatorChar)) + "[/\\\\]PolicyLint.Build.dll\"", result.Output);
        }

        /// <summary>The major format version in a ReadyToRun image's header; 0 for an IL-only assembly.</summary>
        private static int ReadyToRunMajorVersion(byte[] image)
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image));
            var header = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory;
            if (header == null || header.Value.Size < 8) return 0;
            var bytes = pe.GetSectionData(header.Value.RelativeVirtualAddress).GetContent(0, 8);
            // READYTORUN_HEADER: signature "RTR" (0x00525452), then the major and minor versions.
            if (BitConverter.ToUInt32(bytes.AsSpan(0, 4)) != 0x00525452) return 0;
            return BitConverter.ToUInt16(bytes.AsSpan(4, 2));
        }

        [Fact]
        public void WarningsAreReportedAgainOnEveryBuild()
        {
            var repo = _feed.NewRepo("warnings")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("email"))
                .Write("Other.xml", Policies.Base("fabrikam.onmicrosoft.com").Replace("B2C_1A_Base", "B2C_1A_Other"))
                .SdkProject();
            // Two policies on contoso, one on fabrikam: PL1007 at the minority's TenantId.
            string expected = "Other.xml(2,128,2,152): warning PL1007";
            Assert.Equal(new[] { expected }, Problems(repo.Build(), repo));
            var again = repo.Build();
            Assert.Equal(0, again.ExitCode);
            Assert.Equal(new[] { expected }, Problems(again, repo));
        }

        [Fact]
        public void EditorConfigSetsSeverityAndItsChangeReRunsTheLint()
        {
            var repo = _feed.NewRepo("editorconfig")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .Write(".editorconfig", "root = true\n\n[*.xml]\ndotnet_diagnostic.PL2001.severity = warning\n")
                .SdkProject();
            var warned = repo.Build();
            Assert.Equal(0, warned.ExitCode);
            Assert.Equal(new[] { "SignUp.xml(12,47,12,52): warning PL2001" }, Problems(warned, repo));

            // Category form, in a section that matches only this file.
            repo.Write(".editorconfig", "root = true\n\n[SignUp.xml]\ndotnet_analyzer_diagnostic.category-References.severity = none\n");
            var silenced = repo.Build();
            Assert.Equal(0, silenced.ExitCode);
            Assert.Empty(Problems(silenced, repo));
        }

        [Fact]
        public void MSBuildPropertiesControlPLCodesAsTheyDoCompilerWarnings()
        {
            var repo = _feed.NewRepo("properties")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .Write("Other.xml", Policies.Base("fabrikam.onmicrosoft.com").Replace("B2C_1A_Base", "B2C_1A_Other"))
                .SdkProject();

            var noWarn = repo.Build("-p:NoWarn=PL2001");
            Assert.Equal(new[] { "Other.xml(2,128,2,152): warning PL1007" }, Problems(noWarn, repo));
            Assert.Equal(0, noWarn.ExitCode);

            var asErrors = repo.Build("-p:NoWarn=PL2001 -p:WarningsAsErrors=PL1007");
            Assert.Equal(new[] { "Other.xml(2,128,2,152): error PL1007" }, Problems(asErrors, repo));
            Assert.NotEqual(0, asErrors.ExitCode);

            var all = repo.Build("-p:NoWarn=PL2001 -p:TreatWarningsAsErrors=true");
            Assert.Equal(new[] { "Other.xml(2,128,2,152): error PL1007" }, Problems(all, repo));

            var except = repo.Build("-p:NoWarn=PL2001 -p:TreatWarningsAsErrors=true -p:WarningsNotAsErrors=PL1007");
            Assert.Equal(new[] { "Other.xml(2,128,2,152): warning PL1007" }, Problems(except, repo));
            Assert.Equal(0, except.ExitCode);

            // Back to options used before: their old stamp must not make the lint skip with another run's report.
            var again = repo.Build("-p:NoWarn=PL2001 -p:WarningsAsErrors=PL1007");
            Assert.Equal(new[] { "Other.xml(2,128,2,152): error PL1007" }, Problems(again, repo));
            Assert.Single(Directory.GetFiles(Path.Combine(repo.Directory, "obj"), "policylint.*.stamp"));
        }

        [Fact]
        public void SuppressionCommentsHideDiagnosticsAndUnusedOnesAreReported()
        {
            var repo = _feed.NewRepo("suppress")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial", before: "<!-- policylint disable-next PL2001 -->"))
                .Write("Extra.xml", Policies.Child("email").Replace("B2C_1A_Child", "B2C_1A_Extra").Replace("<InputClaims>", "<InputClaims><!-- policylint disable-next PL2002 -->"))
                .SdkProject();
            var result = repo.Build();
            Assert.Equal(0, result.ExitCode);
            Assert.Empty(Problems(result, repo));
            Assert.Contains("Extra.xml(11,24,11,63): message PL0006", result.Diagnostics(repo.Directory));
        }

        [Fact]
        public void DefaultGlobCanBeTurnedOffAndItemsListedExplicitly()
        {
            var repo = _feed.NewRepo("items")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .Write("other/NotPolicy.xml", "<root />")
                .SdkProject("<EnableDefaultB2CPolicyItems>false</EnableDefaultB2CPolicyItems>",
                    "<B2CPolicy Include=\"other/NotPolicy.xml\" /><B2CPolicyReference Include=\"TrustFrameworkBase.xml\" />");
            var result = repo.Build();
            // SignUp.xml is no longer linted; the explicit non-policy is a warning; the reference is never reported on.
            Assert.Equal(new[] { "other/NotPolicy.xml(1,1,1,6): warning PL0003" }, Problems(result, repo));
        }
    }
}
