using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Full analysis by this build and by another build of PolicyLint.Core (POLICYLINT_BASELINE_CORE: its
    /// PolicyLint.Core.dll, loaded in a context of its own), on the same files in the same run: before-after.sh builds
    /// an older commit and runs this. The other build is the baseline, so the Ratio column is this build over it. Both
    /// analyze each build's files as policies found by the default glob.
    /// </summary>
    [Config(typeof(Config))]
    public class BeforeAfterBenchmarks
    {
        public static IEnumerable<string> Corpora() => AnalysisBenchmarks.Corpora();

        [ParamsSource(nameof(Corpora))]
        public string Corpus { get; set; } = Workload.StarterPack;

        private Workload _workload = null!;
        private Func<string[], int> _baseline = null!;

        [GlobalSetup]
        public void Setup()
        {
            _workload = Workload.Get(Corpus);
            string core = Environment.GetEnvironmentVariable("POLICYLINT_BASELINE_CORE")
                ?? throw new InvalidOperationException("Set POLICYLINT_BASELINE_CORE to another build's PolicyLint.Core.dll (before-after.sh does).");
            _baseline = Baseline(core);
        }

        /// <summary>The other build's Linter.Run over a request of the given files, called through reflection.</summary>
        private static Func<string[], int> Baseline(string path)
        {
            var context = new AssemblyLoadContext("baseline", isCollectible: false);
            string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            // Its own copies of what it ships beside it; the rest (Roslyn, the runtime) from this process.
            context.Resolving += (c, name) => File.Exists(Path.Combine(folder, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            var requestType = assembly.GetType("PolicyLint.Analysis.AnalysisRequest", throwOnError: true)!;
            var addPolicy = requestType.GetMethod("AddPolicy", new[] { typeof(string), typeof(bool) })!;
            var run = assembly.GetType("PolicyLint.Pipeline.Linter", throwOnError: true)!.GetMethod("Run", new[] { requestType })!;
            return files =>
            {
                var request = Activator.CreateInstance(requestType)!;
                foreach (var file in files) addPolicy.Invoke(request, new object[] { file, false });
                var result = run.Invoke(null, new[] { request })!;
                var diagnostics = (System.Collections.ICollection)result.GetType().GetProperty("Diagnostics")!.GetValue(result)!;
                return diagnostics.Count;
            };
        }

        [Benchmark(Baseline = true, Description = "Full analysis, other build")]
        public int Before()
        {
            int count = 0;
            foreach (var files in _workload.Inputs) count += _baseline(files);
            return count;
        }

        [Benchmark(Description = "Full analysis, this build")]
        public int After()
        {
            int count = 0;
            foreach (var files in _workload.Inputs)
            {
                var request = new PolicyLint.Analysis.AnalysisRequest();
                foreach (var file in files) request.AddPolicy(file, false);
                count += Linter.Run(request).Diagnostics.Count;
            }
            return count;
        }

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                int iterations = int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_BENCH_ITERATIONS"), out int n) ? n : 10;
                var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(iterations);
                AddJob(job);
                AddDiagnoser(MemoryDiagnoser.Default);
                WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
            }
        }
    }
}
