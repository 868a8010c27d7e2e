using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Reporting;

namespace PolicyLint.Cli
{
    /// <summary>`policylint fix`: applies every safe fix (of the rules named by --rule), lints again and reports what changed and what is left.</summary>
    internal static class FixCommand
    {
        public static int Run(CliArguments parsed, HostOptions options, TextWriter stdout, TextWriter stderr, string cwd)
        {
            var rules = new HashSet<string>(parsed.Rules.SelectMany(r => r.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)).Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);
            bool Accept(Diagnostic d, CodeFix f) => f.IsSafe && (rules.Count == 0 || rules.Contains(d.Id));

            if (parsed.DryRun)
            {
                // One pass, in memory: the diff of what `fix` would write first.
                var result = options.Run().Result;
                var (texts, planned) = Fixer.Plan(result.Diagnostics, Accept, Fixer.Editable(options.Policies), Fixer.ReadText);
                foreach (var pair in texts.OrderBy(p => p.Key, StringComparer.Ordinal))
                    stdout.Write(UnifiedDiff.Of(Relative(cwd, pair.Key), Fixer.ReadText(pair.Key), pair.Value));
                stderr.WriteLine($"policylint: {planned.Count} fix(es) would change {texts.Count} file(s); nothing written (--dry-run)");
                return result.HasErrors ? Cli.Errors : Cli.Success;
            }

            var outcome = Fixer.Run(options, Accept);
            foreach (var d in outcome.Applied)
            {
                var (path, line, column, _, _) = CanonicalFormat.Span(d);
                var fix = CodeFix.Of(d).First(f => Accept(d, f));
                stdout.WriteLine($"fixed {Relative(cwd, path)}({line},{column}): {d.Id}: {fix.Title}");
            }
            foreach (var path in outcome.Changed.Keys.OrderBy(p => p, StringComparer.Ordinal))
                stdout.WriteLine("changed " + Relative(cwd, path));
            // What is left, as a lint prints it.
            Reports.WriteCanonical(stdout, outcome.After.Diagnostics, color: false);
            stderr.WriteLine($"policylint: applied {outcome.Applied.Count} fix(es) in {outcome.Changed.Count} file(s); left: {Cli.Summary(outcome.After.Diagnostics, outcome.After.FilesAnalyzed)}");
            return outcome.After.HasErrors ? Cli.Errors : Cli.Success;
        }

        private static string Relative(string cwd, string path) => Path.GetRelativePath(cwd, path).Replace('\\', '/');
    }
}
