using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Fuzz.Tests.Infrastructure;
using PolicyLint.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace PolicyLint.Fuzz.Tests
{
    /// <summary>
    /// Incremental equals full: a workspace edited one file at a time by the fuzz mutator reports, after each edit, exactly
    /// what a fresh workspace of the same texts reports. The edits land on every file of a policy set (bases included),
    /// one after another on the same workspace, so later edits meet the findings the earlier ones left.
    /// </summary>
    public sealed class WorkspaceIncrementalTests
    {
        /// <summary>Single edits per run, spread over the seed sets below.</summary>
        public const int Edits = 120;

        private readonly ITestOutputHelper _output;

        public WorkspaceIncrementalTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryEditGivesTheFindingsOfAFullAnalysis()
        {
            var sets = SeedSets();
            Assert.NotEmpty(sets);
            var random = new Random(20261207);
            var kinds = Enum.GetValues<MutationKind>();
            int edits = 0, reusedEdits = 0, changed = 0;
            foreach (var (name, seed) in sets)
            {
                using var temp = new TempFolder("policylint-ws-");
                var texts = seed.Select(f => (Path: temp.File(f.RelativePath), Text: Decode(f.Bytes))).ToList();
                var workspace = Open(texts);
                workspace.Analyze();
                int perSet = Edits / sets.Count + 1;
                var versions = new int[texts.Count];
                for (int e = 0; e < perSet; e++)
                {
                    int target = random.Next(texts.Count);
                    var mutation = new Mutation(kinds[random.Next(kinds.Length)], random.Next(1000), random.Next(1000), random.Next(1000));
                    var ids = texts.Select(t => PolicyIdOf(t.Text)).Where(id => id != null).Select(id => id!).ToList();
                    string before = texts[target].Text;
                    // One edit in three is undone by the next, as typing often is; the others pile up.
                    string after = Decode(Mutator.Apply(Encoding.UTF8.GetBytes(before), new[] { mutation }, ids));
                    texts[target] = (texts[target].Path, after);
                    workspace.SetText(texts[target].Path, after, ++versions[target]);
                    string what = $"{name}: edit {e} {mutation} of {System.IO.Path.GetFileName(texts[target].Path)}";

                    var incremental = workspace.Analyze();
                    var full = Open(texts).Analyze();
                    AssertSame(full.Result, incremental.Result, what);
                    edits++;
                    if (incremental.UnitsReused > 0) reusedEdits++;
                    if (!string.Equals(before, after, StringComparison.Ordinal)) changed++;

                    if (e % 3 == 2)
                    {
                        texts[target] = (texts[target].Path, before);
                        workspace.SetText(texts[target].Path, before, ++versions[target]);
                        AssertSame(Open(texts).Analyze().Result, workspace.Analyze().Result, what + ", undone");
                        edits++;
                    }
                }
            }
            _output.WriteLine(string.Join(", ", sets.Select(s => $"{s.Name} ({s.Files.Count})")));
            _output.WriteLine($"{edits} edits over {sets.Count} sets ({changed} changed the text); {reusedEdits} analyses reused some findings");
            Assert.True(edits >= 100, $"only {edits} edits");
            // The comparison means something only if the workspace did reuse findings for many of the edits.
            Assert.True(reusedEdits >= edits / 4, $"only {reusedEdits} of {edits} analyses reused findings");
        }

        [Fact]
        public void RemovingAndAddingFilesGivesTheFindingsOfAFullAnalysis()
        {
            // A few sets: each file is removed and added back, two full analyses apiece.
            foreach (var (name, seed) in SeedSets().Where(s => s.Name == "two families" || s.Name.EndsWith("/LocalAccounts", StringComparison.Ordinal)))
            {
                using var temp = new TempFolder("policylint-ws-");
                var texts = seed.Select(f => (Path: temp.File(f.RelativePath), Text: Decode(f.Bytes))).ToList();
                var workspace = Open(texts);
                workspace.Analyze();
                for (int i = 0; i < texts.Count; i++)
                {
                    var rest = texts.Where((_, j) => j != i).ToList();
                    Assert.True(workspace.Remove(texts[i].Path));
                    AssertSame(Open(rest).Analyze().Result, workspace.Analyze().Result, $"{name}: without {texts[i].Path}");
                    workspace.SetText(texts[i].Path, texts[i].Text, 1);
                    // Added back last: the order of the files is the order of the build's items, so compare with that order.
                    AssertSame(Open(rest.Append(texts[i]).ToList()).Analyze().Result, workspace.Analyze().Result, $"{name}: {texts[i].Path} back");
                }
            }
        }

        /// <summary>The starter pack's sets (a base, its extensions and relying parties) and the multi-file fixtures, and one set of two families.</summary>
        private static List<(string Name, List<SeedFile> Files)> SeedSets()
        {
            var sets = Corpus.Sets.Where(s => s.Files.Count >= 3).Select(s => (s.Name, s.Files.ToList())).ToList();
            var pack = Corpus.Sets.FirstOrDefault(s => s.Name.EndsWith("/SocialAndLocalAccounts", StringComparison.Ordinal) && s.Name.StartsWith("starterpack/", StringComparison.Ordinal));
            if (pack != null)
            {
                // Two families side by side: an edit to one leaves the other's findings to be reused.
                var second = pack.Files.Select(f => new SeedFile("second/" + f.RelativePath,
                    Encoding.UTF8.GetBytes(Decode(f.Bytes).Replace("B2C_1A_", "B2C_1A_Second_", StringComparison.Ordinal)))).ToList();
                sets.Add(("two families", pack.Files.Concat(second).ToList()));
            }
            return sets;
        }

        private static PolicyWorkspace Open(IReadOnlyList<(string Path, string Text)> texts)
        {
            var workspace = new PolicyWorkspace(new AnalysisRequest());
            foreach (var (path, text) in texts) workspace.SetText(path, text, 0);
            return workspace;
        }

        private static void AssertSame(LintResult expected, LintResult actual, string what)
        {
            var want = expected.All.Select(Describe).ToList();
            var got = actual.All.Select(Describe).ToList();
            if (want.SequenceEqual(got)) return;
            var missing = want.Except(got).Take(5);
            var extra = got.Except(want).Take(5);
            Assert.Fail($"{what}: incremental differs from full ({want.Count} vs {got.Count}).\nmissing:\n  {string.Join("\n  ", missing)}\nextra:\n  {string.Join("\n  ", extra)}");
        }

        private static string Describe(ConfiguredDiagnostic c)
        {
            var d = c.Diagnostic;
            var span = d.Location.GetLineSpan();
            string properties = string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) {d.Severity} {d.Id} {c.Suppression}: {d.GetMessage()} [{properties}]";
        }

        private static string Decode(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);

        private static readonly Regex PolicyIdPattern = new Regex("PolicyId=\"([^\"]*)\"", RegexOptions.Compiled);

        private static string? PolicyIdOf(string text)
        {
            var m = PolicyIdPattern.Match(text.Length > 4096 ? text.Substring(0, 4096) : text);
            return m.Success ? m.Groups[1].Value : null;
        }
    }
}
