using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PolicyLint.Reporting
{
    /// <summary>The findings as a JSON array (the command line's --format json), one object per finding.</summary>
    public static class JsonReport
    {
        public static void Write(TextWriter output, IEnumerable<Finding> findings)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartArray();
                foreach (var f in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("file", f.File);
                    json.WriteNumber("line", f.Line);
                    json.WriteNumber("column", f.Column);
                    json.WriteNumber("endLine", f.EndLine);
                    json.WriteNumber("endColumn", f.EndColumn);
                    json.WriteString("severity", f.Severity);
                    json.WriteString("id", f.Id);
                    json.WriteString("message", f.Message);
                    json.WriteString("helpLink", f.HelpLink);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
    }
}
