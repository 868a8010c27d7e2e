using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyLint.Settings
{
    /// <summary>
    /// A small strict JSON reader (RFC 8259, what JavaScript's JSON.parse accepts, as the B2C extension reads
    /// appsettings.json) that keeps each value's offset for diagnostics. Hand-written so that the MSBuild task
    /// does not carry a System.Text.Json of its own into MSBuild's process.
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

    public static class JsonParser
    {
        /// <summary>Deep enough for any settings file; deeper input is rejected rather than overflowing the stack.</summary>
        public const int MaxDepth = 64;

        /// <summary>Parses a whole document; throws <see cref="JsonSyntaxException"/> with the offset of the first error.</summary>
        public static JsonValue Parse(string text)
        {
            var reader = new Reader(text);
            reader.SkipBom();
            reader.SkipWhitespace();
            if (reader.AtEnd) throw new JsonSyntaxException("the file is empty; expected a JSON object", 0);
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd) throw new JsonSyntaxException($"unexpected {reader.Describe()} after the end of the JSON value", reader.Position);
            return value;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _pos;

            public Reader(string text) => _text = text;

            public int Position => _pos;
            public bool AtEnd => _pos >= _text.Length;

            public void SkipBom()
            {
                if (_pos < _text.Length && _text[_pos] == '\uFEFF') _pos++;
            }

            public void SkipWhitespace()
            {
                while (_pos < _text.Length)
                {
                    char c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
                    else break;
                }
            }

            public string Describe()
            {
                if (AtEnd) return "end of file";
                char c = _text[_pos];
                if (c == '/') return "comment ('/'): JSON does not allow comments";
                return char.IsControl(c) ? $"character U+{(int)c:X4}" : $"'{c}'";
            }

            public JsonValue ReadValue(int depth)
            {
                if (depth > MaxDepth) throw new JsonSyntaxException($"values are nested more than {MaxDepth} levels deep", _pos);
                if (AtEnd) throw new JsonSyntaxException("unexpected end of file; expected a value", _pos);
                char c = _text[_pos];
                switch (c)
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return new JsonString(_pos, ReadString());
                    case 't': return ReadWord("true");
                    case 'f': return ReadWord("false");
                    case 'n': return ReadWord("null");
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                        if (c == '\'') throw new JsonSyntaxException("strings must be in double quotes", _pos);
                        if (char.IsLetter(c)) throw new JsonSyntaxException($"unexpected {Describe()}; expected a value (strings need double quotes; true, false and null are lower case)", _pos);
                        throw new JsonSyntaxException($"unexpected {Describe()}; expected a value", _pos);
                }
            }

            private JsonObject ReadObject(int depth)
            {
                var obj = new JsonObject(_pos);
                _pos++; // {
                SkipWhitespace();
                if (!AtEnd && _text[_pos] == '}') { _pos++; return obj; }
                while (true)
                {
                    SkipWhitespace();
                    if (AtEnd || _text[_pos] != '"')
                    {
                        if (!AtEnd && _text[_pos] == '}') throw new JsonSyntaxException("a trailing comma before '}' is not allowed in JSON", _pos);
                        throw new JsonSyntaxException($"unexpected {Describe()}; expected a property name in double quotes", _pos);
                    }
                    int nameStart = _pos;
                    string name = ReadString();
                    SkipWhitespace();
                    Expect(':', "after the property name");
                    SkipWhitespace();
                    var value = ReadValue(depth + 1);
                    obj.Members.Add(new JsonMember(name, nameStart, value));
                    SkipWhitespace();
                    if (!AtEnd && _text[_pos] == ',') { _pos++; continue; }
                    if (!AtEnd && _text[_pos] == '}') { _pos++; return obj; }
                    throw new JsonSyntaxException($"unexpected {Describe()}; expected ',' or '}}' after the value of \"{name}\"", _pos);
                }
            }

            private JsonArray ReadArray(int depth)
            {
                var array = new JsonArray(_pos);
                _pos++; // [
                SkipWhitespace();
                if (!AtEnd && _text[_pos] == ']') { _pos++; return array; }
                while (true)
                {
                    SkipWhitespace();
                    if (!AtEnd && _text[_pos] == ']') throw new JsonSyntaxException("a trailing comma before ']' is not allowed in JSON", _pos);
                    array.Items.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    if (!AtEnd && _text[_pos] == ',') { _pos++; continue; }
                    if (!AtEnd && _text[_pos] == ']') { _pos++; return array; }
                    throw new JsonSyntaxException($"unexpected {Describe()}; expected ',' or ']' in the array", _pos);
                }
            }

            private void Expect(char c, string where)
            {
                if (AtEnd || _text[_pos] != c) throw new JsonSyntaxException($"unexpected {Describe()}; expected '{c}' {where}", _pos);
                _pos++;
            }

            private JsonLiteral ReadWord(string word)
            {
                if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
                    throw new JsonSyntaxException($"unexpected {Describe()}; expected a value (true, false and null are lower case)", _pos);
                var literal = new JsonLiteral(_pos, word);
                _pos += word.Length;
                return literal;
            }

            private JsonLiteral ReadNumber()
            {
                int start = _pos;
                if (_text[_pos] == '-') _pos++;
                if (AtEnd || !IsDigit(_text[_pos])) throw new JsonSyntaxException("invalid number", start);
                if (_text[_pos] == '0') _pos++;
                else while (!AtEnd && IsDigit(_text[_pos])) _pos++;
                if (!AtEnd && _text[_pos] == '.')
                {
                    _pos++;
                    if (AtEnd || !IsDigit(_text[_pos])) throw new JsonSyntaxException("invalid number: digits expected after '.'", start);
                    while (!AtEnd && IsDigit(_text[_pos])) _pos++;
                }
                if (!AtEnd && (_text[_pos] == 'e' || _text[_pos] == 'E'))
                {
                    _pos++;
                    if (!AtEnd && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                    if (AtEnd || !IsDigit(_text[_pos])) throw new JsonSyntaxException("invalid number: digits expected in the exponent", start);
                    while (!AtEnd && IsDigit(_text[_pos])) _pos++;
                }
                return new JsonLiteral(start, _text.Substring(start, _pos - start));
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private string ReadString()
            {
                int start = _pos;
                _pos++; // opening quote
                var sb = new StringBuilder();
                while (true)
                {
                    if (AtEnd) throw new JsonSyntaxException("unterminated string", start);
                    char c = _text[_pos];
                    if (c == '"') { _pos++; return sb.ToString(); }
                    if (c < ' ') throw new JsonSyntaxException(c == '\n' || c == '\r' ? "unterminated string (line break inside a string)" : $"control character U+{(int)c:X4} inside a string must be escaped", _pos);
                    if (c != '\\') { sb.Append(c); _pos++; continue; }
                    _pos++;
                    if (AtEnd) throw new JsonSyntaxException("unterminated string", start);
                    char e = _text[_pos];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_pos + 4 >= _text.Length || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                                throw new JsonSyntaxException("invalid \\u escape: four hex digits expected", _pos - 1);
                            sb.Append((char)code);
                            _pos += 4;
                            break;
                        default:
                            throw new JsonSyntaxException($"invalid escape '\\{e}' in a string (a Windows path needs '\\\\')", _pos - 1);
                    }
                    _pos++;
                }
            }
        }
    }
}
