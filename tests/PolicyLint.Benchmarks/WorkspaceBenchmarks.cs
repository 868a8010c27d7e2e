using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// An editor's loop on a 1 MB policy set (five synthetic families, 35 files): a cold full analysis of a new workspace
    /// (the baseline) against the re-analysis of a warm workspace after a one-character edit to a relying party and to a
    /// base. Each invocation makes a real edit: it switches the file between two texts that differ in one character.
    /// </summary>
    [Config(typeof(Config))]
    public class WorkspaceBenchmarks
    {
        /// <summary>Five families of about 210 KB: 1.05 MB.</summary>
        public const int Families = 5;

        private string[] _files = Array.Empty<string>();
        private PolicyWorkspace _workspace = null!;
        private Edit _relyingParty = null!, _base = null!;

        public static string Corpus() => SyntheticRepository.EnsureFamilies(Workload.CacheRoot, "1mb", Families);

        [GlobalSetup]
        public void Setup()
        {
            _files = SyntheticRepository.Files(Corpus()).ToArray();
            _workspace = Open(_files);
            _workspace.Analyze();
            // A value a rule reads (PL4xxx checks the session lifetime), and a technical profile's display name in a base.
            _relyingParty = new Edit(_files.First(f => f.EndsWith(Path.Combine("family0002", "SignIn.xml"), StringComparison.Ordinal)), "<SessionExpiryInSeconds>86400<", "<SessionExpiryInSeconds>86401<");
            _base = new Edit(_files.First(f => f.EndsWith(Path.Combine("family0002", "TrustFrameworkBase.xml"), StringComparison.Ordinal)), "<DisplayName>", "<DisplayName>x");
        }

        public static PolicyWorkspace Open(string[] files)
        {
            var request = new AnalysisRequest();
            foreach (var file in files) request.AddPolicy(file, isExplicit: false);
            return new PolicyWorkspace(request);
        }

        [Benchmark(Baseline = true, Description = "Cold full analysis")]
        public int Full() => Open(_files).Analyze().Result.All.Count;

        [Benchmark(Description = "Edit a relying party")]
        public int EditRelyingParty() => _relyingParty.Apply(_workspace).Result.All.Count;

        [Benchmark(Description = "Edit a base")]
        public int EditBase() => _base.Apply(_workspace).Result.All.Count;

        /// <summary>Two texts of one file, one character apart; each Apply gives the workspace the other one.</summary>
        public sealed class Edit
        {
            private readonly string _path;
            private readonly string[] _texts;
            private int _version;

            public Edit(string path, string find, string replace)
            {
                _path = path;
                string text = File.ReadAllText(path);
                int at = text.IndexOf(find, StringComparison.Ordinal);
                if (at < 0) throw new InvalidOperationException($"'{find}' is not in {path}");
                _texts = new[] { text, text.Substring(0, at) + replace + text.Substring(at + find.Length) };
            }

            public WorkspaceAnalysis Apply(PolicyWorkspace workspace)
            {
                _version++;
                workspace.SetText(_path, _texts[_version % 2], _version);
                return workspace.Analyze();
            }
        }

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                int iterations = int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_BENCH_ITERATIONS"), out int n) ? n : 15;
                var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(iterations);
                AddJob(job);
                AddDiagnoser(MemoryDiagnoser.Default);
                WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
            }
        }
    }
}
