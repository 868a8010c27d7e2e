using System;
using System.Numerics;
using System.Xml;

namespace PolicyLint.Model
{
    public static partial class PolicyParser
    {
        /// <summary>
        /// Reads the common case of a policy file straight from its characters into the tree: well-formed, ASCII names,
        /// no DOCTYPE, the predefined entities and character references. Anything else (an error, a DTD, a non-ASCII name,
        /// an xml: attribute, a comment with a carriage return…) makes it give up, and the file is read again by XmlReader,
        /// which stays the reference for the model and for every PL0001 message. It builds exactly what the XmlReader
        /// pass builds; ScannerTests hold the two to that on every fixture, the starter pack and mutated files.
        /// </summary>
        private sealed class Scanner
        {
            [ThreadStatic] private static Scanner? t_spare;

            private char[] _text = Array.Empty<char>();
            private int _end;
            private PolicyDocument _doc = null!;
            private TreeBuilder _tree = null!;
            private XmlNameTable _values = null!;
            private char[] _scratch = new char[256];

            // Namespace declarations in scope, innermost last; each open element remembers where its own start.
            private string[] _nsPrefix = new string[8], _nsUri = new string[8];
            private int _nsCount;
            // Open elements: where the qualified name starts and ends, and the namespace count before the element.
            private int[] _openStart = new int[16], _openEnd = new int[16], _openNs = new int[16];
            private int _openCount;
            // The attributes of the start tag being read.
            private int[] _attrStart = new int[8], _attrEnd = new int[8], _attrColon = new int[8], _valueStart = new int[8], _valueEnd = new int[8];
            private int _attrCount;

            public static bool TryParse(PolicyDocument doc, char[] text, int length, TreeBuilder tree, XmlNameTable values)
            {
                var scanner = t_spare ?? new Scanner();
                t_spare = null;
                scanner._text = text;
                scanner._end = length;
                scanner._doc = doc;
                scanner._tree = tree;
                scanner._values = values;
                scanner._nsCount = scanner._openCount = scanner._attrCount = 0;
                try
                {
                    return scanner.Document();
                }
                finally
                {
                    // Keep no file's text or strings alive through the spare.
                    scanner._text = Array.Empty<char>();
                    scanner._doc = null!;
                    scanner._tree = null!;
                    scanner._values = null!;
                    Array.Clear(scanner._nsPrefix, 0, scanner._nsPrefix.Length);
                    Array.Clear(scanner._nsUri, 0, scanner._nsUri.Length);
                    // A huge value with references grew the scratch buffer: do not keep that for every later file.
                    if (scanner._scratch.Length > 1 << 16) scanner._scratch = new char[256];
                    if (scanner._openStart.Length <= 1024 && scanner._nsPrefix.Length <= 1024 && scanner._attrStart.Length <= 1024) t_spare = scanner;
                }
            }

            private bool Document()
            {
                if (!CharactersAreValid()) return false;
                int pos = 0;
                if (StartsWith(0, "<?xml") && _end > 5 && IsSpace(_text[5]))
                {
                    pos = XmlDeclaration();
                    if (pos < 0) return false;
                }
                pos = Misc(pos);
                if (pos < 0 || pos >= _end || _text[pos] != '<' || pos + 1 >= _end || !IsNameStart(_text[pos + 1])) return false;
                pos = Content(pos);
                if (pos < 0) return false;
                pos = Misc(pos);
                return pos == _end;
            }

            /// <summary>XML 1.0 characters only: no control characters but tab and line ends, surrogates in pairs, no U+FFFE/U+FFFF.</summary>
            private bool CharactersAreValid()
            {
                var text = _text;
                int i = 0;
                if (Vector.IsHardwareAccelerated && _end >= Vector<ushort>.Count)
                {
                    var blocks = System.Runtime.InteropServices.MemoryMarshal.Cast<char, Vector<ushort>>(new ReadOnlySpan<char>(text, 0, _end));
                    var low = new Vector<ushort>(0x20);
                    var high = new Vector<ushort>(0xD800);
                    var tab = new Vector<ushort>('\t');
                    var lineFeed = new Vector<ushort>('\n');
                    var carriageReturn = new Vector<ushort>('\r');
                    int last = blocks.Length * Vector<ushort>.Count - Vector<ushort>.Count;
                    while (i <= last)
                    {
                        // i is a multiple of the block size unless a surrogate pair straddled a block: then read it unaligned.
                        var v = i % Vector<ushort>.Count == 0 ? blocks[i / Vector<ushort>.Count]
                            : System.Runtime.InteropServices.MemoryMarshal.Read<Vector<ushort>>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<char>(text, i, Vector<ushort>.Count)));
                        // Below U+0020 only tab and line ends may appear (every block of a policy has some); from U+D800 up, look closely.
                        var control = Vector.AndNot(Vector.LessThan(v, low),
                            Vector.BitwiseOr(Vector.BitwiseOr(Vector.Equals(v, tab), Vector.Equals(v, lineFeed)), Vector.Equals(v, carriageReturn)));
                        if (control == Vector<ushort>.Zero && !Vector.GreaterThanOrEqualAny(v, high))
                        {
                            i += Vector<ushort>.Count;
                            continue;
                        }
                        // Something to look at closely in this block (a line end, a tab, a non-BMP character…).
                        for (int stop = i + Vector<ushort>.Count; i < stop; i++)
                            if (!ValidAt(ref i)) return false;
                    }
                }
                for (; i < _end; i++)
                    if (!ValidAt(ref i)) return false;
                return true;
            }

            private bool ValidAt(ref int i)
            {
                char c = _text[i];
                if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
                if (c < 0xD800) return true;
                if (c <= 0xDBFF)
                {
                    if (i + 1 >= _end || _text[i + 1] < 0xDC00 || _text[i + 1] > 0xDFFF) return false;
                    i++;
                    return true;
                }
                if (c <= 0xDFFF) return false;
                return c < 0xFFFE;
            }

            /// <summary>&lt;?xml version="1.0" encoding="utf-8" standalone="yes"?&gt; at the very start; returns the position after it, or -1.</summary>
            private int XmlDeclaration()
            {
                int p = 5;
                bool first = true;
                int seen = 0; // 1: version, 2: encoding, 3: standalone (in that order only)
                while (true)
                {
                    int before = p;
                    p = SkipSpace(p);
                    if (p + 1 < _end && _text[p] == '?' && _text[p + 1] == '>') return seen >= 1 ? p + 2 : -1;
                    if (p == before && !first) return -1;
                    first = false;
                    int nameEnd = p;
                    while (nameEnd < _end && _text[nameEnd] >= 'a' && _text[nameEnd] <= 'z') nameEnd++;
                    string name = new string(_text, p, nameEnd - p);
                    p = SkipSpace(nameEnd);
                    if (p >= _end || _text[p] != '=') return -1;
                    p = SkipSpace(p + 1);
                    if (p >= _end || (_text[p] != '"' && _text[p] != '\'')) return -1;
                    int close = IndexOf(_text[p], p + 1);
                    if (close < 0) return -1;
                    string value = new string(_text, p + 1, close - p - 1);
                    p = close + 1;
                    if (name == "version" && seen == 0 && value == "1.0") seen = 1;
                    else if (name == "encoding" && seen == 1 && string.Equals(value, "utf-8", StringComparison.OrdinalIgnoreCase)) seen = 2;
                    else if (name == "standalone" && seen >= 1 && seen < 3 && (value == "yes" || value == "no")) seen = 3;
                    else return -1;
                }
            }

            /// <summary>Whitespace, comments and processing instructions outside the root; returns where something else starts, or -1.</summary>
            private int Misc(int pos)
            {
                while (true)
                {
                    pos = SkipSpace(pos);
                    if (pos >= _end) return pos;
                    if (StartsWith(pos, "<!--")) pos = Comment(pos);
                    else if (StartsWith(pos, "<?")) pos = ProcessingInstruction(pos);
                    else return pos;
                    if (pos < 0) return -1;
                }
            }

            /// <summary>The root element and everything in it, without recursion; returns the position after its end tag, or -1.</summary>
            private int Content(int pos)
            {
                pos = StartTag(pos, out bool empty);
                if (pos < 0 || empty) return pos;
                while (pos < _end)
                {
                    if (_text[pos] != '<')
                    {
                        int lt = IndexOf('<', pos);
                        if (lt < 0 || !Text(pos, lt, cdata: false)) return -1;
                        pos = lt;
                        continue;
                    }
                    if (pos + 1 >= _end) return -1;
                    char next = _text[pos + 1];
                    if (next == '/')
                    {
                        pos = EndTag(pos);
                        if (pos < 0 || _openCount == 0) return pos;
                    }
                    else if (next == '!')
                    {
                        if (StartsWith(pos, "<!--")) pos = Comment(pos);
                        else if (StartsWith(pos, "<![CDATA[")) pos = CData(pos);
                        else return -1;
                    }
                    else if (next == '?') pos = ProcessingInstruction(pos);
                    else pos = StartTag(pos, out _);
                    if (pos < 0) return -1;
                }
                return -1; // elements left open
            }

            private int StartTag(int pos, out bool empty)
            {
                empty = false;
                int nameStart = pos + 1;
                int nameEnd = QualifiedName(nameStart, out int colon);
                if (nameEnd < 0) return -1;
                _attrCount = 0;
                int p = nameEnd;
                while (true)
                {
                    int before = p;
                    p = SkipSpace(p);
                    if (p >= _end) return -1;
                    char c = _text[p];
                    if (c == '>') { p++; break; }
                    if (c == '/')
                    {
                        if (p + 1 >= _end || _text[p + 1] != '>') return -1;
                        p += 2;
                        empty = true;
                        break;
                    }
                    if (p == before) return -1; // attributes are separated by whitespace
                    int attrEnd = QualifiedName(p, out int attrColon);
                    if (attrEnd < 0) return -1;
                    int q = SkipSpace(attrEnd);
                    if (q >= _end || _text[q] != '=') return -1;
                    q = SkipSpace(q + 1);
                    if (q >= _end || (_text[q] != '"' && _text[q] != '\'')) return -1;
                    int close = IndexOf(_text[q], q + 1);
                    if (close < 0 || new ReadOnlySpan<char>(_text, q + 1, close - q - 1).IndexOf('<') >= 0) return -1;
                    AddPendingAttribute(p, attrEnd, attrColon, q + 1, close);
                    p = close + 1;
                }

                int nsMark = _nsCount;
                if (!DeclareNamespaces()) return -1;
                string? ns = ElementNamespace(nameStart, colon);
                if (ns == null) return -1;
                string localName = Atom(colon >= 0 ? colon + 1 : nameStart, nameEnd);
                _tree.Open(localName, ns, pos, nameEnd);
                int valueEnd = nameEnd;
                for (int i = 0; i < _attrCount; i++)
                {
                    if (IsNamespaceDeclaration(i)) continue;
                    int aColon = _attrColon[i];
                    if (aColon >= 0)
                    {
                        // xml:space and xml:lang change how XmlReader reports text; leave them to it. Other prefixes must be declared.
                        if (Equals(_attrStart[i], aColon, "xml") || Resolve(_attrStart[i], aColon) == null) return -1;
                    }
                    string? value = AttributeValue(_valueStart[i], _valueEnd[i]);
                    if (value == null) return -1;
                    _tree.AddAttribute(Atom(_attrStart[i], _attrEnd[i]), value, _attrStart[i], _valueStart[i], _valueEnd[i]);
                    valueEnd = _valueEnd[i];
                }
                if (empty)
                {
                    _tree.Close(EndOfTag(new ReadOnlySpan<char>(_text, 0, _end), valueEnd));
                    _nsCount = nsMark;
                    return p;
                }
                Grow(ref _openStart, _openCount + 1);
                Grow(ref _openEnd, _openCount + 1);
                Grow(ref _openNs, _openCount + 1);
                _openStart[_openCount] = nameStart;
                _openEnd[_openCount] = nameEnd;
                _openNs[_openCount] = nsMark;
                _openCount++;
                return p;
            }

            private void AddPendingAttribute(int start, int end, int colon, int valueStart, int valueEnd)
            {
                int i = _attrCount++;
                Grow(ref _attrStart, _attrCount);
                Grow(ref _attrEnd, _attrCount);
                Grow(ref _attrColon, _attrCount);
                Grow(ref _valueStart, _attrCount);
                Grow(ref _valueEnd, _attrCount);
                _attrStart[i] = start;
                _attrEnd[i] = end;
                _attrColon[i] = colon;
                _valueStart[i] = valueStart;
                _valueEnd[i] = valueEnd;
            }

            private bool IsNamespaceDeclaration(int i)
                => _attrColon[i] >= 0 ? Equals(_attrStart[i], _attrColon[i], "xmlns") : Equals(_attrStart[i], _attrEnd[i], "xmlns");

            /// <summary>Pushes the tag's xmlns declarations; false for a duplicate attribute or a declaration XmlReader would refuse.</summary>
            private bool DeclareNamespaces()
            {
                for (int i = 0; i < _attrCount; i++)
                {
                    // Same local name twice (a duplicate, or two prefixes that may name one namespace): XmlReader decides.
                    int localStart = _attrColon[i] >= 0 ? _attrColon[i] + 1 : _attrStart[i];
                    var local = new ReadOnlySpan<char>(_text, localStart, _attrEnd[i] - localStart);
                    for (int j = 0; j < i; j++)
                    {
                        int otherStart = _attrColon[j] >= 0 ? _attrColon[j] + 1 : _attrStart[j];
                        if (local.SequenceEqual(new ReadOnlySpan<char>(_text, otherStart, _attrEnd[j] - otherStart))) return false;
                    }
                    if (!IsNamespaceDeclaration(i)) continue;
                    var value = new ReadOnlySpan<char>(_text, _valueStart[i], _valueEnd[i] - _valueStart[i]);
                    if (value.IndexOfAny('&', '\t', '\n') >= 0 || value.IndexOf('\r') >= 0) return false;
                    string prefix;
                    if (_attrColon[i] >= 0)
                    {
                        // xmlns:p="" and declaring xml or xmlns are errors or rarities.
                        if (value.Length == 0 || Equals(localStart, _attrEnd[i], "xml") || Equals(localStart, _attrEnd[i], "xmlns")) return false;
                        prefix = Atom(localStart, _attrEnd[i]);
                    }
                    else prefix = string.Empty;
                    Grow(ref _nsPrefix, _nsCount + 1);
                    Grow(ref _nsUri, _nsCount + 1);
                    _nsPrefix[_nsCount] = prefix;
                    _nsUri[_nsCount] = Atom(_valueStart[i], _valueEnd[i]);
                    _nsCount++;
                }
                return true;
            }

            private string? ElementNamespace(int nameStart, int colon)
            {
                if (colon < 0) return Resolve(nameStart, nameStart) ?? string.Empty;
                if (Equals(nameStart, colon, "xml") || Equals(nameStart, colon, "xmlns")) return null;
                return Resolve(nameStart, colon);
            }

            /// <summary>The namespace the prefix text[start..end) is bound to (empty: the default one); null when none is declared.</summary>
            private string? Resolve(int start, int end)
            {
                var prefix = new ReadOnlySpan<char>(_text, start, end - start);
                for (int i = _nsCount - 1; i >= 0; i--)
                    if (prefix.SequenceEqual(_nsPrefix[i].AsSpan())) return _nsUri[i];
                return null;
            }

            private int EndTag(int pos)
            {
                int nameStart = pos + 2;
                int nameEnd = QualifiedName(nameStart, out _);
                if (nameEnd < 0 || _openCount == 0) return -1;
                int open = _openCount - 1;
                if (!new ReadOnlySpan<char>(_text, nameStart, nameEnd - nameStart).SequenceEqual(new ReadOnlySpan<char>(_text, _openStart[open], _openEnd[open] - _openStart[open])))
                    return -1;
                int p = SkipSpace(nameEnd);
                if (p >= _end || _text[p] != '>') return -1;
                _tree.Close(EndOfTag(new ReadOnlySpan<char>(_text, 0, _end), nameStart));
                _nsCount = _openNs[open];
                _openCount--;
                return p + 1;
            }

            private int Comment(int pos)
            {
                int contentStart = pos + 4;
                int dashes = IndexOf("--", contentStart);
                if (dashes < 0 || dashes + 2 >= _end || _text[dashes + 2] != '>') return -1;
                var content = new ReadOnlySpan<char>(_text, contentStart, dashes - contentStart);
                if (content.IndexOf('\r') >= 0) return -1; // XmlReader would normalize the line ends of the value
                _doc.Comments.Add(new PolicyComment(content.ToString(), _doc.Span(Math.Max(0, contentStart - 4), dashes + 3)));
                return dashes + 3;
            }

            private int CData(int pos)
            {
                int start = pos + 9;
                int close = IndexOf("]]>", start);
                if (close < 0 || !Text(start, close, cdata: true)) return -1;
                return close + 3;
            }

            private int ProcessingInstruction(int pos)
            {
                int targetEnd = QualifiedName(pos + 2, out int colon);
                if (targetEnd < 0 || colon >= 0) return -1;
                if (targetEnd - pos - 2 == 3 && string.Equals(new string(_text, pos + 2, 3), "xml", StringComparison.OrdinalIgnoreCase)) return -1;
                int close = IndexOf("?>", targetEnd);
                if (close < 0 || (close != targetEnd && !IsSpace(_text[targetEnd]))) return -1;
                return close + 2;
            }

            /// <summary>A run of character data (or a CDATA section's content), added as the XmlReader pass adds a text node.</summary>
            private bool Text(int start, int end, bool cdata)
            {
                var raw = new ReadOnlySpan<char>(_text, start, end - start);
                if (!cdata && raw.IndexOf(']') >= 0 && raw.IndexOf("]]>".AsSpan()) >= 0) return false;
                int s = start, e = end;
                while (s < e && char.IsWhiteSpace(_text[s])) s++;
                while (e > s && char.IsWhiteSpace(_text[e - 1])) e--;
                bool plain = raw.IndexOfAny('&', '\r') < 0;
                string trimmed;
                if (plain)
                {
                    if (s == e) return true;
                    trimmed = _values.Add(_text, s, e - s);
                }
                else
                {
                    int length = Decode(start, end, attribute: false, entities: !cdata);
                    if (length < 0) return false;
                    trimmed = new string(_scratch, 0, length).Trim();
                    if (trimmed.Length == 0) return true;
                }
                _tree.AppendText(trimmed, atomize: !plain, s, e, _values);
                return true;
            }

            private string? AttributeValue(int start, int end)
            {
                var raw = new ReadOnlySpan<char>(_text, start, end - start);
                if (raw.IndexOfAny('&', '\t', '\n') < 0 && raw.IndexOf('\r') < 0) return _values.Add(_text, start, end - start);
                int length = Decode(start, end, attribute: true, entities: true);
                return length < 0 ? null : _values.Add(_scratch, 0, length);
            }

            /// <summary>
            /// text[start..end) into the scratch buffer as XmlReader reports it: line ends as \n, in attributes every
            /// literal whitespace character as a space, references replaced. Returns the length, or -1 for a reference it does not know.
            /// </summary>
            private int Decode(int start, int end, bool attribute, bool entities)
            {
                if (_scratch.Length < end - start) _scratch = new char[Math.Max(end - start, _scratch.Length * 2)];
                int n = 0;
                for (int i = start; i < end; i++)
                {
                    char c = _text[i];
                    if (c == '\r')
                    {
                        _scratch[n++] = attribute ? ' ' : '\n';
                        if (i + 1 < end && _text[i + 1] == '\n') i++;
                    }
                    else if (attribute && (c == '\n' || c == '\t'))
                    {
                        _scratch[n++] = ' ';
                    }
                    else if (c == '&' && entities)
                    {
                        int semi = new ReadOnlySpan<char>(_text, i + 1, Math.Min(end - i - 1, 12)).IndexOf(';');
                        if (semi <= 0) return -1;
                        var name = new ReadOnlySpan<char>(_text, i + 1, semi);
                        int code = Reference(name);
                        if (code < 0) return -1;
                        if (code > 0xFFFF)
                        {
                            code -= 0x10000;
                            _scratch[n++] = (char)(0xD800 + (code >> 10));
                            _scratch[n++] = (char)(0xDC00 + (code & 0x3FF));
                        }
                        else _scratch[n++] = (char)code;
                        i += semi + 1;
                    }
                    else _scratch[n++] = c;
                }
                return n;
            }

            /// <summary>The character a reference stands for (lt, gt, amp, apos, quot, #n, #xh), or -1.</summary>
            private static int Reference(ReadOnlySpan<char> name)
            {
                if (name.SequenceEqual("lt".AsSpan())) return '<';
                if (name.SequenceEqual("gt".AsSpan())) return '>';
                if (name.SequenceEqual("amp".AsSpan())) return '&';
                if (name.SequenceEqual("apos".AsSpan())) return '\'';
                if (name.SequenceEqual("quot".AsSpan())) return '"';
                if (name.Length < 2 || name[0] != '#') return -1;
                bool hex = name[1] == 'x';
                int i = hex ? 2 : 1;
                if (i >= name.Length) return -1;
                int code = 0;
                for (; i < name.Length; i++)
                {
                    char c = name[i];
                    int digit = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (digit < 0) return -1;
                    code = code * (hex ? 16 : 10) + digit;
                    if (code > 0x10FFFF) return -1;
                }
                bool valid = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                             || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
                return valid ? code : -1;
            }

            /// <summary>An ASCII name with at most one colon inside it; returns its end, or -1 (a non-ASCII name is left to XmlReader).</summary>
            private int QualifiedName(int start, out int colon)
            {
                colon = -1;
                if (start >= _end || !IsNameStart(_text[start])) return -1;
                int i = start + 1;
                for (; i < _end; i++)
                {
                    char c = _text[i];
                    if (c >= 0x80) return -1;
                    if (NameChars[c]) continue;
                    if (c != ':') break;
                    if (colon >= 0 || i + 1 >= _end || !IsNameStart(_text[i + 1])) return -1;
                    colon = i;
                }
                return i;
            }

            private static readonly bool[] NameChars = BuildNameChars();

            private static bool[] BuildNameChars()
            {
                var chars = new bool[128];
                for (char c = 'a'; c <= 'z'; c++) chars[c] = true;
                for (char c = 'A'; c <= 'Z'; c++) chars[c] = true;
                for (char c = '0'; c <= '9'; c++) chars[c] = true;
                chars['_'] = chars['-'] = chars['.'] = true;
                return chars;
            }

            private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

            private static bool IsSpace(char c) => c == ' ' || c == '\n' || c == '\t' || c == '\r';

            private int SkipSpace(int p)
            {
                while (p < _end && IsSpace(_text[p])) p++;
                return p;
            }

            private string Atom(int start, int end) => _values.Add(_text, start, end - start);

            private bool Equals(int start, int end, string value)
                => new ReadOnlySpan<char>(_text, start, end - start).SequenceEqual(value.AsSpan());

            private bool StartsWith(int pos, string value)
                => pos + value.Length <= _end && new ReadOnlySpan<char>(_text, pos, value.Length).SequenceEqual(value.AsSpan());

            private int IndexOf(char c, int from)
            {
                if (from >= _end) return -1;
                int i = new ReadOnlySpan<char>(_text, from, _end - from).IndexOf(c);
                return i < 0 ? -1 : from + i;
            }

            private int IndexOf(string value, int from)
            {
                if (from >= _end) return -1;
                int i = new ReadOnlySpan<char>(_text, from, _end - from).IndexOf(value.AsSpan());
                return i < 0 ? -1 : from + i;
            }

            private static void Grow<T>(ref T[] array, int size)
            {
                if (size > array.Length) Array.Resize(ref array, Math.Max(size, array.Length * 2));
            }
        }
    }
}
