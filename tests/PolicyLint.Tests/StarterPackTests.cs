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
    /// <summary>Microsoft's starter pack is real, valid input: it must stay free of errors.</summary>
    public sealed class StarterPackTests
    {
        /// <summary>
        /// Warnings the starter pack is allowed to raise, each with its reason (also stated on the rule's page).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> AllowedWarnings = new Dictionary<string, string>
        {
            ["PL7001"] = "the starter pack ships placeholders (yourtenant.onmicrosoft.com, facebook_clientid, ProxyIdentityExperienceFrameworkAppId) that users replace",
        };

        /// <summary>Scenario folders extend a variant's base, which they take as B2CPolicyReference items.</summary>
        private static readonly Dictionary<string, string> ScenarioBases = new Dictionary<string, string>
        {
            ["scenarios/linkedin-identity-provider"] = "SocialAndLocalAccounts",
            ["scenarios/password-change"] = "SocialAndLocalAccounts",
        };

        public static IEnumerable<object[]> Sets()
        {
            var root = Paths.StarterPack;
            if (root == null) yield return new object[] { "" };
            else
            {
                foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).OrderBy(d => d, StringComparer.Ordinal))
                {
                    if (Directory.GetFiles(dir, "*.xml").Length == 0) continue;
                    yield return new object[] { Path.GetRelativePath(root, dir).Replace('\\', '/') };
                }
            }
        }

        public static AnalysisRequest RequestFor(string set)
        {
            var root = Paths.StarterPack!;
            var request = new AnalysisRequest();
            foreach (var file in Directory.GetFiles(Path.Combine(root, set), "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                request.AddPolicy(file, isExplicit: false);
            if (ScenarioBases.TryGetValue(set, out var variant))
            {
                var own = new HashSet<string>(request.Policies.Select(p => Path.GetFileName(p.Path)), StringComparer.OrdinalIgnoreCase);
                foreach (var file in Directory.GetFiles(Path.Combine(root, variant), "*.xml").Where(f => !own.Contains(Path.GetFileName(f))))
                    request.References.Add(file);
            }
            return request;
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void HasNoErrorsAndOnlyJustifiedWarnings(string set)
        {
            if (set.Length == 0) return; // ../shared is absent on a plain clone
            var diagnostics = Linter.Run(RequestFor(set)).Diagnostics;
            var bad = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !AllowedWarnings.ContainsKey(d.Id)))
                .ToList();
            Assert.True(bad.Count == 0, $"{set}:\n  " + string.Join("\n  ", bad.Select(Format)));
        }

        public static string Format(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage()}";
        }
    }
}
