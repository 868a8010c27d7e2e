using System;
using System.IO;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    public static class FuzzPaths
    {
        private static readonly Lazy<string> LazyRepoRoot = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PolicyLint.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("PolicyLint.sln not found above " + AppContext.BaseDirectory);
        });

        public static string RepoRoot => LazyRepoRoot.Value;

        /// <summary>The rule fixtures of the main test project: real, small policies and policy sets.</summary>
        public static string Fixtures => Path.Combine(RepoRoot, "tests", "PolicyLint.Tests", "Rules");

        /// <summary>Inputs that once broke PolicyLint; each must keep passing the invariants.</summary>
        public static string Regressions => Path.Combine(RepoRoot, "tests", "PolicyLint.Fuzz.Tests", "Regressions");

        /// <summary>../shared/corpus/starterpack, or null on a plain clone (the corpus then comes from the fixtures alone).</summary>
        public static string? StarterPack
        {
            get
            {
                var env = Environment.GetEnvironmentVariable("POLICYLINT_SHARED");
                var shared = !string.IsNullOrEmpty(env) && Directory.Exists(env) ? env! : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
                var pack = Path.Combine(shared, "corpus", "starterpack");
                return Directory.Exists(pack) ? pack : null;
            }
        }
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
