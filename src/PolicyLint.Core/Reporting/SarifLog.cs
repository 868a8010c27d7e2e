using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;

using PolicyLint.Common;

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

            JsonOutput.Write(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();

                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "PolicyLint");
                json.WriteString("version", ToolVersion);
                json.WriteString("semanticVersion", ToolVersion);
                json.WriteString("informationUri", "https://github.com/policylint/policylint");
                json.WriteStartArray("rules");
                foreach (var rule in rules)
                {
                    var d = rule.Descriptor;
                    string title = d.Title.ToString();
                    string description = d.Description.ToString();
                    json.WriteStartObject();
                    json.WriteString("id", d.Id);
                    json.WriteString("name", RuleName(rule));
                    json.WriteText("shortDescription", Sentence(title));
                    json.WriteText("fullDescription", Sentence(description.Length > 0 ? description : title));
                    json.WriteStartObject("defaultConfiguration");
                    json.WriteString("level", Severities.SarifLevel(d.DefaultSeverity));
                    json.WriteBoolean("enabled", d.IsEnabledByDefault);
                    json.WriteEndObject();
                    json.WriteOptional("helpUri", HelpLinks.For(d.Id, options.HelpLinkBase));
                    json.WriteStartObject("help");
                    json.WriteOptional("text", RuleHelp.Text(d.Id, title) ?? Sentence(description.Length > 0 ? description : title));
                    json.WriteOptional("markdown", RuleHelp.Markdown(d.Id, title));
                    json.WriteEndObject();
                    var security = SecuritySeverity(d.Id);
                    json.WriteStartObject("properties");
                    json.WriteOptional("category", d.Category);
                    json.WriteStartArray("tags");
                    json.WriteStringValue(d.Category);
                    json.WriteStringValue("PolicyLint");
                    if (security != null) json.WriteStringValue("security");
                    json.WriteEndArray();
                    json.WriteString("precision", Severities.SarifPrecision(d.DefaultSeverity));
                    json.WriteString("problem.severity", Severities.SarifProblemSeverity(d.DefaultSeverity));
                    json.WriteOptional("security-severity", security);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();

                if (!string.IsNullOrWhiteSpace(options.Category))
                {
                    json.WriteStartObject("automationDetails");
                    json.WriteString("id", options.Category!.Trim().TrimEnd('/') + "/");
                    json.WriteEndObject();
                }

                if (root != null)
                {
                    json.WriteStartObject("originalUriBaseIds");
                    json.WriteStartObject(BaseId);
                    json.WriteString("uri", new Uri(root).AbsoluteUri);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteStartArray("results");
                var keys = diagnostics.Select(c => c.Key).ToList();
                var occurrences = FindingKey.Occurrences(keys);
                for (int i = 0; i < diagnostics.Count; i++)
                {
                    var configured = diagnostics[i];
                    var d = configured.Diagnostic;
                    var span = d.Location.GetLineSpan();
                    json.WriteStartObject();
                    json.WriteString("ruleId", d.Id);
                    if (ruleIndex.TryGetValue(d.Id, out int index)) json.WriteNumber("ruleIndex", index);
                    // The level as configured: a baseline lowers what the build shows, not what the finding is.
                    json.WriteString("level", Severities.SarifLevel(configured.Severity));
                    json.WriteText("message", Sentence(d.GetMessage()));
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    WriteUri(json, span.Path, root);
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", span.StartLinePosition.Line + 1);
                    json.WriteNumber("startColumn", span.StartLinePosition.Character + 1);
                    json.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                    json.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteStartObject("partialFingerprints");
                    json.WriteString(FingerprintName, keys[i].Hash() + ":" + occurrences[i]);
                    json.WriteEndObject();
                    if (configured.BaselineState != BaselineState.None)
                        json.WriteString("baselineState", configured.BaselineState == BaselineState.Unchanged ? "unchanged" : "new");
                    if (configured.Suppression != SuppressionKind.None)
                    {
                        json.WriteStartArray("suppressions");
                        json.WriteStartObject();
                        json.WriteString("kind", configured.Suppression == SuppressionKind.InSource ? "inSource" : "external");
                        json.WriteOptional("justification", configured.Justification);
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            });
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

        private static void WriteUri(Utf8JsonWriter json, string path, string? root)
        {
            string full = Path.GetFullPath(path);
            if (root != null && full.StartsWith(root, StringComparison.Ordinal))
            {
                var relative = full.Substring(root.Length).Replace('\\', '/');
                json.WriteString("uri", string.Join("/", relative.Split('/').Select(Uri.EscapeDataString)));
                json.WriteString("uriBaseId", BaseId);
            }
            else
            {
                json.WriteString("uri", new Uri(full).AbsoluteUri);
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

        /// <summary>SARIF messages are sentences.</summary>
        private static string Sentence(string text)
        {
            text = text.TrimEnd();
            return text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
