using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/PolicyLint.Benchmarks -- [command] [--corpora a,b] [--iterations n] [--jit tiered|full]
    ///   run (default)        BenchmarkDotNet: floor, load, full analysis; then the ratio summary and peak memory
    ///   before-after         BenchmarkDotNet: full analysis by this build and by POLICYLINT_BASELINE_CORE (before-after.sh COMMIT)
    ///   workspace            BenchmarkDotNet: cold full analysis of the 1 MB set against re-analysis after a one-character edit
    ///   workspace-quick [N]  the same, best of N, in one process (a minute)
    ///   lsp-latency [N]      the language server in this process: a one-character didChange to its publishDiagnostics, best and median of N, against a cold full analysis
    ///   memory               peak memory only (one fresh process per corpus)
    ///   profile              time per phase and per rule (stopwatch, best of 3)
    ///   generate DIR SCALE   write a synthetic repository (used by build-bench.sh)
    ///   check CORPUS         diagnostics of a corpus by id (the synthetic ones must have no errors)
    ///   cold CORPUS          first analysis in a fresh process against the second (start-up cost)
    ///   repeat CORPUS [N] [PL3009,…]  full analysis (or only the given rules) N times, for an external profiler such as dotnet-trace
    ///   allocations CORPUS [N] [PL3009,…]  the N types a full analysis allocates most bytes of (sampled by the runtime)
    ///   timing CORPUS [N]    each rule's own time and allocation inside N full analyses (the first is a warm-up)
    ///   quick CORPUS [N]     floor, load and full analysis, best of N, in one process (for A/B between two builds)
    ///   gc CORPUS            each garbage collection during one load and one full analysis: generation, reason, pause
    ///   parse CORPUS         one thread: the floor, the parser, and the XmlReader pass alone
    ///   hold CORPUS          load a corpus and wait a minute, for a heap dump (dotnet-gcdump collect -p PID)
    ///   peak CORPUS          internal: one memory measurement in this process
    /// Corpora: starterpack (when ../shared is present), synthetic-1x, synthetic-10x, synthetic-100x.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
            string? corpora = Option(args, "--corpora");
            if (corpora != null) Environment.SetEnvironmentVariable("POLICYLINT_BENCH_CORPORA", corpora);
            string? jit = Option(args, "--jit");
            if (jit != null) Environment.SetEnvironmentVariable("POLICYLINT_BENCH_JIT", jit);
            string? iterations = Option(args, "--iterations");
            if (iterations != null) Environment.SetEnvironmentVariable("POLICYLINT_BENCH_ITERATIONS", iterations);

            switch (command)
            {
                case "run":
                    var summary = BenchmarkRunner.Run<AnalysisBenchmarks>();
                    PrintRatios(summary);
                    PrintMemory(AnalysisBenchmarks.Corpora().ToList());
                    return 0;
                case "before-after":
                    BenchmarkRunner.Run<BeforeAfterBenchmarks>();
                    return 0;
                case "workspace":
                    BenchmarkRunner.Run<WorkspaceBenchmarks>();
                    return 0;
                case "workspace-quick":
                    WorkspaceQuick(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
                    return 0;
                case "lsp-latency":
                    LspLatency.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20).GetAwaiter().GetResult();
                    return 0;
                case "memory":
                    PrintMemory(AnalysisBenchmarks.Corpora().ToList());
                    return 0;
                case "profile":
                    foreach (var name in AnalysisBenchmarks.Corpora()) Profile(Workload.Get(name));
                    return 0;
                case "generate":
                    SyntheticRepository.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
                    return 0;
                case "check":
                    // The synthetic repository must stay free of errors, or build-bench.sh measures a failing build.
                    foreach (var request in Workload.Get(args[1]).Requests)
                        foreach (var group in Linter.Run(request).Diagnostics.GroupBy(d => (d.Id, d.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
                            Console.WriteLine($"{group.Key.Id} {group.Key.Severity} x{group.Count()}: {group.First().GetMessage()}");
                    return 0;
                case "cold":
                {
                    // Start-up cost: rule discovery, first parse, first analysis in a fresh process, then a second analysis.
                    // The argument is a corpus name or a folder of policies (one build).
                    var request = new AnalysisRequest();
                    if (Directory.Exists(args[1]))
                        foreach (var file in SyntheticRepository.Files(args[1])) request.AddPolicy(file, isExplicit: false);
                    var sw = Stopwatch.StartNew();
                    int rules = PolicyAnalyzer.Rules.Count;
                    double discovery = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    // The catalogs' static data (schema, technical profiles, transformations, pages, providers) is built on first use.
                    foreach (var type in typeof(PolicyAnalyzer).Assembly.GetTypes().Where(t => t.Namespace != null && t.Namespace.StartsWith("PolicyLint.Catalogs", StringComparison.Ordinal) && !t.IsGenericTypeDefinition))
                        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                    double catalogs = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    if (request.Policies.Count > 0) PolicyLint.Model.PolicyParser.ParseFile(request.Policies[0].Path);
                    double parse = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    if (request.Policies.Count > 0) Linter.Run(request); else Phases.Analyze(Workload.Get(args[1]));
                    double first = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    if (request.Policies.Count > 0) Linter.Run(request); else Phases.Analyze(Workload.Get(args[1]));
                    Console.WriteLine(FormattableString.Invariant(
                        $"{args[1]}: {rules} rules discovered in {discovery:F0} ms, catalogs built in {catalogs:F0} ms, first parse {parse:F0} ms, first analysis {first:F0} ms, second analysis {sw.Elapsed.TotalMilliseconds:F0} ms"));
                    return 0;
                }
                case "repeat":
                {
                    // For an external profiler (dotnet-trace collect -- ...): the full analysis of a corpus, N times.
                    var workload = Workload.Get(args[1]);
                    int times = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
                    var only = args.Length > 3 ? PolicyAnalyzer.Rules.Where(r => args[3].Split(',').Contains(r.Id)).ToList() : null;
                    for (int i = 0; i < times; i++)
                        if (only == null) Phases.Analyze(workload); else Phases.Analyze(workload, only);
                    return 0;
                }
                case "allocations":
                    Allocations.Print(Workload.Get(args[1]), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30,
                        args.Length > 3 ? PolicyAnalyzer.Rules.Where(r => args[3].Split(',').Contains(r.Id)).ToList() : null);
                    return 0;
                case "parse":
                {
                    // One thread, interleaved rounds: the XmlReader floor, the parser with the scanner, and the XmlReader pass alone.
                    var files = Workload.Get(args[1]).Inputs.SelectMany(f => f).ToList();
                    var texts = files.Select(File.ReadAllText).ToList();
                    var names = new System.Xml.NameTable();
                    var best = new double[3];
                    Array.Fill(best, double.MaxValue);
                    for (int round = 0; round < 7; round++)
                    {
                        var sw = Stopwatch.StartNew();
                        foreach (var f in files) Phases.ReadToEnd(f);
                        best[0] = Math.Min(best[0], sw.Elapsed.TotalMilliseconds);
                        sw.Restart();
                        foreach (var f in files) PolicyLint.Model.PolicyParser.ParseFile(f, names);
                        best[1] = Math.Min(best[1], sw.Elapsed.TotalMilliseconds);
                        sw.Restart();
                        for (int i = 0; i < files.Count; i++) PolicyLint.Model.PolicyParser.ParseWithXmlReader(files[i], texts[i]);
                        best[2] = Math.Min(best[2], sw.Elapsed.TotalMilliseconds);
                    }
                    Console.WriteLine(FormattableString.Invariant($"{args[1]}, one thread, best of 7: floor {best[0]:F1} ms, parse {best[1]:F1} ms ({best[1] / best[0]:F2}x), XmlReader pass from a string {best[2]:F1} ms ({best[2] / best[0]:F2}x)"));
                    return 0;
                }
                case "timing":
                    RuleTimes.Print(Workload.Get(args[1]), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4);
                    return 0;
                case "gc":
                {
                    var workload = Workload.Get(args[1]);
                    GcLog.Print("load", () => Phases.Load(workload));
                    GcLog.Print("full analysis", () => Phases.Analyze(workload));
                    return 0;
                }
                case "quick":
                    Quick.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
                    return 0;
                case "hold":
                {
                    var held = Phases.Load(Workload.Get(args[1]));
                    GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
                    Console.WriteLine($"held {GC.GetTotalMemory(true) / 1048576.0:F1} MB pid {Environment.ProcessId}");
                    System.Threading.Thread.Sleep(60000);
                    GC.KeepAlive(held);
                    return 0;
                }
                case "peak":
                    Console.WriteLine(Peak.Measure(Workload.Get(args[1])));
                    return 0;
                default:
                    Console.Error.WriteLine("Commands: run, memory, profile, generate DIR SCALE, peak CORPUS");
                    return 2;
            }
        }

        /// <summary>The workspace benchmark's three measurements, best of N each, in one process.</summary>
        private static void WorkspaceQuick(int rounds)
        {
            var bench = new WorkspaceBenchmarks();
            bench.Setup();
            double Best(Func<int> action)
            {
                for (int i = 0; i < 3; i++) action();
                double best = double.MaxValue;
                for (int i = 0; i < rounds; i++)
                {
                    var sw = Stopwatch.StartNew();
                    action();
                    best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
                }
                return best;
            }
            double full = Best(bench.Full), rp = Best(bench.EditRelyingParty), @base = Best(bench.EditBase);
            Console.WriteLine(FormattableString.Invariant(
                $"1 MB set, best of {rounds}: cold full analysis {full:F1} ms; after a one-character edit to a relying party {rp:F1} ms ({rp / full:P1}), to a base {@base:F1} ms ({@base / full:P1})"));
        }

        private static string? Option(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        /// <summary>The figures the targets are stated in: each phase over the floor, and time per input MB across sizes.</summary>
        private static void PrintRatios(Summary summary)
        {
            Console.WriteLine();
            Console.WriteLine("## Ratios against the XmlReader floor (mean of the iterations)");
            Console.WriteLine();
            Console.WriteLine("| corpus | files | technical profiles | input MB | floor ms | load ms | load/floor | full ms | full/floor | full ms per MB | full allocated MB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var group in summary.Reports.GroupBy(r => (string)r.BenchmarkCase.Parameters["Corpus"]))
            {
                double Mean(string method) => group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean / 1e6 ?? double.NaN;
                var full = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalysisBenchmarks.Analyze));
                double allocated = full == null ? double.NaN : full.GcStats.GetBytesAllocatedPerOperation(full.BenchmarkCase) / 1048576.0 ?? double.NaN;
                var workload = Workload.Get(group.Key);
                double mb = workload.Bytes / 1048576.0;
                double floor = Mean(nameof(AnalysisBenchmarks.Floor)), load = Mean(nameof(AnalysisBenchmarks.Load)), analyze = Mean(nameof(AnalysisBenchmarks.Analyze));
                Console.WriteLine(FormattableString.Invariant(
                    $"| {group.Key} | {workload.FileCount:N0} | {workload.TechnicalProfiles:N0} | {mb:F2} | {floor:F1} | {load:F1} | {load / floor:F2} | {analyze:F1} | {analyze / floor:F2} | {analyze / mb:F1} | {allocated:F0} |"));
            }
            Console.WriteLine();
        }

        private static void PrintMemory(List<string> corpora)
        {
            Console.WriteLine("## Peak memory of full analysis (one fresh process per corpus)");
            Console.WriteLine();
            Console.WriteLine("| corpus | input MB | live model MB | live/input | peak managed heap MB | heap/input | peak working set growth MB | working set/input |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var name in corpora)
            {
                var child = Process.Start(new ProcessStartInfo(SelfCommand.File, SelfCommand.Arguments + " peak " + name)
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                })!;
                string output = child.StandardOutput.ReadToEnd();
                child.WaitForExit();
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("PEAK ", StringComparison.Ordinal));
                if (line == null) { Console.WriteLine($"| {name} | measurement failed | | | | | | |"); continue; }
                var v = line.Split(' ').Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture) / 1048576.0).ToArray();
                Console.WriteLine(FormattableString.Invariant(
                    $"| {name} | {v[0]:F2} | {v[1]:F1} | {v[1] / v[0]:F2} | {v[2]:F1} | {v[2] / v[0]:F2} | {v[3]:F1} | {v[3] / v[0]:F2} |"));
            }
            Console.WriteLine();
        }

        /// <summary>Stopwatch per phase, and per rule (the rule alone minus the run with no rules); best of three.</summary>
        private static void Profile(Workload workload)
        {
            Console.WriteLine(FormattableString.Invariant($"## {workload.Name}: {workload.FileCount} files, {workload.Bytes / 1048576.0:F2} MB"));
            Console.WriteLine();
            var gc = new Dictionary<string, string>();
            // Allocation is counted exactly (whatever else the machine is doing), so it ranks rules more reliably than time.
            var allocated = new Dictionary<string, long>();
            double Best(string label, Action action)
            {
                double best = double.MaxValue;
                for (int i = 0; i < 3; i++)
                {
                    GC.Collect();
                    var pause = GC.GetTotalPauseDuration();
                    int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
                    long before = GC.GetTotalAllocatedBytes(precise: true);
                    var sw = Stopwatch.StartNew();
                    action();
                    double ms = sw.Elapsed.TotalMilliseconds;
                    allocated[label] = GC.GetTotalAllocatedBytes(precise: true) - before;
                    if (ms < best)
                    {
                        best = ms;
                        gc[label] = FormattableString.Invariant($"{(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} gen2)");
                    }
                }
                return best;
            }
            var files = workload.Inputs.SelectMany(f => f).ToList();
            double floor = Best("floor", () => Phases.Floor(workload));
            var rows = new List<(string, double)>
            {
                ("XmlReader floor", floor),
                ("XmlReader floor, one thread", Best("floor1", () => { foreach (var f in files) Phases.ReadToEnd(f); })),
                ("parse only, one thread", Best("parse1", () => { foreach (var f in files) PolicyLint.Model.PolicyParser.ParseFile(f); })),
                ("parse, all held, one thread", Best("parseheld1", () => GC.KeepAlive(files.Select(PolicyLint.Model.PolicyParser.ParseFile).ToList()))),
                ("load (parse + index)", Best("load", () => Phases.Load(workload))),
                ("engine, no rules (load + walk)", Best("bare", () => Phases.Analyze(workload, Array.Empty<PolicyRule>()))),
                ("full analysis", Best("full", () => Phases.Analyze(workload))),
            };
            string[] labels = { "floor", "floor1", "parse1", "parseheld1", "load", "bare", "full" };
            double bare = rows[5].Item2;
            var perRule = PolicyAnalyzer.Rules
                .Select(rule => (rule.Id, Ms: Best(rule.Id, () => Phases.Analyze(workload, new[] { rule })) - bare))
                .Select(r => (r.Id, r.Ms, Bytes: allocated[r.Id] - allocated["bare"]))
                .OrderByDescending(r => r.Bytes).ToList();
            Console.WriteLine("| phase | ms | / floor | GC | allocated MB |");
            Console.WriteLine("|---|---:|---:|---|---:|");
            for (int i = 0; i < rows.Count; i++)
                Console.WriteLine(FormattableString.Invariant($"| {rows[i].Item1} | {rows[i].Item2:F1} | {rows[i].Item2 / floor:F2} | {gc[labels[i]]} | {allocated[labels[i]] / 1048576.0:F1} |"));
            Console.WriteLine();
            Console.WriteLine("| rule (alone, minus the engine with no rules) | allocated MB | ms | ms / floor |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (id, ms, bytes) in perRule.Take(15)) Console.WriteLine(FormattableString.Invariant($"| {id} | {bytes / 1048576.0:F1} | {ms:F1} | {ms / floor:F2} |"));
            Console.WriteLine();
        }

        /// <summary>How to start this program again (apphost, or dotnet + dll).</summary>
        private static class SelfCommand
        {
            public static string File => Environment.ProcessPath!;
            public static string Arguments
            {
                get
                {
                    string processName = Path.GetFileNameWithoutExtension(Environment.ProcessPath!);
                    return processName == "dotnet" ? "\"" + Assembly.GetEntryAssembly()!.Location + "\"" : "";
                }
            }
        }
    }

    /// <summary>Peak memory of one full analysis in a fresh process, net of what the runtime and a warm-up already use.</summary>
    public static class Peak
    {
        public static string Measure(Workload workload)
        {
            // Warm up on the smallest request so code and statics are loaded before the baseline.
            Phases.Analyze(Workload.Get(Workload.SyntheticName(1)));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long baseHeap = GC.GetTotalMemory(true);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            long baseWorkingSet = process.WorkingSet64;

            // The model alone: every document parsed, indexed and held at once, as the analysis holds them.
            var sets = Phases.Load(workload);
            long live = GC.GetTotalMemory(true) - baseHeap;
            GC.KeepAlive(sets);
            sets = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            baseWorkingSet = Math.Min(baseWorkingSet, process.WorkingSet64);

            // The full analysis, with the heap sampled every millisecond and the working set's peak.
            long peakHeap = 0, peakWorkingSet = 0;
            bool done = false;
            var sampler = new Thread(() =>
            {
                var self = Process.GetCurrentProcess();
                while (!Volatile.Read(ref done))
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false) - baseHeap);
                    self.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, self.WorkingSet64 - baseWorkingSet);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            sampler.Start();
            Phases.Analyze(workload);
            Volatile.Write(ref done, true);
            sampler.Join();
            return FormattableString.Invariant($"PEAK {workload.Bytes} {live} {peakHeap} {peakWorkingSet}");
        }
    }
}
