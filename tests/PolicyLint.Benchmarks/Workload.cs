using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// One corpus as the builds would see it: one or more analysis requests (one per project), and the files
    /// each request reads. The floor, loading and full analysis all read exactly these files.
    /// </summary>
    public sealed class Workload
    {
        public const string StarterPack = "starterpack";
        public static readonly int[] Scales = { 1, 10, 100 };

        private Workload(string name, List<AnalysisRequest> requests)
        {
            Name = name;
            Requests = requests;
            Inputs = requests.Select(r => r.Policies.Select(p => p.Path).Concat(r.References).ToArray()).ToList();
            Bytes = Inputs.SelectMany(f => f).Sum(f => new FileInfo(f).Length);
            FileCount = Inputs.Sum(f => f.Length);
            TechnicalProfiles = Inputs.SelectMany(f => f).Sum(f => CountOccurrences(File.ReadAllText(f), "<TechnicalProfile "));
        }

        public string Name { get; }
        public List<AnalysisRequest> Requests { get; }
        /// <summary>The files of each request (policies, then references).</summary>
        public List<string[]> Inputs { get; }
        public long Bytes { get; }
        public int FileCount { get; }
        public int TechnicalProfiles { get; }

        public static string SyntheticName(int scale) => $"synthetic-{scale}x";

        /// <summary>The corpora available here: the starter pack when ../shared is present, then each synthetic size.</summary>
        public static IEnumerable<string> Names(bool includeLargest = true)
        {
            if (StarterPackRoot != null) yield return StarterPack;
            foreach (int scale in Scales)
                if (includeLargest || scale != Scales[Scales.Length - 1]) yield return SyntheticName(scale);
        }

        public static Workload Get(string name)
        {
            if (name == StarterPack) return new Workload(name, StarterPackRequests());
            if (name.StartsWith("synthetic-", StringComparison.Ordinal) && name.EndsWith("x", StringComparison.Ordinal)
                && int.TryParse(name.Substring(10, name.Length - 11), out int scale))
            {
                string dir = SyntheticRepository.Ensure(CacheRoot, scale);
                var request = new AnalysisRequest();
                foreach (var file in SyntheticRepository.Files(dir)) request.AddPolicy(file, isExplicit: false);
                return new Workload(name, new List<AnalysisRequest> { request });
            }
            throw new ArgumentException($"Unknown corpus '{name}'; use {StarterPack} or synthetic-Nx.");
        }

        /// <summary>Generated repositories are cached here between runs (POLICYLINT_BENCH_DIR overrides).</summary>
        public static string CacheRoot
        {
            get
            {
                var env = Environment.GetEnvironmentVariable("POLICYLINT_BENCH_DIR");
                return string.IsNullOrEmpty(env) ? Path.Combine(Path.GetTempPath(), "policylint-bench") : env!;
            }
        }

        public static string? RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PolicyLint.sln"))) dir = dir.Parent;
                return dir?.FullName;
            }
        }

        /// <summary>../shared/corpus/starterpack beside the repository (POLICYLINT_SHARED overrides ../shared), or null.</summary>
        public static string? StarterPackRoot
        {
            get
            {
                var env = Environment.GetEnvironmentVariable("POLICYLINT_SHARED");
                string? shared = !string.IsNullOrEmpty(env) ? env : RepoRoot == null ? null : Path.Combine(RepoRoot, "..", "shared");
                if (shared == null) return null;
                string root = Path.GetFullPath(Path.Combine(shared, "corpus", "starterpack"));
                return Directory.Exists(root) ? root : null;
            }
        }

        /// <summary>One request per starter-pack folder; scenario folders take SocialAndLocalAccounts as their references.</summary>
        private static List<AnalysisRequest> StarterPackRequests()
        {
            string root = StarterPackRoot ?? throw new InvalidOperationException("The starter pack (../shared/corpus/starterpack) is not present.");
            var requests = new List<AnalysisRequest>();
            foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).OrderBy(d => d, StringComparer.Ordinal))
            {
                var files = Directory.GetFiles(dir, "*.xml").OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (files.Count == 0) continue;
                var request = new AnalysisRequest();
                foreach (var file in files) request.AddPolicy(file, isExplicit: false);
                if (Path.GetFileName(Path.GetDirectoryName(dir)) == "scenarios")
                {
                    var own = new HashSet<string>(files.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
                    foreach (var file in Directory.GetFiles(Path.Combine(root, "SocialAndLocalAccounts"), "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                        if (!own.Contains(Path.GetFileName(file))) request.References.Add(file);
                }
                requests.Add(request);
            }
            return requests;
        }

        private static int CountOccurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
            return count;
        }

        public override string ToString() => Name;
    }
}
