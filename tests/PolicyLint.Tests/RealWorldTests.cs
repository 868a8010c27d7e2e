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
    /// Every policy set of ../shared/corpus/real-world, linted as a user deploying it would, compared line by line with a
    /// committed snapshot: any change in what PolicyLint says about real policies shows up in a reviewed diff.
    /// Regenerate on purpose with POLICYLINT_UPDATE_SNAPSHOTS=1; docs/real-world.md triages every error in it.
    /// </summary>
    public sealed class RealWorldTests
    {
        /// <summary>The base a set lacks comes from here, as the samples' readers deploy them.</summary>
        private const string StarterBase = "SocialAndLocalAccountsWithMfa";

        public static string SnapshotPath => Path.Combine(Paths.RepoRoot, "tests", "PolicyLint.Tests", "RealWorld", "snapshot.txt");

        private static readonly Regex PolicyIdAttribute = new Regex("\\bPolicyId\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant);

        /// <summary>A folder with policy files is a set.</summary>
        public static IReadOnlyList<string> Sets(string root) =>
            Directory.GetDirectories(root, "*", SearchOption.AllDirectories)
                .Prepend(root)
                .Where(d => Directory.GetFiles(d, "*.xml").Length > 0)
                .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToList();

        public static AnalysisRequest RequestFor(string root, string set)
        {
            var request = new AnalysisRequest();
            var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(Path.Combine(root, set), "*.xml").OrderBy(f => f, StringComparer.Ordinal))
            {
                request.AddPolicy(file, isExplicit: false);
                var id = DeclaredPolicyId(file);
                if (id != null) declared.Add(id);
            }
            foreach (var file in Directory.GetFiles(Path.Combine(Paths.StarterPack!, StarterBase), "*.xml").OrderBy(f => f, StringComparer.Ordinal))
            {
                var id = DeclaredPolicyId(file);
                if (id != null && !declared.Contains(id)) request.References.Add(file);
            }
            return request;
        }

        private static string? DeclaredPolicyId(string file)
        {
            var match = PolicyIdAttribute.Match(File.ReadAllText(file));
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>The snapshot of the whole corpus: one line per diagnostic, paths relative to corpus/real-world.</summary>
        public static List<string> Lint(string root)
        {
            var lines = new List<string>();
            foreach (var set in Sets(root))
            {
                foreach (var d in Linter.Run(RequestFor(root, set)).Diagnostics)
                    lines.Add(Format(root, d));
            }
            return lines;
        }

        public static string Format(string root, Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            var path = Path.GetRelativePath(root, span.Path).Replace('\\', '/');
            var severity = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                DiagnosticSeverity.Info => "suggestion",
                _ => "hidden",
            };
            return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
        }

        [Fact]
        public void MatchesTheSnapshot()
        {
            if (Paths.Shared == null) return; // ../shared is absent on a plain clone
            var root = Path.Combine(Paths.Shared, "corpus", "real-world");
            var actual = Lint(root);
            if (Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(SnapshotPath, string.Join("\n", actual) + "\n");
                return;
            }
            var expected = File.ReadAllLines(SnapshotPath).Where(l => l.Length > 0).ToList();
            var missing = expected.Except(actual).ToList();
            var added = actual.Except(expected).ToList();
            Assert.True(missing.Count == 0 && added.Count == 0 && expected.SequenceEqual(actual),
                "The real-world output changed; review and regenerate with POLICYLINT_UPDATE_SNAPSHOTS=1.\n"
                + string.Join("\n", missing.Take(40).Select(l => "- " + l)) + "\n" + string.Join("\n", added.Take(40).Select(l => "+ " + l)));
        }

        /// <summary>Every error in the snapshot is triaged in docs/real-world.md, and the table lists no error the snapshot lacks.</summary>
        [Fact]
        public void EveryErrorIsTriaged()
        {
            var errors = File.ReadAllLines(SnapshotPath).Where(l => l.Contains("): error ", StringComparison.Ordinal)).ToList();
            var doc = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "real-world.md"));
            var untriaged = errors.Where(e => !doc.Contains(TriageKey(e), StringComparison.Ordinal)).ToList();
            Assert.True(untriaged.Count == 0, "Errors not triaged in docs/real-world.md:\n" + string.Join("\n", untriaged));
        }

        /// <summary>How docs/real-world.md names an error: `file(line,col) PLnnnn`.</summary>
        public static string TriageKey(string snapshotLine)
        {
            var close = snapshotLine.IndexOf("): ", StringComparison.Ordinal);
            var id = Regex.Match(snapshotLine, @"\): error (PL\d{4}):").Groups[1].Value;
            return "`" + snapshotLine.Substring(0, close + 1) + " " + id + "`";
        }
    }
}
