using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Navigation;
using PolicyLint.Pipeline;
using PolicyLint.Resolution;
using Xunit;

namespace PolicyLint.Tests.Navigation
{
    /// <summary>Every symbol of every starter-pack set: found, resolved, listed, hovered and completed without a throw.</summary>
    public sealed class StarterPackNavigationTests
    {
        private static (PolicySet Set, Dictionary<string, string> Texts) Load(string set)
        {
            var request = StarterPackTests.RequestFor(set);
            var texts = request.Policies.Select(p => p.Path).Concat(request.References).ToDictionary(p => p, File.ReadAllText);
            var files = request.Policies.Select(p => new PolicyFile(PolicyParser.Parse(p.Path, texts[p.Path]), false))
                .Concat(request.References.Select(r => new PolicyFile(PolicyParser.Parse(r, texts[r]), true)));
            return (new PolicySet(files), texts);
        }

        [Theory]
        [MemberData(nameof(StarterPackTests.Sets), MemberType = typeof(StarterPackTests))]
        public void EveryResolvedReferenceHasItsDefinition(string name)
        {
            if (name.Length == 0) return; // ../shared is absent on a plain clone
            var (set, texts) = Load(name);
            int references = 0;
            foreach (var file in set.Files)
            {
                Assert.NotEmpty(PolicyNavigation.Outline(file.Document));
                var chain = set.ChainOf(file);
                foreach (var symbol in SymbolIndex.Of(set).In(file))
                {
                    string where = $"{name}: {symbol}";
                    var found = PolicyNavigation.Find(set, file.FilePath, symbol.Span.Span.Start);
                    Assert.True(found != null && found.Span.Span == symbol.Span.Span, where);
                    var definition = PolicyNavigation.Definition(set, file.FilePath, symbol.Span.Span.Start);
                    Assert.NotNull(PolicyNavigation.Hover(set, file.FilePath, symbol.Span.Span.Start));
                    Assert.Contains(PolicyNavigation.References(set, file.FilePath, symbol.Span.Span.Start, true), l => l.Path == file.FilePath && l.Span.Span == symbol.Span.Span);
                    PolicyNavigation.PrepareRename(set, file.FilePath, symbol.Span.Span.Start);
                    if (symbol.Role == SymbolRole.Declaration)
                    {
                        Assert.NotEmpty(definition);
                        continue;
                    }
                    if (chain.Find(symbol.Kind, symbol.Id) is not Resolved resolved) continue;
                    references++;
                    // The first definition is the declaration the reference resolves to.
                    Assert.True(definition.Count > 0, where);
                    Assert.Equal(resolved.Policy.FilePath, definition[0].Path);
                    Assert.Equal(resolved.Node.Attribute("Id")!.ValueSpan.Span, definition[0].Span.Span);
                    // Completion at the value's start offers the declared Id.
                    var candidates = PolicyNavigation.Complete(set, file.FilePath, texts[file.FilePath], symbol.Span.Span.Start, null);
                    Assert.True(candidates.Any(c => string.Equals(c.Label, symbol.Id, StringComparison.OrdinalIgnoreCase)), $"{where}: no completion");
                }
            }
            Assert.True(references > 100, $"{name}: only {references} resolved references");
        }

        /// <summary>Renaming the set's email claim everywhere leaves the analysis as it was (no new PL2001).</summary>
        [Theory]
        [MemberData(nameof(StarterPackTests.Sets), MemberType = typeof(StarterPackTests))]
        public void RenamingTheEmailClaimChangesNoFinding(string name)
        {
            if (name.Length == 0) return;
            var (set, texts) = Load(name);
            var declaring = set.Reported.FirstOrDefault(f => f.Find(DeclarationKind.ClaimType, "email") != null);
            if (declaring == null) return; // a scenario whose base is a reference: refused, checked below
            int offset = declaring.Find(DeclarationKind.ClaimType, "email")!.Value.Attribute("Id")!.ValueSpan.Span.Start;
            var rename = PolicyNavigation.Rename(set, declaring.FilePath, offset, "emailAddress");
            Assert.True(rename.Succeeded, rename.Error);
            Assert.True(rename.Edits.Count > 5, $"{name}: {rename.Edits.Count} edits");
            var after = Fixer.Apply(rename.Edits.Select(e => e.ToFileEdit()), p => texts[p]);
            Assert.Equal(Findings(texts, set), Findings(texts.ToDictionary(p => p.Key, p => after.TryGetValue(p.Key, out var t) ? t : p.Value), set));
        }

        [Fact]
        public void AScenarioCannotRenameWhatItsReferencedBaseDeclares()
        {
            if (Infrastructure.Paths.StarterPack == null) return;
            var (set, texts) = Load("scenarios/password-change");
            var file = set.Reported.First(f => texts[f.FilePath].Contains("ClaimTypeReferenceId=\"objectId\""));
            var check = PolicyNavigation.PrepareRename(set, file.FilePath, texts[file.FilePath].IndexOf("ClaimTypeReferenceId=\"objectId\"", StringComparison.Ordinal) + 22);
            Assert.Equal("ClaimType 'objectId' is declared in TrustFrameworkBase.xml, a B2CPolicyReference that PolicyLint does not edit.", check.Reason);
        }

        private static List<string> Findings(Dictionary<string, string> texts, PolicySet set)
        {
            var workspace = new PolicyWorkspace(new AnalysisRequest());
            foreach (var file in set.Files)
            {
                workspace.Add(file.FilePath, file.IsReference);
                workspace.SetText(file.FilePath, texts[file.FilePath], 1);
            }
            // Rule, file and line: a renamed Id changes messages and later columns on its line, not which findings there are.
            return workspace.Analyze().Result.Diagnostics.Select(d => d.Id + " " + StarterPackTests.Format(d).Split(',')[0]).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }
    }
}
