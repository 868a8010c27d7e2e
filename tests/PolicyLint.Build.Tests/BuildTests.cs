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

        /// <summary>The platforms the package carries ReadyToRun images for: every one the .NET SDK ships for (musl uses linux's).</summary>
        private static readonly string[] ReadyToRunRids = { "linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64", "win-arm64" };

        [Fact]
        public void DotnetBuildRunsTheTaskPrecompiledForItsPlatform()
        {
            int runtimeFormat = ReadyToRunImage.Read(File.ReadAllBytes(typeof(object).Assembly.Location)).MajorVersion;
            Assert.True(runtimeFormat > 0, "System.Private.CoreLib is not a ReadyToRun image");
            Version referenced;
            using (var package = System.IO.Compression.ZipFile.OpenRead(_feed.Package))
            {
                var entries = package.Entries.Select(e => e.FullName).ToList();
                foreach (var assembly in new[] { "PolicyLint.Build.dll", "PolicyLint.Core.dll", "Microsoft.CodeAnalysis.dll" })
                    Assert.Contains("tasks/netstandard2.0/" + assembly, entries);
                // One folder per platform, holding PolicyLint's own two assemblies and nothing the SDK has already.
                var folders = entries.Where(e => e.StartsWith("tasks/net10.0/", StringComparison.Ordinal))
                    .GroupBy(e => e.Split('/')[2]).ToDictionary(g => g.Key, g => g.Select(e => e.Split('/')[3]).OrderBy(n => n, StringComparer.Ordinal).ToList());
                Assert.Equal(ReadyToRunRids.OrderBy(r => r, StringComparer.Ordinal), folders.Keys.OrderBy(r => r, StringComparer.Ordinal));
                Assert.DoesNotContain(entries, e => e.EndsWith("/System.Text.Json.dll", StringComparison.Ordinal));
                foreach (var (folder, files) in folders)
                {
                    Assert.Equal(new[] { "PolicyLint.Build.dll", "PolicyLint.Core.dll" }, files);
                    foreach (var file in files)
                    {
                        // A runtime uses only ReadyToRun code of its own format version, for its own operating system and
                        // architecture, and silently JITs any other image.
                        var image = ReadyToRunImage.Read(Read(package.GetEntry($"tasks/net10.0/{folder}/{file}")!));
                        Assert.True(image.MajorVersion == runtimeFormat, $"{folder}/{file}: ReadyToRun format {image.MajorVersion}, the runtime reads {runtimeFormat}");
                        Assert.True(image.Rid == folder, $"{folder}/{file}: code for {image.Rid}");
                    }
                }
                referenced = ReferencedVersion(Read(package.GetEntry("tasks/netstandard2.0/PolicyLint.Core.dll")!), "Microsoft.CodeAnalysis");
            }

            // The precompiled task loads Microsoft.CodeAnalysis from beside MSBuild, where the SDK keeps its own copy,
            // precompiled too: the props use the folder only when that copy is there.
            string sdk = SdkDirectory();
            var roslyn = Path.Combine(sdk, "Microsoft.CodeAnalysis.dll");
            Assert.True(File.Exists(roslyn), $"{roslyn} is missing");
            Assert.True(ReadyToRunImage.Read(File.ReadAllBytes(roslyn)).MajorVersion == runtimeFormat, $"{roslyn} is not precompiled for this runtime");
            Assert.True(System.Reflection.AssemblyName.GetAssemblyName(roslyn).Version >= referenced, "the SDK's Microsoft.CodeAnalysis is older than the one PolicyLint.Core is built against");

            var repo = _feed.NewRepo("readyToRun")
                .Write("TrustFrameworkBase.xml", Policies.Base())
                .Write("SignUp.xml", Policies.Child("emial"))
                .SdkProject();
            var result = repo.Build("-v:d");
            // (Detailed output also echoes paths and properties, so only the diagnostic line itself is looked for.)
            Assert.Contains("SignUp.xml(12,47,12,52): error PL2001", Problems(result, repo));
            // The image the props pick for this machine, as they name it: the operating system and the architecture.
            string rid = (OperatingSystem.IsWindows() ? "win-" : OperatingSystem.IsMacOS() ? "osx-" : OperatingSystem.IsLinux() ? "linux-" : "other-")
                + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            string folderUsed = ReadyToRunRids.Contains(rid) ? "tasks/net10.0/" + rid : "tasks/netstandard2.0";
            Assert.Matches("Using \"PolicyLint\" task from assembly \"[^\"]*" + System.Text.RegularExpressions.Regex.Escape(folderUsed.Replace('/', Path.DirectorySeparatorChar)) + "[/\\\\]PolicyLint.Build.dll\"", result.Output);
        }

        /// <summary>What nuget.org shows: a readme, a license, where the project lives, tags and release notes.</summary>
        [Fact]
        public void ThePackageCarriesWhatNugetOrgShows()
        {
            using var package = System.IO.Compression.ZipFile.OpenRead(_feed.Package);
            var nuspec = System.Xml.Linq.XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
            System.Xml.Linq.XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
            Assert.Equal("README.md", Field("readme"));
            var readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
            Assert.Contains("<Project Sdk=\"PolicyLint/", readme, StringComparison.Ordinal);
            Assert.Equal("expression", Element("license")?.Attribute("type")?.Value);
            Assert.Equal("MIT", Field("license"));
            Assert.StartsWith("https://", Field("projectUrl"), StringComparison.Ordinal);
            Assert.StartsWith("https://", Element("repository")?.Attribute("url")?.Value ?? "", StringComparison.Ordinal);
            Assert.Contains("AzureADB2C", Field("tags"), StringComparison.Ordinal);
            Assert.NotEqual("", Field("releaseNotes"));
            Assert.NotEqual("", Field("description"));
        }

        /// <summary>Every method of PolicyLint.Core compiles against the SDK's Microsoft.CodeAnalysis, which the precompiled task uses.</summary>
        [Fact]
        public void TheSdksMicrosoftCodeAnalysisHasWhatPolicyLintCoreUses()
        {
            string sdk = SdkDirectory();
            var context = new System.Runtime.Loader.AssemblyLoadContext("sdk-roslyn");
            context.Resolving += (alc, name) => name.Name == "Microsoft.CodeAnalysis" ? alc.LoadFromAssemblyPath(Path.Combine(sdk, "Microsoft.CodeAnalysis.dll")) : null;
            using var package = System.IO.Compression.ZipFile.OpenRead(_feed.Package);
            var core = context.LoadFromStream(new MemoryStream(Read(package.GetEntry("tasks/netstandard2.0/PolicyLint.Core.dll")!)));
            var failures = new List<string>();
            foreach (var type in core.GetTypes().Where(t => !t.ContainsGenericParameters))
            {
                foreach (var method in type.GetMethods(System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Cast<System.Reflection.MethodBase>()
                    .Concat(type.GetConstructors(System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)))
                {
                    if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() == null) continue;
                    try { System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle); }
                    catch (Exception ex) when (ex is MissingMemberException || ex is TypeLoadException || ex is FileNotFoundException || ex is BadImageFormatException)
                    {
                        failures.Add($"{type.FullName}.{method.Name}: {ex.Message}");
                    }
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Contains(context.Assemblies, a => a.GetName().Name == "Microsoft.CodeAnalysis" && a.Location.StartsWith(sdk, StringComparison.Ordinal));
        }

        /// <summary>The SDK folder the tests' dotnet builds run MSBuild from.</summary>
        private static string SdkDirectory()
        {
            var version = Tool.Run("dotnet", "--version", PackageFeed.RepoRoot);
            Assert.Equal(0, version.ExitCode);
            // shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll: three folders below the dotnet root.
            string dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            return Path.Combine(dotnetRoot, "sdk", version.Output.Trim());
        }

        private static Version ReferencedVersion(byte[] assembly, string name)
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(assembly));
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).Single(r => reader.GetString(r.Name) == name).Version;
        }

        private static byte[] Read(System.IO.Compression.ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>A ReadyToRun image's format version and the platform its code is for; 0 and null for an IL-only assembly.</summary>
        private readonly record struct ReadyToRunImage(int MajorVersion, string? Rid)
        {
            public static ReadyToRunImage Read(byte[] image)
            {
                using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image));
                var header = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory;
                if (header == null || header.Value.Size < 8) return default;
                var bytes = pe.GetSectionData(header.Value.RelativeVirtualAddress).GetContent(0, 8);
                // READYTORUN_HEADER: signature "RTR" (0x00525452), then the major and minor versions.
                if (BitConverter.ToUInt32(bytes.AsSpan(0, 4)) != 0x00525452) return default;
                // The machine field is the architecture's, XOR a value naming the operating system (crossgen2's targetos).
                ushort machine = (ushort)pe.PEHeaders.CoffHeader.Machine;
                string? rid = null;
                foreach (var (os, mask) in new[] { ("win", 0), ("linux", 0x7B79), ("osx", 0x4644) })
                    foreach (var (arch, code) in new[] { ("x64", 0x8664), ("arm64", 0xAA64) })
                        if ((code ^ mask) == machine) rid = os + "-" + arch;
                return new ReadyToRunImage(BitConverter.ToUInt16(bytes.AsSpan(4, 2)), rid);
            }
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
