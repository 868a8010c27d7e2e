using System;
using System.IO;
using PolicyLint.Tests.Infrastructure;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    /// <summary>Where the fuzzer's inputs are; the repository and ../shared are found by the main test project's <see cref="Paths"/>.</summary>
    public static class FuzzPaths
    {
        /// <summary>The rule fixtures of the main test project: real, small policies and policy sets.</summary>
        public static string Fixtures => Paths.Fixtures;

        /// <summary>Inputs that once broke PolicyLint; each must keep passing the invariants.</summary>
        public static string Regressions => Path.Combine(Paths.RepoRoot, "tests", "PolicyLint.Fuzz.Tests", "Regressions");

        /// <summary>../shared/corpus/starterpack, or null on a plain clone (the corpus then comes from the fixtures alone).</summary>
        public static string? StarterPack => Paths.StarterPack is string pack && Directory.Exists(pack) ? pack : null;
    }

    /// <summary>A folder under the system temp folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder(string prefix = "policylint-fuzz-")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string relative) => System.IO.Path.Combine(Path, relative);

        public string Write(string relative, string text) => Write(relative, new System.Text.UTF8Encoding(false).GetBytes(text));

        public string Write(string relative, byte[] bytes)
        {
            string path = File(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
