using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Each rule's own time and allocation inside full analyses: every action a rule registers is measured where the engine
    /// calls it.
    /// Shared caches (merged profiles, claim flows) count for the first rule that asks for them.
    /// </summary>
    public static class RuleTimes
    {
        public static void Print(Workload workload, int runs)
        {
            var timed = PolicyAnalyzer.Rules.Select(r => new TimedRule(r)).ToList();
            var total = Stopwatch.StartNew();
            TimeSpan pauses = TimeSpan.Zero;
            for (int i = 0; i < runs; i++)
            {
                if (i == 1) { foreach (var t in timed) t.Reset(); total.Restart(); pauses = GC.GetTotalPauseDuration(); } // the first run is warm-up
                Phases.Analyze(workload, timed);
            }
            int counted = Math.Max(1, runs - 1);
            double wall = total.Elapsed.TotalMilliseconds / counted;
            double gc = (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds / counted;
            double rules = timed.Sum(t => t.Ticks) * 1000.0 / Stopwatch.Frequency / counted;
            double inRules = timed.Sum(t => t.Bytes) / 1048576.0 / counted;
            long allocated = GC.GetTotalAllocatedBytes(true);
            var bare = Stopwatch.StartNew();
            for (int i = 0; i < counted; i++) Phases.Analyze(workload, Array.Empty<PolicyRule>());
            double bareMb = (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0 / counted;
            Console.WriteLine(FormattableString.Invariant(
                $"## {workload.Name}: full analysis {wall:F1} ms per run (GC pauses {gc:F1} ms), in rules {rules:F1} ms and {inRules:F1} MB allocated; the engine with no rules {bare.Elapsed.TotalMilliseconds / counted:F1} ms and {bareMb:F1} MB"));
            Console.WriteLine();
            Console.WriteLine("| rule | ms per run | KB allocated per run | calls per run |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var t in timed.OrderByDescending(t => Environment.GetEnvironmentVariable("POLICYLINT_TIMING_BY") == "bytes" ? t.Bytes : t.Ticks).Take(30))
                Console.WriteLine(FormattableString.Invariant($"| {t.Id} | {t.Ticks * 1000.0 / Stopwatch.Frequency / counted:F2} | {t.Bytes / 1024.0 / counted:N0} | {t.Calls / counted:N0} |"));
        }

        private sealed class TimedRule : PolicyRule
        {
            private readonly PolicyRule _inner;
            public long Ticks;
            public long Calls;
            public long Bytes;

            public TimedRule(PolicyRule inner) => _inner = inner;

            public override Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor => _inner.Descriptor;
            public override bool NeedsResolvedChain => _inner.NeedsResolvedChain;
            public void Reset() { Ticks = 0; Calls = 0; Bytes = 0; }

            public override void Initialize(RuleRegistration registration)
            {
                var inner = new RuleRegistration(_inner);
                _inner.Initialize(inner);
                if (inner.DocumentAction is { } d) registration.OnDocument(c => Time(() => d(c)));
                if (inner.PolicyAction is { } p) registration.OnPolicy(c => Time(() => p(c)));
                if (inner.ProjectAction is { } j) registration.OnProject(c => Time(() => j(c)));
                foreach (var once in inner.ScopeActions)
                {
                    if (once.Qualifies is { } qualifies) registration.OnScope(qualifies, c => Time(() => once.Action(c)));
                    else registration.OnScope(c => Time(() => once.Action(c)));
                }
                foreach (var (name, action) in inner.ElementActions)
                    registration.OnElement(name, (c, n) =>
                    {
                        long start = Stopwatch.GetTimestamp(), bytes = GC.GetAllocatedBytesForCurrentThread();
                        try { action(c, n); }
                        finally { Ticks += Stopwatch.GetTimestamp() - start; Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes; Calls++; }
                    });
            }

            private void Time(Action action)
            {
                long start = Stopwatch.GetTimestamp(), bytes = GC.GetAllocatedBytesForCurrentThread();
                try { action(); }
                finally { Ticks += Stopwatch.GetTimestamp() - start; Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes; Calls++; }
            }
        }
    }
}
