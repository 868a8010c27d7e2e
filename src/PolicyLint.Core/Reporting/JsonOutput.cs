using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyLint.Reporting
{
    /// <summary>The JSON files PolicyLint writes (SARIF, the baseline), by System.Text.Json's <see cref="Utf8JsonWriter"/>.</summary>
    internal static class JsonOutput
    {
        // Indented for people who read the files in a diff; text kept readable (no \u escapes for quotes, '<' or accents).
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>Writes the document <paramref name="write"/> makes, with lines ending in '\n' on every platform.</summary>
        public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
            string text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // The writer ends lines with Environment.NewLine; a line break inside a string is always escaped, so every
            // CR LF left is indentation.
            if (Environment.NewLine != "\n") text = text.Replace("\r\n", "\n");
            output.Write(text);
            output.Write('\n');
        }

        /// <summary>A string property, left out when there is no value.</summary>
        public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
        {
            if (value != null) json.WriteString(name, value);
        }

        /// <summary>{"text": value} under a name, as SARIF's message objects.</summary>
        public static void WriteText(this Utf8JsonWriter json, string name, string value)
        {
            json.WriteStartObject(name);
            json.WriteString("text", value);
            json.WriteEndObject();
        }
    }
}
