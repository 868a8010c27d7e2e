using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// Each garbage collection during one phase: its generation, why it ran (the runtime's GCStart reason) and how long the
    /// threads were suspended, from the runtime's own events.
    /// </summary>
    public sealed class GcLog : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private static readonly string[] Reasons = { "small alloc", "induced", "low memory", "empty", "large alloc", "out of space (soh)", "out of space (loh)", "induced not forced", "internal", "induced low memory", "induced compacting", "low memory host", "pm full gc", "low memory host blocking", "bgc tuning soh", "bgc tuning loh", "bgc stepping" };
        private readonly List<string> _lines = new List<string>();
        private DateTime _suspending, _suspended;
        private readonly Dictionary<int, int> _byReason = new Dictionary<int, int>();

        public static void Print(string phase, Action action)
        {
            action();
            GC.Collect();
            List<string> lines;
            using (var log = new GcLog())
            {
                action();
                lines = log._lines;
            }
            Console.WriteLine($"## {phase}: {lines.Count} collections");
            foreach (var line in lines) Console.WriteLine(line);
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.Payload == null || e.EventName == null) return;
            lock (_lines)
            {
                switch (e.EventName)
                {
                    case "GCStart_V2":
                    {
                        int depth = Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("Depth")], CultureInfo.InvariantCulture);
                        int reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], CultureInfo.InvariantCulture);
                        int type = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Type")], CultureInfo.InvariantCulture);
                        _lines.Add(string.Format(CultureInfo.InvariantCulture, "gen{0} {1}{2} at {3:HH:mm:ss.fff}", depth, reason < Reasons.Length ? Reasons[reason] : reason.ToString(CultureInfo.InvariantCulture), type == 1 ? " (background)" : "", e.TimeStamp));
                        break;
                    }
                    case "GCSuspendEEBegin_V1":
                        _suspending = e.TimeStamp;
                        break;
                    case "GCSuspendEEEnd_V1":
                        _suspended = e.TimeStamp;
                        break;
                    case "GCRestartEEEnd_V1":
                        if (_lines.Count > 0) _lines[^1] += string.Format(CultureInfo.InvariantCulture, "; paused {0:F1} ms (suspending {1:F1} ms)", (e.TimeStamp - _suspending).TotalMilliseconds, (_suspended - _suspending).TotalMilliseconds);
                        break;
                    case "GCHeapStats_V2":
                        if (_lines.Count > 0) _lines[^1] += string.Format(CultureInfo.InvariantCulture, "; promoted gen0 {0:F1} MB, gen1 {1:F1} MB", Convert.ToDouble(e.Payload[e.PayloadNames!.IndexOf("TotalPromotedSize0")], CultureInfo.InvariantCulture) / 1048576, Convert.ToDouble(e.Payload[e.PayloadNames.IndexOf("TotalPromotedSize1")], CultureInfo.InvariantCulture) / 1048576);
                        break;
                }
            }
        }
    }
}
