using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PolicyLint.Settings
{
    /// <summary>
    /// A JSON value with the offset of its first character in the file's text, for diagnostics. Read by System.Text.Json
    /// (<see cref="JsonParser"/>), strictly: no comments, no trailing commas, as JavaScript's JSON.parse, with which the
    /// B2C extension reads appsettings.json.
    /// </summary>
    public abstract class JsonValue
    {
        private protected JsonValue(int start) => Start = start;

        /// <summary>Offset of the value's first character in the file's text.</summary>
        public int Start { get; }
        public abstract string Kind { get; }
    }

    public sealed class JsonObject : JsonValue
    {
        internal JsonObject(int start) : base(start) { }
        public override string Kind => "an object";

        /// <summary>Members in file order; a repeated name keeps every occurrence (lookups take the last, as JSON.parse does).</summary>
        public List<JsonMember> Members { get; } = new List<JsonMember>();

        public JsonMember? Member(string name)
        {
            for (int i = Members.Count - 1; i >= 0; i--)
                if (string.Equals(Members[i].Name, name, StringComparison.Ordinal)) return Members[i];
            return null;
        }
    }

    public sealed class JsonMember
    {
        internal JsonMember(string name, int nameStart, JsonValue value)
        {
            Name = name;
            NameStart = nameStart;
            Value = value;
        }

        public string Name { get; }
        /// <summary>Offset of the name's opening quote.</summary>
        public int NameStart { get; }
        public JsonValue Value { get; }
    }

    public sealed class JsonArray : JsonValue
    {
        internal JsonArray(int start) : base(start) { }
        public override string Kind => "an array";
        public List<JsonValue> Items { get; } = new List<JsonValue>();
    }

    public sealed class JsonString : JsonValue
    {
        internal JsonString(int start, string value) : base(start) => Value = value;
        public override string Kind => "a string";
        public string Value { get; }
    }

    /// <summary>A number, true, false or null, with its source text.</summary>
    public sealed class JsonLiteral : JsonValue
    {
        internal JsonLiteral(int start, string text) : base(start) => Text = text;
        public override string Kind => Text == "null" ? "null" : Text == "true" || Text == "false" ? "a boolean" : "a number";
        public string Text { get; }
        public bool IsNull => Text == "null";
        public bool? AsBoolean => Text == "true" ? true : Text == "false" ? false : (bool?)null;
    }

    public sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int offset) : base(message) => Offset = offset;
        public int Offset { get; }
    }

    /// <summary>
    /// Builds <see cref="JsonValue"/>s from System.Text.Json's <see cref="Utf8JsonReader"/>, which the MSBuild the task
    /// runs in carries. The reader counts in UTF-8 bytes; diagnostics count in characters of the file's text, so every
    /// offset is converted (<see cref="Offsets"/>). A syntax error is reported where the reader stopped, in words that
    /// say what JSON expected there (<see cref="SyntaxError"/>).
    /// </summary>
    public static class JsonParser
    {
        /// <summary>Deep enough for any settings file; deeper input is rejected rather than overflowing the stack.</summary>
        public const int MaxDepth = 64;

        /// <summary>Parses a whole document; throws <see cref="JsonSyntaxException"/> with the offset of the first error.</summary>
        public static JsonValue Parse(string text)
        {
            // A byte order mark is not JSON: the reader starts after it, and offsets count it.
            int first = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            if (IsBlank(text, first)) throw new JsonSyntaxException("the file is empty; expected a JSON object", 0);
            var bytes = Encoding.UTF8.GetBytes(text.Substring(first));
            var offsets = new Offsets(bytes, first);
            // One level more than ours, so that the depth check below speaks first, with the value's position.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth + 2 });
            var builder = new Builder(first);
            try
            {
                while (reader.Read())
                    builder.Add(ref reader, offsets);
            }
            catch (JsonException ex)
            {
                int at = offsets.CharAt(offsets.ByteAt(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0));
                throw SyntaxError.At(text, at, builder);
            }
            return builder.Root!;
        }

        private static bool IsBlank(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
                if (!IsWhitespace(text[i])) return false;
            return true;
        }

        internal static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

        /// <summary>The tree under construction, and where the reader was when it last succeeded.</summary>
        internal sealed class Builder
        {
            private readonly List<JsonValue> _open = new List<JsonValue>();
            private string? _name;
            private int _nameStart;

            public Builder(int first) => End = first;

            public JsonValue? Root { get; private set; }
            /// <summary>The container being filled (null at the top level).</summary>
            public JsonValue? Container => _open.Count > 0 ? _open[_open.Count - 1] : null;
            /// <summary>A property name was read and its value is expected.</summary>
            public bool AfterName { get; private set; }
            /// <summary>The container has at least one member or item.</summary>
            public bool HasContent => Container is JsonObject o ? o.Members.Count > 0 : Container is JsonArray a && a.Items.Count > 0;
            /// <summary>The name of the member being read, or else of the last one read, in the current object.</summary>
            public string? LastName => AfterName ? _name : (Container as JsonObject) is { Members.Count: > 0 } o ? o.Members[o.Members.Count - 1].Name : null;
            /// <summary>Character offset just after the last token read.</summary>
            public int End { get; private set; }

            public void Add(ref Utf8JsonReader reader, Offsets offsets)
            {
                int start = offsets.CharAt(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        _name = String(ref reader, start);
                        _nameStart = start;
                        AfterName = true;
                        break;
                    case JsonTokenType.StartObject:
                        Open(new JsonObject(start));
                        break;
                    case JsonTokenType.StartArray:
                        Open(new JsonArray(start));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _open.RemoveAt(_open.Count - 1);
                        break;
                    case JsonTokenType.String:
                        Place(new JsonString(start, String(ref reader, start)));
                        break;
                    case JsonTokenType.Number:
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                    case JsonTokenType.Null:
                        Place(new JsonLiteral(start, Encoding.UTF8.GetString(reader.ValueSpan.ToArray())));
                        break;
                }
                End = offsets.CharAt(reader.BytesConsumed);
            }

            private void Open(JsonValue container)
            {
                Place(container);
                _open.Add(container);
            }

            private void Place(JsonValue value)
            {
                if (_open.Count > MaxDepth) throw new JsonSyntaxException($"values are nested more than {MaxDepth} levels deep", value.Start);
                switch (Container)
                {
                    case null: Root = value; break;
                    case JsonObject obj: obj.Members.Add(new JsonMember(_name!, _nameStart, value)); break;
                    case JsonArray array: array.Items.Add(value); break;
                }
                AfterName = false;
            }

            private static string String(ref Utf8JsonReader reader, int start)
            {
                try
                {
                    return reader.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // An escaped UTF-16 surrogate without its other half: not text a .NET string can hold faithfully.
                    throw new JsonSyntaxException("invalid \\u escape: a surrogate without its pair", start);
                }
            }
        }

        /// <summary>UTF-8 byte offsets of the reader to character offsets of the text (which may start after a byte order mark).</summary>
        internal sealed class Offsets
        {
            private readonly byte[] _bytes;
            private readonly int _first;
            private long _byte;
            private int _char;

            public Offsets(byte[] bytes, int first)
            {
                _bytes = bytes;
                _first = first;
            }

            /// <summary>Offsets grow as the reader goes, so each call continues from the last one.</summary>
            public int CharAt(long byteOffset)
            {
                if (byteOffset < _byte) { _byte = 0; _char = 0; }
                for (; _byte < byteOffset && _byte < _bytes.Length; _byte++)
                {
                    byte b = _bytes[_byte];
                    if ((b & 0xC0) != 0x80) _char++;     // not a continuation byte: a new character
                    if (b >= 0xF0) _char++;              // four bytes: a surrogate pair in UTF-16
                }
                return _first + _char;
            }

            /// <summary>The byte offset of the reader's line (counted by '\n') and byte in that line.</summary>
            public long ByteAt(long line, long byteInLine)
            {
                long at = 0;
                for (long seen = 0; seen < line && at < _bytes.Length; at++)
                    if (_bytes[at] == (byte)'\n') seen++;
                return Math.Min(at + byteInLine, _bytes.Length);
            }
        }
    }

    /// <summary>
    /// Words for where <see cref="Utf8JsonReader"/> stopped: what JSON expected at that point of the text, from what the
    /// reader read before it (<see cref="JsonParser.Builder"/>) and the character it stopped at. The offset is where
    /// a person would look: a string's opening quote when it never ends, a backslash for a bad escape, a number's
    /// or a word's first character.
    /// </summary>
    internal static class SyntaxError
    {
        public static JsonSyntaxException At(string text, int at, JsonParser.Builder read)
        {
            // The token the reader was on: after the last one it finished, its separator and white space.
            int token = SkipWhitespace(text, read.End);
            bool afterComma = false;
            if (read.Container != null && read.HasContent && !read.AfterName && token < text.Length && text[token] == ',')
            {
                int next = SkipWhitespace(text, token + 1);
                // The reader stops at the comma itself when nothing follows it.
                if (next >= text.Length) at = next;
                if (at > token)
                {
                    afterComma = true;
                    token = next;
                }
            }
            bool afterValue = false, afterName = false;
            if (at > token && token < text.Length)
            {
                char c = text[token];
                if (c == '"')
                {
                    int end = ClosingQuote(text, token);
                    if (end < 0 || at <= end) return InString(text, token, at);
                    afterName = read.Container is JsonObject && !read.AfterName;
                }
                else if (c == '-' || (c >= '0' && c <= '9'))
                {
                    // A number that ended well ("01" is 0) is followed by something out of place, as any value can be.
                    if (text[at - 1] >= '0' && text[at - 1] <= '9') afterValue = true;
                    else return InNumber(text, token, at);
                }
                else if (char.IsLetter(c))
                {
                    return new JsonSyntaxException($"unexpected {Describe(text, token)}; expected a value (true, false and null are lower case)", token);
                }
            }
            if (afterName) return new JsonSyntaxException($"unexpected {Describe(text, at)}; expected ':' after the property name", at);
            return Structural(text, at, read, afterComma, afterValue);
        }

        private static JsonSyntaxException Structural(string text, int at, JsonParser.Builder read, bool afterComma, bool afterValue)
        {
            string found = Describe(text, at);
            char c = at < text.Length ? text[at] : '\0';
            switch (read.Container)
            {
                case null:
                    if (read.Root != null || afterValue) return new JsonSyntaxException($"unexpected {found} after the end of the JSON value", at);
                    break;
                case JsonObject _:
                    if (read.AfterName && !afterValue) break;
                    if (afterValue || (read.HasContent && !afterComma))
                        return new JsonSyntaxException($"unexpected {found}; expected ',' or '}}' after the value of \"{read.LastName}\"", at);
                    if (afterComma && c == '}') return new JsonSyntaxException("a trailing comma before '}' is not allowed in JSON", at);
                    return new JsonSyntaxException($"unexpected {found}; expected a property name in double quotes", at);
                default:
                    if (afterValue || (read.HasContent && !afterComma))
                        return new JsonSyntaxException($"unexpected {found}; expected ',' or ']' in the array", at);
                    if (afterComma && c == ']') return new JsonSyntaxException("a trailing comma before ']' is not allowed in JSON", at);
                    break;
            }
            // A value is expected here.
            if (at >= text.Length) return new JsonSyntaxException("unexpected end of file; expected a value", at);
            if (c == '\'') return new JsonSyntaxException("strings must be in double quotes", at);
            if (char.IsLetter(c)) return new JsonSyntaxException($"unexpected {found}; expected a value (strings need double quotes; true, false and null are lower case)", at);
            return new JsonSyntaxException($"unexpected {found}; expected a value", at);
        }

        private static JsonSyntaxException InString(string text, int quote, int at)
        {
            // The reader stops inside an escape (at the escaped character, or at a \u escape's first bad digit): the
            // escape is reported at its backslash.
            for (int i = quote + 1; i < at; i++)
            {
                if (text[i] != '\\') continue;
                char escaped = i + 1 < text.Length ? text[i + 1] : ' ';
                int end = escaped == 'u' ? i + 6 : i + 2;
                if (at < end && (at < text.Length || escaped == 'u'))
                {
                    return escaped == 'u'
                        ? new JsonSyntaxException("invalid \\u escape: four hex digits expected", i)
                        : new JsonSyntaxException($"invalid escape '\\{escaped}' in a string (a Windows path needs '\\\\')", i);
                }
                i = end - 1;
            }
            if (at >= text.Length) return new JsonSyntaxException("unterminated string", quote);
            char c = text[at];
            return new JsonSyntaxException(c == '\n' || c == '\r' ? "unterminated string (line break inside a string)" : $"control character U+{(int)c:X4} inside a string must be escaped", at);
        }

        private static JsonSyntaxException InNumber(string text, int start, int at)
        {
            char before = text[at - 1];
            if (before == '.') return new JsonSyntaxException("invalid number: digits expected after '.'", start);
            if (before == 'e' || before == 'E' || ((before == '+' || before == '-') && at - 1 > start))
                return new JsonSyntaxException("invalid number: digits expected in the exponent", start);
            return new JsonSyntaxException("invalid number", start);
        }

        /// <summary>The closing quote of the string opening at <paramref name="quote"/>, or -1.</summary>
        private static int ClosingQuote(string text, int quote)
        {
            for (int i = quote + 1; i < text.Length; i++)
            {
                if (text[i] == '\\') i++;
                else if (text[i] == '"') return i;
            }
            return -1;
        }

        private static int SkipWhitespace(string text, int i)
        {
            while (i < text.Length && JsonParser.IsWhitespace(text[i])) i++;
            return i;
        }

        private static string Describe(string text, int at)
        {
            if (at >= text.Length) return "end of file";
            char c = text[at];
            if (c == '/') return "comment ('/'): JSON does not allow comments";
            return char.IsControl(c) ? $"character U+{(int)c:X4}" : $"'{c}'";
        }
    }
}
