using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using PolicyLint.Fuzz.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyLint.Fuzz.Tests
{
    /// <summary>
    /// Mutation fuzzing over real policies (the starter pack and the rule fixtures). Every case must keep the invariants
    /// of <see cref="Invariants"/>. The normal run does <see cref="DefaultIterations"/> random cases; set
    /// POLICYLINT_FUZZ_ITERATIONS for a long campaign (docs/robustness.md).
    /// </summary>
    public sealed class FuzzTests
    {
        /// <summary>Random cases in a normal `dotnet test` (about 25 s on a loaded 2-core machine).</summary>
        public const int DefaultIterations = 200;

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_ITERATIONS"), out long n) && n > 0 ? n : DefaultIterations;

        /// <summary>When set, the campaign runs for this many seconds instead of a number of cases.</summary>
        private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_SECONDS"), out int n) && n > 0 ? n : -1;

        private static int Threads => int.TryParse(Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_THREADS"), out int n) && n > 0 ? n : Math.Max(1, Environment.ProcessorCount);

        /// <summary>Null: a fresh seed each run (CsCheck prints it on failure); set POLICYLINT_FUZZ_SEED to replay one.</summary>
        private static string? Seed => Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_SEED") is { Length: > 0 } s ? s : null;

        [Fact]
        public void MutatedPoliciesKeepEveryInvariant()
        {
            long before = FuzzRunner.Cases;
            FuzzGen.Case.Sample(FuzzRunner.Run, writeLine: _output.WriteLine, seed: Seed, iter: Seconds > 0 ? -1 : Iterations, time: Seconds, threads: Threads, print: c => c.ToString());
            string summary = $"{FuzzRunner.Cases - before} cases over {Corpus.Sets.Count} seed sets ({FuzzRunner.Outcomes}); slowest {FuzzRunner.Slowest.TotalMilliseconds:0} ms: {FuzzRunner.SlowestCase}";
            _output.WriteLine(summary);
            var report = Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_REPORT");
            if (!string.IsNullOrEmpty(report)) File.AppendAllText(report, DateTime.UtcNow.ToString("u") + " " + summary + Environment.NewLine);
        }

        public static IEnumerable<object[]> TruncationClasses()
            => Enumerable.Range(0, Mutator.OffsetClasses.Length).Select(i => new object[] { i });

        /// <summary>Truncation at each offset class, on every seed file up to a size budget, at three positions of that class.</summary>
        [Theory]
        [MemberData(nameof(TruncationClasses))]
        public void TruncationAtEveryOffsetClassKeepsEveryInvariant(int offsetClass)
        {
            foreach (var (set, file) in SmallSeedFiles())
                foreach (int k in new[] { 0, 7, 1000003 })
                {
                    var bytes = set.Files[file].Bytes;
                    int at = Mutator.BytePositionOfClass(bytes, k, offsetClass);
                    var truncated = bytes.Take(at).ToArray();
                    var files = set.Files.Select((f, i) => (f.RelativePath, i == file ? truncated : f.Bytes)).ToList();
                    FuzzRunner.RunFiles(files, isExplicit: true, $"{set.Name} '{set.Files[file].RelativePath}' truncated {Mutator.OffsetClasses[offsetClass]} at byte {at}");
                }
        }

        public static IEnumerable<object[]> Kinds() => Enum.GetValues<MutationKind>().Select(k => new object[] { k });

        /// <summary>Each kind of edit at least once per run, whatever the random sample drew.</summary>
        [Theory]
        [MemberData(nameof(Kinds))]
        public void EveryMutationKindKeepsEveryInvariant(MutationKind kind)
        {
            int i = 0;
            foreach (var (set, file) in SmallSeedFiles().Take(4))
            {
                i++;
                var c = new FuzzCase(Corpus.Sets.ToList().IndexOf(set), file, i % 2 == 0, new[] { new Mutation(kind, 17 * i, 31 * i + 5, 7 * i + 2) });
                FuzzRunner.Run(c);
            }
        }

        /// <summary>A fixed handful of seeds, whatever the corpus grows to: the smallest file of the LocalAccounts starter pack and eight fixtures spread over the rules.</summary>
        private static IEnumerable<(SeedSet Set, int File)> SmallSeedFiles()
        {
            var sets = Corpus.Sets;
            foreach (var set in sets.Where(s => s.Name.EndsWith("/LocalAccounts", StringComparison.Ordinal) && s.Name.StartsWith("starterpack/", StringComparison.Ordinal)).Take(1))
                yield return (set, Enumerable.Range(0, set.Files.Count).OrderBy(i => set.Files[i].Bytes.Length).First());
            var fixtures = sets.Where(s => s.Name.StartsWith("fixtures/", StringComparison.Ordinal) || s.Name == "minimal").ToList();
            int step = Math.Max(1, fixtures.Count / 8);
            for (int i = 0; i < fixtures.Count && i / step < 8; i += step) yield return (fixtures[i], 0);
        }

        public static IEnumerable<object[]> RegressionCases()
        {
            if (!Directory.Exists(FuzzPaths.Regressions)) return new[] { new object[] { "" } };
            var cases = Directory.GetFileSystemEntries(FuzzPaths.Regressions)
                .Where(e => Directory.Exists(e) || !e.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(e => new object[] { Path.GetFileName(e) }).OrderBy(o => (string)o[0], StringComparer.Ordinal).ToList();
            return cases.Count == 0 ? new[] { new object[] { "" } } : cases;
        }

        /// <summary>Inputs that once broke PolicyLint (a file, or a folder analyzed as one set).</summary>
        [Theory]
        [MemberData(nameof(RegressionCases))]
        public void RegressionInputsKeepEveryInvariant(string name)
        {
            if (name.Length == 0) return;
            string path = Path.Combine(FuzzPaths.Regressions, name);
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetRelativePath(path, f), File.ReadAllBytes(f))).ToList()
                : new List<(string, byte[])> { (name, File.ReadAllBytes(path)) };
            FuzzRunner.RunFiles(files, isExplicit: true, "regression " + name);
        }
    }
}
