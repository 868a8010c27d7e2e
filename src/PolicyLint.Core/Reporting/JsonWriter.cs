using System.Globalization;
using System.IO;
using System.Text;

namespace PolicyLint.Reporting
{
    /// <summary>A minimal streaming JSON writer (netstandard2.0 has no System.Text.Json; the task ships no extra dependency for it).</summary>
    internal sealed class JsonWriter
    {
        private readonly TextWriter _out;
        private int _depth;
        private bool _needComma;

        public JsonWriter(TextWriter output) => _out = output;

        public JsonWriter StartObject(string? name = null) => Open(name, '{');
        public JsonWriter EndObject() => Close('}');
        public JsonWriter StartArray(string? name = null) => Open(name, '[');
        public JsonWriter EndArray() => Close(']');

        public JsonWriter Property(string name, string? value)
        {
            if (value == null) return this;
            Prefix(name);
            WriteString(value);
            return this;
        }

        public JsonWriter Property(string name, int value)
        {
            Prefix(name);
            _out.Write(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Property(string name, bool value)
        {
            Prefix(name);
            _out.Write(value ? "true" : "false");
            return this;
        }

        /// <summary>An array item.</summary>
        public JsonWriter Value(string value)
        {
            Prefix(null);
            WriteString(value);
            return this;
        }

        /// <summary>{"text": value} under a name, as SARIF's message objects.</summary>
        public JsonWriter Text(string name, string value) => StartObject(name).Property("text", value).EndObject();

        private JsonWriter Open(string? name, char bracket)
        {
            Prefix(name);
            _out.Write(bracket);
            _depth++;
            _needComma = false;
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            _depth--;
            _out.Write('\n');
            Indent();
            _out.Write(bracket);
            _needComma = true;
            return this;
        }

        private void Prefix(string? name)
        {
            if (_needComma) _out.Write(',');
            if (_depth > 0)
            {
                _out.Write('\n');
                Indent();
            }
            if (name != null)
            {
                WriteString(name);
                _out.Write(": ");
            }
            _needComma = true;
        }

        private void Indent() => _out.Write(new string(' ', _depth * 2));

        private void WriteString(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
            _out.Write(sb.ToString());
        }

    }
}
