using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>
    /// A problem in a base file is found through every policy that inherits it, and must be reported once: its message may
    /// not depend on the policy it was found through (the engine keeps a diagnostic once per id, place and message).
    /// </summary>
    public sealed class OneProblemOneDiagnosticTests
    {
        private static string Set => Path.Combine(Paths.Fixtures, "PL6004", "err", "base-problem-once-for-every-relying-party");
        private static readonly string[] Bases = { "Base.xml", "Extensions.xml" };

        [Fact]
        public void ABaseLintsTheSameWhateverRelyingPartiesTheBuildHolds()
        {
            var relyingParties = Directory.GetFiles(Set, "*.xml").Select(Path.GetFileName).Where(f => !Bases.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.True(relyingParties.Count >= 3);
            var all = InBases(Lint(Bases.Concat(relyingParties)));
            Assert.Contains(all, d => d.Contains("PL6004", StringComparison.Ordinal));
            foreach (var rp in relyingParties)
                Assert.Equal(all, InBases(Lint(Bases.Append(rp!))));
        }

        private static List<Diagnostic> Lint(IEnumerable<string?> files)
        {
            var request = new AnalysisRequest();
            foreach (var f in files) request.AddPolicy(Path.Combine(Set, f!));
            return Linter.Run(request).Diagnostics.ToList();
        }

        private static List<string> InBases(List<Diagnostic> diagnostics)
            => diagnostics.Where(d => Bases.Contains(Path.GetFileName(d.Location.GetLineSpan().Path)))
                .Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition}): {d.Id} {d.GetMessage()}")
                .ToList();

        private static readonly Regex PolicyIdAttribute = new Regex("\\bPolicyId\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant);
        private static readonly Regex BasePolicyId = new Regex("<BasePolicy>.*?<PolicyId>\\s*([^<\\s]*)\\s*</PolicyId>", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>Over the real-world sets: no diagnostic in a base file names a policy that inherits it (PL1xxx name chains by design).</summary>
        [Fact]
        public void NoBaseFileDiagnosticNamesAPolicyThatInheritsIt()
        {
            if (Paths.Shared == null) return;
            var root = Path.Combine(Paths.Shared, "corpus", "real-world");
            var offenders = new List<string>();
            foreach (var set in RealWorldTests.Sets(root))
            {
                var ids = new Dictionary<string, (string? Id, string? Base)>(StringComparer.Ordinal);
                foreach (var file in Directory.GetFiles(Path.Combine(root, set), "*.xml"))
                {
                    string text = File.ReadAllText(file);
                    var id = PolicyIdAttribute.Match(text);
                    var b = BasePolicyId.Match(text);
                    ids[Path.GetFullPath(file)] = (id.Success ? id.Groups[1].Value : null, b.Success ? b.Groups[1].Value : null);
                }
                foreach (var d in Linter.Run(RealWorldTests.RequestFor(root, set)).Diagnostics)
                {
                    if (d.Id.StartsWith("PL1", StringComparison.Ordinal)) continue;
                    if (!ids.TryGetValue(Path.GetFullPath(d.Location.GetLineSpan().Path), out var own) || own.Id == null) continue;
                    foreach (var heir in Heirs(own.Id, ids.Values))
                        if (Regex.IsMatch(d.GetMessage(), "\\b" + Regex.Escape(heir) + "\\b", RegexOptions.IgnoreCase))
                            offenders.Add(RealWorldTests.Format(root, d) + "  [names " + heir + "]");
                }
            }
            Assert.True(offenders.Count == 0, "Base-file diagnostics that name an inheriting policy:\n" + string.Join("\n", offenders.Take(30)));
        }

        /// <summary>The PolicyIds of the policies that inherit from <paramref name="id"/>, directly or not.</summary>
        private static HashSet<string> Heirs(string id, IEnumerable<(string? Id, string? Base)> policies)
        {
            var heirs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var list = policies.ToList();
            var pending = new Queue<string>(new[] { id });
            while (pending.Count > 0)
            {
                var current = pending.Dequeue();
                foreach (var p in list)
                    if (p.Id != null && string.Equals(p.Base, current, StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase) && heirs.Add(p.Id))
                        pending.Enqueue(p.Id);
            }
            return heirs;
        }
    }
}
