using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Allocated bytes by type during a full analysis, from the runtime's AllocationTick events (one per ~100 KB allocated,
    /// naming the type that crossed the mark): a sample, so types are ranked, not counted exactly.
    /// </summary>
    public sealed class Allocations : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> _byType = new Dictionary<string, long>(StringComparer.Ordinal);
        private long _total;

        public static void Print(Workload workload, int top, IReadOnlyList<PolicyLint.Analysis.PolicyRule>? only)
        {
            void Analyze()
            {
                if (only == null) Phases.Analyze(workload); else Phases.Analyze(workload, only);
            }
            Analyze(); // warm up
            using var listener = new Allocations();
            Analyze();
            lock (listener._byType)
            {
                Console.WriteLine($"| type | sampled MB | share |");
                Console.WriteLine("|---|---:|---:|");
                foreach (var pair in listener._byType.OrderByDescending(p => p.Value).Take(top))
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} | {2:P0} |", pair.Key, pair.Value / 1048576.0, (double)pair.Value / listener._total));
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
            int typeIndex = e.PayloadNames!.IndexOf("TypeName"), amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            if (typeIndex < 0 || amountIndex < 0) return;
            string type = e.Payload[typeIndex] as string ?? "?";
            long amount = Convert.ToInt64(e.Payload[amountIndex], CultureInfo.InvariantCulture);
            lock (_byType)
            {
                _byType[type] = _byType.TryGetValue(type, out long sum) ? sum + amount : amount;
                _total += amount;
            }
        }
    }
}
