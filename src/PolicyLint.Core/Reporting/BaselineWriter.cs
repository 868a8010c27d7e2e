using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Configuration;

namespace PolicyLint.Reporting
{
    /// <summary>Writes policylint.baseline.json from the findings a lint showed (-p:PolicyLintUpdateBaseline=true).</summary>
    public static class BaselineWriter
    {
        public static int Write(string path, IReadOnlyList<ConfiguredDiagnostic> diagnostics)
        {
            // Sorted by what a finding is about, not by line, so the file changes only where findings do.
            var groups = diagnostics
                .Where(c => c.IsShown && !Baseline.IsOwn(c.Diagnostic.Id))
                .GroupBy(c => c.Key)
                .Select(g => (Key: g.Key, Count: g.Count(), Message: g.First().Diagnostic.GetMessage()))
                .OrderBy(g => g.Key.File, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Id, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Element, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Value, StringComparer.Ordinal)
                .ToList();

            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var output = new StreamWriter(full, false, new UTF8Encoding(false));
            JsonOutput.Write(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("$comment", "PolicyLint baseline: findings known when it was written do not fail the build. Regenerate with -p:PolicyLintUpdateBaseline=true.");
                json.WriteNumber("version", Baseline.Version);
                json.WriteStartArray("findings");
                foreach (var (key, count, message) in groups)
                {
                    json.WriteStartObject();
                    json.WriteOptional("id", key.Id);
                    json.WriteOptional("file", key.File);
                    json.WriteOptional("element", key.Element);
                    json.WriteOptional("value", key.Value);
                    if (count > 1) json.WriteNumber("count", count);
                    // For the reader only: matching ignores the message, which may name other files' contents.
                    json.WriteOptional("message", message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return groups.Sum(g => g.Count);
        }
    }
}
