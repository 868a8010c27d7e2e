using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests.Infrastructure
{
    /// <summary>
    /// One fixture: Rules/PLnnnn/{ok,err}/name.xml, or a folder Rules/PLnnnn/{ok,err}/name/ holding a policy set.
    /// A folder may hold fixture.json: { "references": ["Base.xml"], "policyKeys": ["B2C_1A_X"], "environment": "Production",
    /// "defaultGlob": true, "settingsFile": "appsettings.json", "tokenPatterns": "default;@@NAME@@", "baseline": "policylint.baseline.json",
    /// "expect": ["appsettings.json(3,5): PL7009"] }.
    /// "expect" lists diagnostics in files that cannot hold an expect comment (a JSON settings file).
    /// </summary>
    public sealed class FixtureCase
    {
        public FixtureCase(string ruleId, bool expectsClean, string path)
        {
            RuleId = ruleId;
            ExpectsClean = expectsClean;
            Path = path;
        }

        public string RuleId { get; }
        public bool ExpectsClean { get; }
        public string Path { get; }
        public string Name => System.IO.Path.GetRelativePath(Paths.Fixtures, Path).Replace('\\', '/');

        public static IEnumerable<FixtureCase> All()
        {
            if (!Directory.Exists(Paths.Fixtures)) yield break;
            foreach (var ruleDir in Directory.GetDirectories(Paths.Fixtures).OrderBy(d => d, StringComparer.Ordinal))
            {
                string id = System.IO.Path.GetFileName(ruleDir);
                foreach (var kind in new[] { "ok", "err" })
                {
                    var dir = System.IO.Path.Combine(ruleDir, kind);
                    if (!Directory.Exists(dir)) continue;
                    foreach (var entry in Directory.GetFileSystemEntries(dir).OrderBy(d => d, StringComparer.Ordinal))
                    {
                        if (File.Exists(entry) && !entry.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
                        yield return new FixtureCase(id, kind == "ok", entry);
                    }
                }
            }
        }

        public IReadOnlyList<string> PolicyFiles =>
            Directory.Exists(Path)
                ? Directory.GetFiles(Path, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : new[] { Path };

        public FixtureOptions Options
        {
            get
            {
                var json = System.IO.Path.Combine(Path, "fixture.json");
                if (!Directory.Exists(Path) || !File.Exists(json)) return new FixtureOptions();
                return JsonSerializer.Deserialize<FixtureOptions>(File.ReadAllText(json), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? new FixtureOptions();
            }
        }

        public string DisplayName(string file) => System.IO.Path.GetRelativePath(Paths.Fixtures, file).Replace('\\', '/');

        public List<Expectation> Expectations()
        {
            var expectations = PolicyFiles.SelectMany(f => Expectation.Read(f, DisplayName(f))).ToList();
            foreach (var line in Options.Expect ?? new List<string>())
            {
                var m = System.Text.RegularExpressions.Regex.Match(line, @"^(?<file>[^(]+)\((?<line>\d+),(?<col>\d+)\): (?<id>PL\d{4})(?: ""(?<msg>[^""]*)"")?$");
                if (!m.Success) throw new FormatException($"{Name}/fixture.json: malformed expect entry '{line}'; use \"file(line,col): PLnnnn\" optionally followed by \" \\\"message part\\\"\"");
                expectations.Add(new Expectation(DisplayName(System.IO.Path.Combine(Path, m.Groups["file"].Value)), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                    m.Groups["id"].Value, m.Groups["msg"].Success ? m.Groups["msg"].Value : null));
            }
            return expectations;
        }

        public AnalysisRequest Request()
        {
            var options = Options;
            var request = new AnalysisRequest();
            var references = new HashSet<string>(options.References ?? new List<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var file in PolicyFiles)
            {
                string relative = System.IO.Path.GetRelativePath(Directory.Exists(Path) ? Path : System.IO.Path.GetDirectoryName(Path)!, file).Replace('\\', '/');
                if (references.Contains(relative)) request.References.Add(file);
                else request.AddPolicy(file, isExplicit: !options.DefaultGlob);
            }
            if (options.PolicyKeys != null) request.Options.PolicyKeys = AnalysisOptions.KeySet(options.PolicyKeys);
            request.Options.Environment = options.Environment;
            request.Options.IsProduction = string.Equals(options.Environment, "Production", StringComparison.OrdinalIgnoreCase);
            request.Options.TokenPatterns = options.TokenPatterns;
            if (options.SettingsFile != null) request.SettingsFile = System.IO.Path.Combine(Path, options.SettingsFile);
            if (options.Baseline != null)
            {
                request.BaselineFile = System.IO.Path.Combine(Path, options.Baseline);
                request.ProjectDirectory = Path;
            }
            return request;
        }

        public IReadOnlyList<Diagnostic> Run() => Linter.Run(Request()).Diagnostics;

        public override string ToString() => Name;
    }

    public sealed class FixtureOptions
    {
        public List<string>? References { get; set; }
        public List<string>? PolicyKeys { get; set; }
        public string? Environment { get; set; }
        public bool DefaultGlob { get; set; }
        /// <summary>The B2C extension's appsettings.json in the fixture folder (B2CSettingsFile).</summary>
        public string? SettingsFile { get; set; }
        /// <summary>A baseline file in the fixture folder (PolicyLintBaseline); finding keys are relative to the folder.</summary>
        public string? Baseline { get; set; }
        /// <summary>PolicyLintTokenPatterns: shapes of deploy-time tokens ("{{NAME}};@@NAME@@").</summary>
        public string? TokenPatterns { get; set; }
        /// <summary>Expected diagnostics in non-XML files: "appsettings.json(3,5): PL7009".</summary>
        public List<string>? Expect { get; set; }
    }
}
