using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Model;
using PolicyLint.Rules.Files;
using PolicyLint.Settings;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// Lints once per environment of the plan and merges: a diagnostic found in several environments is shown
    /// once, at the most severe level any environment gave it (a production environment turns PL7xxx warnings
    /// into errors); diagnostics that name their environment (PL7008) stay one per environment.
    /// </summary>
    internal static class EnvironmentMerge
    {
        public static LintResult Run(EnvironmentPlan plan, AnalysisRequest request, Func<AnalysisRequest, LintResult> runOne)
        {
            var results = plan.Runs.Select(options => runOne(ReferenceEquals(options, request.Options) ? request : request.WithOptions(options))).ToList();

            var merged = new Dictionary<(string, string, int, int, string), (ConfiguredDiagnostic Best, int Runs)>();
            var order = new List<(string, string, int, int, string)>();
            foreach (var result in results)
            {
                foreach (var configured in result.All)
                {
                    var key = Key(configured.Diagnostic);
                    if (merged.TryGetValue(key, out var seen))
                        merged[key] = (Better(seen.Best, configured), seen.Runs + 1);
                    else
                    {
                        merged[key] = (configured, 1);
                        order.Add(key);
                    }
                }
            }

            var all = new List<ConfiguredDiagnostic>(order.Count + plan.Diagnostics.Count);
            foreach (var key in order)
            {
                var (best, runs) = merged[key];
                // A suppression comment is unnecessary only if no environment needed it.
                if (best.Diagnostic.Id == PL0006UnnecessarySuppression.Instance.Id && runs < results.Count) continue;
                all.Add(best);
            }
            if (plan.Diagnostics.Count > 0)
                all.AddRange(DiagnosticConfigurator.Apply(plan.Diagnostics, new Dictionary<string, PolicyDocument>(), request.Configuration, request.ProjectDirectory));
            return new LintResult(all, results.Count == 0 ? 0 : results.Max(r => r.FilesAnalyzed)) { Set = results.Count == 0 ? null : results[0].Set };
        }

        private static (string, string, int, int, string) Key(Diagnostic d)
        {
            var span = d.Location.SourceSpan;
            return (d.Id, d.Location.GetLineSpan().Path ?? string.Empty, span.Start, span.End, d.GetMessage());
        }

        /// <summary>Shown beats suppressed; then the higher severity.</summary>
        private static ConfiguredDiagnostic Better(ConfiguredDiagnostic a, ConfiguredDiagnostic b)
        {
            if (a.IsShown != b.IsShown) return a.IsShown ? a : b;
            return b.Diagnostic.Severity > a.Diagnostic.Severity ? b : a;
        }
    }
}
