using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// A quick comparison for A/B work between two builds (a minute, not BenchmarkDotNet's ten): the floor alone in a
    /// fresh process, then floor, load and full analysis after warm-up, each the best of N.
    /// </summary>
    public static class Quick
    {
        public static void Run(string corpus, int rounds)
        {
            var workload = Workload.Get(corpus);
            double Best(Action action)
            {
                double best = double.MaxValue;
                for (int i = 0; i < rounds; i++)
                {
                    GC.Collect();
                    var watch = Stopwatch.StartNew();
                    action();
                    best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                }
                return best;
            }
            for (int i = 0; i < 3; i++) Phases.Floor(workload);
            // The floor runs faster once the analysis has run (the thread pool has grown): both are shown.
            double alone = Best(() => Phases.Floor(workload));
            for (int i = 0; i < 3; i++) { Phases.Floor(workload); Phases.Load(workload); Phases.Analyze(workload); }
            double floor = Best(() => Phases.Floor(workload)), load = Best(() => Phases.Load(workload));
            // Processor time is steadier than wall time on a shared machine: the median analysis's, all threads.
            var cpu = new List<double>();
            double full = Best(() =>
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                Phases.Analyze(workload);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            });
            cpu.Sort();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            Phases.Analyze(workload);
            Console.WriteLine($"GCs in one analysis: gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}; paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms");
            GC.Collect();
            g0 = GC.CollectionCount(0); g1 = GC.CollectionCount(1); g2 = GC.CollectionCount(2);
            pause = GC.GetTotalPauseDuration();
            long allocated = GC.GetTotalAllocatedBytes(true);
            Phases.Load(workload);
            Console.WriteLine($"GCs in one load: gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}; paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms; allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:F1} MB");
            Console.WriteLine(FormattableString.Invariant(
                $"{corpus}, best of {rounds}: floor alone {alone:F1} ms; after warm-up floor {floor:F1} ms, load {load:F1} ms ({load / floor:F2}x), full {full:F1} ms ({full / floor:F2}x; {full / alone:F2}x the floor alone); processor time of a full analysis {cpu[cpu.Count / 2]:F0} ms (median)"));
        }
    }
}
