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
                .Where(c => c.IsShown && !Baseline.IsOwn(c.Diagnostic.Id) && c.Key.Id != null)
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
            var json = new JsonWriter(output);
            json.StartObject()
                .Property("$comment", "PolicyLint baseline: findings known when it was written do not fail the build. Regenerate with -p:PolicyLintUpdateBaseline=true.")
                .Property("version", Baseline.Version)
                .StartArray("findings");
            foreach (var (key, count, message) in groups)
            {
                json.StartObject()
                    .Property("id", key.Id)
                    .Property("file", key.File)
                    .Property("element", key.Element)
                    .Property("value", key.Value);
                if (count > 1) json.Property("count", count);
                // For the reader only: matching ignores the message, which may name other files' contents.
                json.Property("message", message)
                    .EndObject();
            }
            json.EndArray().EndObject();
            output.Write('\n');
            return groups.Sum(g => g.Count);
        }
    }
}
