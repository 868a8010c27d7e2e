using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Reporting;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli
{
    /// <summary>`policylint fix`: applies every safe fix (of the rules named by --rule), lints again and reports what changed and what is left.</summary>
    internal static class FixCommand
    {
        public static int Run(CliArguments parsed, HostOptions options, TextWriter stdout, TextWriter stderr, string cwd)
        {
            var rules = new HashSet<string>(parsed.Rules.SelectMany(r => r.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)).Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);
            bool Accept(Diagnostic d, CodeFix f) => (f.IsSafe || parsed.AllOffered) && (rules.Count == 0 || rules.Contains(d.Id));

            if (parsed.List || parsed.Apply != null) return ListOrApply(parsed, options, rules, stdout, stderr, cwd);

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

        /// <summary>
        /// Every fix of every diagnostic (of the --rule ones), numbered in report order: the rule's own, then "suppress this
        /// occurrence" and "set severity in .editorconfig". --list prints them; --apply N applies the N-th and lints again.
        /// </summary>
        private static int ListOrApply(CliArguments parsed, HostOptions options, HashSet<string> rules, TextWriter stdout, TextWriter stderr, string cwd)
        {
            var result = options.Run().Result;
            int number = 0;
            foreach (var d in result.Diagnostics)
            {
                if (rules.Count > 0 && !rules.Contains(d.Id)) continue;
                var fixes = HostFixes.All(d, cwd);
                if (parsed.List && fixes.Count > 0) Reports.WriteCanonical(stdout, new[] { d }, color: false);
                foreach (var fix in fixes)
                {
                    number++;
                    if (parsed.List)
                    {
                        stdout.WriteLine($"  [{number}] {fix.Title}{(fix.IsSafe ? " (safe)" : "")}");
                        continue;
                    }
                    if (number != parsed.Apply) continue;
                    // The reported policies, and the .editorconfig a host fix names; never a reference.
                    var editable = Fixer.Editable(options.Policies);
                    if (fix.Edits.Any(e => !editable.Contains(e.Path) && Path.GetFileName(e.Path) != ".editorconfig"))
                    {
                        stderr.WriteLine($"policylint: fix {number} edits a file that is not linted as a policy (a reference); nothing written");
                        return Cli.BadUsage;
                    }
                    foreach (var pair in Fixer.Apply(fix.Edits, Fixer.ReadText))
                    {
                        Fixer.WriteText(pair.Key, pair.Value);
                        stdout.WriteLine("changed " + Relative(cwd, pair.Key));
                    }
                    var (path, line, column, _, _) = CanonicalFormat.Span(d);
                    stdout.WriteLine($"fixed {Relative(cwd, path)}({line},{column}): {d.Id}: {fix.Title}");
                    var after = options.Run().Result;
                    Reports.WriteCanonical(stdout, after.Diagnostics, color: false);
                    stderr.WriteLine($"policylint: applied fix {number}; left: {Cli.Summary(after.Diagnostics, after.FilesAnalyzed)}");
                    return after.HasErrors ? Cli.Errors : Cli.Success;
                }
            }
            if (parsed.List)
            {
                stderr.WriteLine($"policylint: {number} fix(es); apply one with `policylint fix --apply N`");
                return result.HasErrors ? Cli.Errors : Cli.Success;
            }
            stderr.WriteLine($"policylint: no fix numbered {parsed.Apply}: `policylint fix --list` numbers {number}");
            return Cli.BadUsage;
        }

        private static string Relative(string cwd, string path) => Path.GetRelativePath(cwd, path).Replace('\\', '/');
    }
}
