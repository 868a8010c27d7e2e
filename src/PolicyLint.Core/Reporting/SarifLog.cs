using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;

namespace PolicyLint.Reporting
{
    /// <summary>What a SARIF log carries beyond the findings (PolicyLintSarifCategory, PolicyLintHelpLinkBase).</summary>
    public sealed class SarifOptions
    {
        /// <summary>runs[0].automationDetails.id: tells code scanning which analysis of the repository this is.</summary>
        public string? Category { get; set; }
        /// <summary>Where the rule pages are: a URL or a folder; PLnnnn.md is appended.</summary>
        public string? HelpLinkBase { get; set; }
    }

    /// <summary>Writes a SARIF 2.1.0 log: every diagnostic at every severity, suppressed ones with a suppressions entry.</summary>
    public static class SarifLog
    {
        public const string BaseId = "SRCROOT";

        /// <summary>The key partialFingerprints carry: GitHub follows an alert by it when lines move.</summary>
        public const string FingerprintName = "policylint/v1";

        public static void Write(string path, IReadOnlyList<ConfiguredDiagnostic> diagnostics, string? repositoryRoot, SarifOptions? options = null)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var writer = new StreamWriter(full, false, new UTF8Encoding(false));
            Write(writer, diagnostics, repositoryRoot, options);
        }

        public static void Write(TextWriter output, IReadOnlyList<ConfiguredDiagnostic> diagnostics, string? repositoryRoot, SarifOptions? options = null)
        {
            options ??= new SarifOptions();
            string? root = repositoryRoot == null ? null : EnsureSlash(Path.GetFullPath(repositoryRoot));
            var rules = PolicyAnalyzer.Rules.ToList();
            var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

            var json = new JsonWriter(output);
            json.StartObject()
                .Property("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                .Property("version", "2.1.0")
                .StartArray("runs").StartObject();

            json.StartObject("tool").StartObject("driver")
                .Property("name", "PolicyLint")
                .Property("version", ToolVersion)
                .Property("semanticVersion", ToolVersion)
                .Property("informationUri", "https://github.com/policylint/policylint")
                .StartArray("rules");
            foreach (var rule in rules)
            {
                var d = rule.Descriptor;
                string title = d.Title.ToString();
                string description = d.Description.ToString();
                json.StartObject()
                    .Property("id", d.Id)
                    .Property("name", RuleName(rule))
                    .Text("shortDescription", Sentence(title))
                    .Text("fullDescription", Sentence(description.Length > 0 ? description : title))
                    .StartObject("defaultConfiguration").Property("level", Level(d.DefaultSeverity)).Property("enabled", d.IsEnabledByDefault).EndObject()
                    .Property("helpUri", HelpLinks.For(d.Id, options.HelpLinkBase));
                json.StartObject("help")
                    .Property("text", RuleHelp.Text(d.Id, title) ?? Sentence(description.Length > 0 ? description : title))
                    .Property("markdown", RuleHelp.Markdown(d.Id, title))
                    .EndObject();
                var security = SecuritySeverity(d.Id);
                json.StartObject("properties")
                    .Property("category", d.Category)
                    .StartArray("tags").Value(d.Category).Value("PolicyLint");
                if (security != null) json.Value("security");
                json.EndArray()
                    .Property("precision", Precision(d.DefaultSeverity))
                    .Property("problem.severity", ProblemSeverity(d.DefaultSeverity))
                    .Property("security-severity", security)
                    .EndObject()
                    .EndObject();
            }
            json.EndArray().EndObject().EndObject();

            if (!string.IsNullOrWhiteSpace(options.Category))
                json.StartObject("automationDetails").Property("id", options.Category!.Trim().TrimEnd('/') + "/").EndObject();

            if (root != null)
                json.StartObject("originalUriBaseIds").StartObject(BaseId).Property("uri", new Uri(root).AbsoluteUri).EndObject().EndObject();

            json.StartArray("results");
            var keys = diagnostics.Select(c => c.Key.Id != null ? c.Key : FindingKey.For(c.Diagnostic, null, repositoryRoot)).ToList();
            var occurrences = FindingKey.Occurrences(keys);
            for (int i = 0; i < diagnostics.Count; i++)
            {
                var configured = diagnostics[i];
                var d = configured.Diagnostic;
                var span = d.Location.GetLineSpan();
                json.StartObject().Property("ruleId", d.Id);
                if (ruleIndex.TryGetValue(d.Id, out int index)) json.Property("ruleIndex", index);
                // The level as configured: a baseline lowers what the build shows, not what the finding is.
                json.Property("level", Level(configured.Severity))
                    .Text("message", Sentence(d.GetMessage()))
                    .StartArray("locations").StartObject().StartObject("physicalLocation")
                    .StartObject("artifactLocation");
                WriteUri(json, span.Path, root);
                json.EndObject()
                    .StartObject("region")
                    .Property("startLine", span.StartLinePosition.Line + 1)
                    .Property("startColumn", span.StartLinePosition.Character + 1)
                    .Property("endLine", span.EndLinePosition.Line + 1)
                    .Property("endColumn", span.EndLinePosition.Character + 1)
                    .EndObject()
                    .EndObject().EndObject().EndArray();
                json.StartObject("partialFingerprints").Property(FingerprintName, keys[i].Hash() + ":" + occurrences[i]).EndObject();
                if (configured.BaselineState != BaselineState.None)
                    json.Property("baselineState", configured.BaselineState == BaselineState.Unchanged ? "unchanged" : "new");
                if (configured.Suppression != SuppressionKind.None)
                {
                    json.StartArray("suppressions").StartObject()
                        .Property("kind", configured.Suppression == SuppressionKind.InSource ? "inSource" : "external")
                        .Property("justification", configured.Justification)
                        .EndObject().EndArray();
                }
                json.EndObject();
            }
            json.EndArray();
            json.Property("columnKind", "utf16CodeUnits");
            json.EndObject().EndArray().EndObject();
            output.Write('\n');
        }

        public static string ToolVersion
        {
            get
            {
                var v = typeof(SarifLog).Assembly.GetName().Version ?? new Version(1, 0, 0);
                return $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";
            }
        }

        /// <summary>"PL2001ClaimTypeNotDeclared" is named "ClaimTypeNotDeclared".</summary>
        public static string RuleName(PolicyRule rule)
        {
            string name = rule.GetType().Name;
            return name.StartsWith(rule.Id, StringComparison.Ordinal) ? name.Substring(rule.Id.Length) : name;
        }

        private static void WriteUri(JsonWriter json, string path, string? root)
        {
            string full = Path.GetFullPath(path);
            if (root != null && full.StartsWith(root, StringComparison.Ordinal))
            {
                var relative = full.Substring(root.Length).Replace('\\', '/');
                json.Property("uri", string.Join("/", relative.Split('/').Select(Uri.EscapeDataString))).Property("uriBaseId", BaseId);
            }
            else
            {
                json.Property("uri", new Uri(full).AbsoluteUri);
            }
        }

        private static string EnsureSlash(string path)
            => path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;

        // GitHub's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, below 4.0 low. Only rules about exposure get one:
        // code scanning files a rule with a security-severity as a security alert.
        private static string? SecuritySeverity(string id) => id switch
        {
            "PL7002" => "8.0", // a credential in source control
            "PL7006" => "7.5", // a REST API called without authentication
            "PL7005" => "6.5", // an endpoint over plain http
            "PL7003" => "5.0", // DeploymentMode Development: journey details exposed to Application Insights
            "PL7004" => "5.0", // JourneyInsights DeveloperMode
            "PL7007" => "3.0", // an Application Insights key in the policy
            _ => null,
        };

        // How often a finding is a real problem: errors are promises (docs/severity.md), warnings are probable mistakes.
        private static string Precision(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "high",
            DiagnosticSeverity.Warning => "medium",
            _ => "low",
        };

        private static string ProblemSeverity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "recommendation",
        };

        private static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        /// <summary>SARIF messages are sentences.</summary>
        private static string Sentence(string text)
        {
            text = text.TrimEnd();
            return text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
