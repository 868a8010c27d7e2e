using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Floor, loading and full analysis on the same files in the same run. Floor is the baseline, so the Ratio
    /// column is each method's time over the floor's for the same corpus.
    /// </summary>
    [Config(typeof(Config))]
    public class AnalysisBenchmarks
    {
        /// <summary>Which corpora to run: POLICYLINT_BENCH_CORPORA (comma-separated), else all (set by Program for the child processes).</summary>
        public static IEnumerable<string> Corpora()
        {
            var env = Environment.GetEnvironmentVariable("POLICYLINT_BENCH_CORPORA");
            return string.IsNullOrEmpty(env) ? Workload.Names() : env!.Split(',', StringSplitOptions.RemoveEmptyEntries);
        }

        [ParamsSource(nameof(Corpora))]
        public string Corpus { get; set; } = Workload.StarterPack;

        private Workload _workload = null!;

        [GlobalSetup]
        public void Setup() => _workload = Workload.Get(Corpus);

        [Benchmark(Baseline = true, Description = "XmlReader floor")]
        public long Floor() => Phases.Floor(_workload);

        [Benchmark(Description = "Load (parse + index)")]
        public int Load() => Phases.Load(_workload).Count;

        [Benchmark(Description = "Full analysis")]
        public int Analyze() => Phases.Analyze(_workload);

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                int iterations = int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_BENCH_ITERATIONS"), out int n) ? n : 5;
                // Tiered JIT needs a few runs before the code is steady (one warm-up left the small corpora measuring tier-0 code).
                int warmups = int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_BENCH_WARMUPS"), out int w) ? w : 3;
                // Macro-benchmark: one invocation per iteration (the inputs take milliseconds to seconds).
                var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations);
                // --jit full: every method optimized when first compiled, as the ReadyToRun task and framework run in a build
                // (tiered, the default, spends the small corpora's short runs partly in unoptimized code).
                if (Environment.GetEnvironmentVariable("POLICYLINT_BENCH_JIT") == "full")
                    job = job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0")).WithId("JitFull");
                AddJob(job);
                AddDiagnoser(MemoryDiagnoser.Default);
                WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
            }
        }
    }
}
