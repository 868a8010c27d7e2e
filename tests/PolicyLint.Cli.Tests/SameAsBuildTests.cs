using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli.Tests
{
    /// <summary>
    /// `policylint` and `dotnet build` report the same diagnostics: the command line, given a fixture's inputs as options,
    /// prints exactly what the analysis prints for the request the MSBuild task builds from the same inputs as items.
    /// </summary>
    public sealed class SameAsBuildTests
    {
        public static IEnumerable<object[]> Fixtures() => FixtureCase.All().Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Fixtures))]
        public void EveryFixture(string name)
        {
            var fixture = FixtureCase.All().Single(c => c.Name == name);
            var options = fixture.Options;
            string cwd = Directory.Exists(fixture.Path) ? fixture.Path : Path.GetDirectoryName(fixture.Path)!;
            var references = new HashSet<string>((options.References ?? new List<string>()).Select(r => Path.GetFullPath(Path.Combine(cwd, r))), StringComparer.Ordinal);

            // The task's parameters, as a project in the fixture's folder would pass them (PolicyLintTask.cs).
            var task = new HostOptions { ProjectDirectory = cwd, Environment = options.Environment, TokenPatterns = options.TokenPatterns };
            task.SettingsFile = options.SettingsFile ?? HostOptions.DefaultSettingsFile(cwd);
            if (options.Baseline != null) task.Baseline = Path.Combine(cwd, options.Baseline);
            else if (File.Exists(Path.Combine(cwd, Configuration.Baseline.DefaultFileName))) task.Baseline = Path.Combine(cwd, Configuration.Baseline.DefaultFileName);
            task.PolicyKeys.AddRange(options.PolicyKeys ?? new List<string>());
            task.References.AddRange(references);
            foreach (var file in fixture.PolicyFiles.Where(f => !references.Contains(f)))
                task.Policies.Add(new PolicyInput(file, isExplicit: !options.DefaultGlob));

            // The same inputs on the command line.
            var args = new List<string>();
            if (options.DefaultGlob) args.Add(cwd);
            else args.AddRange(task.Policies.Select(p => p.Path));
            foreach (var r in references) args.AddRange(new[] { "--reference", r });
            foreach (var k in options.PolicyKeys ?? new List<string>()) args.AddRange(new[] { "--policy-key", k });
            if (options.Environment != null) args.AddRange(new[] { "--environment", options.Environment });
            if (options.TokenPatterns != null) args.AddRange(new[] { "--token-patterns", options.TokenPatterns });
            if (options.SettingsFile != null) args.AddRange(new[] { "--settings", options.SettingsFile });
            if (options.Baseline != null) args.AddRange(new[] { "--baseline", options.Baseline });

            AssertSame(task, args, cwd);
        }

        public static IEnumerable<object[]> StarterPackSets() => StarterPackTests.Sets();

        [Theory]
        [MemberData(nameof(StarterPackSets))]
        public void TheStarterPack(string set)
        {
            if (set.Length == 0) return; // ../shared is absent on a plain clone
            var request = StarterPackTests.RequestFor(set);
            string cwd = Path.Combine(Paths.StarterPack!, set);
            var task = new HostOptions { ProjectDirectory = cwd };
            task.References.AddRange(request.References);
            // The default glob: every *.xml under the folder, references excluded.
            foreach (var file in Cli.PolicyCandidates(cwd).Where(f => !request.References.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                task.Policies.Add(new PolicyInput(file, isExplicit: false));
            var args = new List<string> { "." };
            foreach (var r in request.References) args.AddRange(new[] { "--reference", r });
            AssertSame(task, args, cwd);
        }

        private static void AssertSame(HostOptions task, List<string> args, string cwd)
        {
            var result = task.Run().Result;
            var expected = result.Diagnostics.Select(Canonical).ToList();

            var (exit, stdout, stderr) = CliRun.InProcess(args.ToArray(), cwd);
            Assert.True(exit == (result.HasErrors ? 1 : 0), $"exit {exit}, errors: {result.HasErrors}\n{stderr}");
            Assert.Equal(expected, CliRun.Lines(stdout));
        }

        /// <summary>MSBuild's canonical line, written out here rather than taken from the code under test.</summary>
        private static string Canonical(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            string severity = d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "info";
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
        }
    }

    internal static class CliRun
    {
        public static (int Exit, string Stdout, string Stderr) InProcess(string[] args, string cwd, bool terminal = false)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int exit = Cli.Run(args, stdout, stderr, cwd, terminal);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        public static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
