using System;
using System.Diagnostics;
using System.Linq;
namespace PolicyLint.Benchmarks
{
    public static class AbCommand
    {
        public static void Run(string corpus, int rounds)
        {
            var w = Workload.Get(corpus);
            double Best(Action a) { double b = double.MaxValue; for (int i = 0; i < rounds; i++) { GC.Collect(); var sw = Stopwatch.StartNew(); a(); b = Math.Min(b, sw.Elapsed.TotalMilliseconds); } return b; }
            for (int i = 0; i < 3; i++) Phases.Floor(w);
            double cold = Best(() => Phases.Floor(w));
            for (int i = 0; i < 3; i++) { Phases.Floor(w); Phases.Load(w); Phases.Analyze(w); }
            double floor = Best(() => Phases.Floor(w)), load = Best(() => Phases.Load(w)), full = Best(() => Phases.Analyze(w));
            Console.WriteLine(FormattableString.Invariant($"AB {corpus}: floor alone {cold:F1}, floor {floor:F1} load {load:F1} ({load / floor:F2}x) full {full:F1} ({full / floor:F2}x)"));
        }
    }
}
