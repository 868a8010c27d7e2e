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
    /// <summary>Writes a SARIF 2.1.0 log: every diagnostic at every severity, suppressed ones with a suppressions entry.</summary>
    public static class SarifLog
    {
        public const string BaseId = "SRCROOT";

        public static void Write(string path, IReadOnlyList<ConfiguredDiagnostic> diagnostics, string? repositoryRoot)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var writer = new StreamWriter(full, false, new UTF8Encoding(false));
            Write(writer, diagnostics, repositoryRoot);
        }

        public static void Write(TextWriter output, IReadOnlyList<ConfiguredDiagnostic> diagnostics, string? repositoryRoot)
        {
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
                    .Property("helpUri", d.HelpLinkUri)
                    .StartObject("properties").Property("category", d.Category).EndObject()
                    .EndObject();
            }
            json.EndArray().EndObject().EndObject();

            if (root != null)
                json.StartObject("originalUriBaseIds").StartObject(BaseId).Property("uri", new Uri(root).AbsoluteUri).EndObject().EndObject();

            json.StartArray("results");
            foreach (var configured in diagnostics)
            {
                var d = configured.Diagnostic;
                var span = d.Location.GetLineSpan();
                json.StartObject().Property("ruleId", d.Id);
                if (ruleIndex.TryGetValue(d.Id, out int index)) json.Property("ruleIndex", index);
                json.Property("level", Level(d.Severity))
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
