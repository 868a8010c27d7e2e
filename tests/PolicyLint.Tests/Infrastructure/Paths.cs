using System;
using System.IO;

namespace PolicyLint.Tests.Infrastructure
{
    public static class Paths
    {
        private static readonly Lazy<string> LazyRepoRoot = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PolicyLint.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("PolicyLint.sln not found above " + AppContext.BaseDirectory);
        });

        public static string RepoRoot => LazyRepoRoot.Value;

        public static string Fixtures => Path.Combine(RepoRoot, "tests", "PolicyLint.Tests", "Rules");

        /// <summary>../shared beside the repository, or null on a plain clone (tests that need it skip).</summary>
        public static string? Shared
        {
            get
            {
                var env = Environment.GetEnvironmentVariable("POLICYLINT_SHARED");
                if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
                var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        public static string? StarterPack => Shared == null ? null : Path.Combine(Shared, "corpus", "starterpack");
    }
}
