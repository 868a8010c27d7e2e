using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>
    /// Fixes: Rules/PLnnnn/fix/&lt;case&gt;/{before.xml,after.xml} (other .xml files in the case are references) for every rule that
    /// declares one; over every fixture and the starter pack, the safe fixes remove what they target, add nothing, and a
    /// second run changes nothing; likewise over every set of the real-world corpus (in a temporary copy). POLICYLINT_UPDATE_FIXES=1 rewrites after.xml from the fixer (review the diff).
    /// </summary>
    public sealed class FixTests
    {
        private static bool Update => Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_FIXES") == "1";

        public static IEnumerable<object[]> FixCases()
            => Directory.GetDirectories(Paths.Fixtures).SelectMany(rule => Directory.Exists(Path.Combine(rule, "fix")) ? Directory.GetDirectories(Path.Combine(rule, "fix")) : Array.Empty<string>())
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => new object[] { Path.GetRelativePath(Paths.Fixtures, d).Replace('\\', '/') });

        [Theory]
        [MemberData(nameof(FixCases))]
        public void BeforeBecomesAfter(string name)
        {
            string source = Path.Combine(Paths.Fixtures, name);
            string id = name.Split('/')[0];
            string dir = CopyToTemp(source);
            // As `policylint fix --tenant fabrikam` (PL7001's fix needs the name; other rules ignore it).
            var options = new HostOptions { ProjectDirectory = dir, Tenant = "fabrikam" };
            options.Policies.Add(new PolicyInput(Path.Combine(dir, "before.xml"), isExplicit: true));
            options.References.AddRange(Directory.GetFiles(dir, "*.xml").Where(f => Path.GetFileName(f) != "before.xml" && Path.GetFileName(f) != "after.xml").OrderBy(f => f, StringComparer.Ordinal));
            File.Delete(Path.Combine(dir, "after.xml"));

            // This rule's fixes, offered ones too: the fixture shows what each does.
            var outcome = Fixer.Run(options, (d, f) => d.Id == id);
            Assert.True(outcome.Applied.Count > 0, $"{name}: no {id} fix applied; diagnostics:\n  " + string.Join("\n  ", outcome.Before.Diagnostics.Select(StarterPackTests.Format)));
            string actual = File.ReadAllText(Path.Combine(dir, "before.xml"));
            string afterPath = Path.Combine(source, "after.xml");
            if (Update && (!File.Exists(afterPath) || File.ReadAllText(afterPath) != actual)) File.WriteAllText(afterPath, actual);
            else Assert.Equal(File.ReadAllText(afterPath), actual);
            Assert.True(Fixed(outcome).Count == 0, $"{name}: still reported after the fix:\n  " + string.Join("\n  ", Fixed(outcome).Select(StarterPackTests.Format)));
            Assert.Empty(Added(outcome));
            Assert.Empty(Fixer.Run(options, (d, f) => d.Id == id).Changed);
        }

        /// <summary>PL0101 moves children only when their order is all that is wrong: not for an unknown element, a wrong parent or one too many.</summary>
        [Fact]
        public void SchemaOrderFixIsOfferedOnlyWhereReorderingMakesTheParentValid()
        {
            var fixture = FixtureCase.All().Single(c => c.Name == "PL0101/err/misplaced-elements.xml");
            var withFix = fixture.Run().Where(d => d.Id == "PL0101").ToDictionary(d => d.Location.GetLineSpan().StartLinePosition.Line + 1, d => CodeFix.Of(d).Count > 0);
            Assert.True(withFix[7]);   // DisplayName after DataType in ClaimType
            Assert.False(withFix[11]); // Predicates after PredicateValidations, but BuildingBlocks also holds a ClaimsProviders
            Assert.False(withFix[12]); // the ClaimsProviders itself: a wrong parent
            Assert.False(withFix[20]); // a second Protocol: no order is valid
        }

        /// <summary>A child journey adding steps to a base that itself leaves a gap: the child's steps are renumbered, offered with a note.</summary>
        [Fact]
        public void RenumberingAChildJourneyOverABaseWithAGapIsOfferedWithANote()
        {
            string dir = CopyToTemp(Path.Combine(Paths.Fixtures, "PL3001", "fix", "child-adds-steps"));
            string basePath = Path.Combine(dir, "Base.xml");
            File.WriteAllText(basePath, File.ReadAllText(basePath).Replace("Order=\"2\"", "Order=\"3\""));
            var options = new HostOptions { ProjectDirectory = dir };
            // The gap is reported in the base (never into a reference): both files are linted.
            options.Policies.Add(new PolicyInput(basePath, isExplicit: true));
            options.Policies.Add(new PolicyInput(Path.Combine(dir, "before.xml"), isExplicit: true));
            var fix = options.Run().Result.Diagnostics.Where(d => d.Id == "PL3001").SelectMany(CodeFix.Of).Single();
            Assert.False(fix.IsSafe);
            Assert.Equal("Renumber the steps before.xml adds to UserJourney 'SignIn' (the base leaves a gap at Order 2: only the base can close it)", fix.Title);
            Assert.Equal("4", Assert.Single(fix.Edits).NewText);
        }

        public static IEnumerable<object[]> RulesWithFixes() => PolicyAnalyzer.Rules.Where(r => r.Fix != null).Select(r => new object[] { r.Id });

        [Theory]
        [MemberData(nameof(RulesWithFixes))]
        public void RuleWithAFixHasFixFixturesAndAFixSection(string id)
        {
            var dir = Path.Combine(Paths.Fixtures, id, "fix");
            var cases = Directory.Exists(dir) ? Directory.GetDirectories(dir) : Array.Empty<string>();
            Assert.True(cases.Length > 0, $"{id} declares a fix but has no Rules/{id}/fix/<case>/ fixture");
            foreach (var c in cases)
                Assert.True(File.Exists(Path.Combine(c, "before.xml")) && File.Exists(Path.Combine(c, "after.xml")), $"{c} needs before.xml and after.xml");
            var page = File.ReadAllLines(Path.Combine(Paths.RepoRoot, "docs", "rules", id + ".md"));
            Assert.True(page.Contains("## Fix"), $"docs/rules/{id}.md needs a '## Fix' section: it declares a fix");
        }

        [Fact]
        public void OnlyRulesWithAFixHaveFixFixtures()
        {
            var withFix = new HashSet<string>(PolicyAnalyzer.Rules.Where(r => r.Fix != null).Select(r => r.Id));
            var stray = Directory.GetDirectories(Paths.Fixtures).Where(d => Directory.Exists(Path.Combine(d, "fix")) && !withFix.Contains(Path.GetFileName(d))).ToList();
            Assert.Empty(stray);
        }

        /// <summary>README.md's table of fixable rules, generated from the rules' fix declarations (POLICYLINT_UPDATE_DOCS=1 rewrites it).</summary>
        [Fact]
        public void ReadmeFixTableIsCurrent()
        {
            var table = new System.Text.StringBuilder("| Rule | Title | The fix | `policylint fix` |\n|---|---|---|---|\n");
            foreach (var rule in PolicyAnalyzer.Rules.Where(r => r.Fix != null).OrderBy(r => r.Id, StringComparer.Ordinal))
                table.Append($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.Descriptor.Title} | {rule.Fix!.Description} | {(rule.Fix.IsSafe ? "applies it (safe)" : "offers it, never in bulk")} |\n");
            GeneratedSection.AssertCurrent(Path.Combine(Paths.RepoRoot, "README.md"), "<!-- fixes-table: generated by FixTests -->", "<!-- /fixes-table -->", table.ToString(), "FixTests");
        }

        public static IEnumerable<object[]> AllFixtures() => FixtureCase.All().Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(AllFixtures))]
        public void SafeFixesOnEveryFixtureRemoveTheirTargetsAddNothingAndSettle(string name)
        {
            var original = FixtureCase.All().Single(c => c.Name == name);
            string copy = CopyToTemp(original.Path);
            var fixture = new FixtureCase(original.RuleId, original.ExpectsClean, copy);
            var request = fixture.Request();
            CheckSafeFixes(() => Linter.Run(fixture.Request()), Fixer.Editable(request.Policies));
        }

        public static IEnumerable<object[]> StarterPackSets() => StarterPackTests.Sets();

        [Theory]
        [MemberData(nameof(StarterPackSets))]
        public void SafeFixesOnTheStarterPackRemoveTheirTargetsAddNothingAndSettle(string set)
        {
            if (set.Length == 0) return; // ../shared is absent on a plain clone
            var request = StarterPackTests.RequestFor(set);
            string root = Paths.StarterPack!, copy = CopyToTemp(root);
            string Moved(string path) => Path.Combine(copy, Path.GetRelativePath(root, path));
            AnalysisRequest Request()
            {
                var moved = new AnalysisRequest();
                foreach (var p in request.Policies) moved.AddPolicy(Moved(p.Path), p.IsExplicit);
                moved.References.AddRange(request.References.Select(Moved));
                return moved;
            }
            CheckSafeFixes(() => Linter.Run(Request()), Fixer.Editable(Request().Policies));
        }

        public static IEnumerable<object[]> RealWorldSets()
        {
            if (Paths.Shared == null) return new[] { new object[] { "" } };
            return RealWorldTests.Sets(Path.Combine(Paths.Shared, "corpus", "real-world")).Select(s => new object[] { s });
        }

        /// <summary>
        /// Every set of the real-world corpus, resolved as RealWorldTests resolves it (a missing base from the starter pack, as
        /// references), fixed in a temporary copy of the set: ../shared is never written.
        /// </summary>
        [Theory]
        [MemberData(nameof(RealWorldSets))]
        public void SafeFixesOnTheRealWorldCorpusRemoveTheirTargetsAddNothingAndSettle(string set)
        {
            if (Paths.Shared == null) return; // ../shared is absent on a plain clone
            string root = Path.Combine(Paths.Shared, "corpus", "real-world");
            var request = RealWorldTests.RequestFor(root, set);
            string folder = Path.Combine(root, set), copy = CopyToTemp(folder);
            AnalysisRequest Request()
            {
                var moved = new AnalysisRequest();
                foreach (var p in request.Policies) moved.AddPolicy(Path.Combine(copy, Path.GetRelativePath(folder, p.Path)), p.IsExplicit);
                moved.References.AddRange(request.References); // the starter pack's base: read, never edited
                return moved;
            }
            CheckSafeFixes(() => Linter.Run(Request()), Fixer.Editable(Request().Policies));
        }

        private static void CheckSafeFixes(Func<LintResult> lint, ISet<string> editable)
        {
            var outcome = Fixer.Run(lint, editable, (d, f) => f.IsSafe);
            var left = Fixed(outcome);
            Assert.True(left.Count == 0, "still reported after their fix:\n  " + string.Join("\n  ", left.Select(StarterPackTests.Format)));
            var added = Added(outcome);
            Assert.True(added.Count == 0, "new after the fixes:\n  " + string.Join("\n  ", added));
            var second = Fixer.Run(lint, editable, (d, f) => f.IsSafe);
            Assert.True(second.Changed.Count == 0, "a second fix run changed " + string.Join(", ", second.Changed.Keys));
        }

        /// <summary>Applied fixes whose diagnostic (same id and message) is still there.</summary>
        private static List<Diagnostic> Fixed(FixOutcome outcome)
            => outcome.After.Diagnostics.Where(d => outcome.Applied.Any(a => a.Id == d.Id && a.GetMessage() == d.GetMessage())).ToList();

        /// <summary>Diagnostics after the fixes that were not there before (by id and message: lines may move).</summary>
        private static List<string> Added(FixOutcome outcome)
        {
            var before = outcome.Before.Diagnostics.Select(d => d.Id + ": " + d.GetMessage()).ToList();
            var added = new List<string>();
            foreach (var d in outcome.After.Diagnostics.Select(d => d.Id + ": " + d.GetMessage()))
                if (!before.Remove(d)) added.Add(d);
            return added;
        }

        private static string CopyToTemp(string source)
        {
            string dir = PolicyLint.Tests.Shared.TempFolders.NewPath("fix-");
            if (File.Exists(source))
            {
                Directory.CreateDirectory(dir);
                string file = Path.Combine(dir, Path.GetFileName(source));
                File.Copy(source, file);
                return file;
            }
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(dir, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            return dir;
        }
    }
}
