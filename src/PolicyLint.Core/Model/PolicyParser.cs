using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace PolicyLint.Model
{
    /// <summary>
    /// Builds a <see cref="PolicyDocument"/> in one pass: the scanner for the common case, else XmlReader (errors, DTDs and
    /// rare constructs), which is the reference for both the model and the messages.
    /// </summary>
    public static partial class PolicyParser
    {
        /// <summary>Also the settings of the benchmark's XmlReader floor, so the two read alike.</summary>
        internal static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            IgnoreComments = false,
            CloseInput = true,
        };

        private static XmlReaderSettings SettingsWith(XmlNameTable names)
        {
            var settings = Settings.Clone();
            settings.NameTable = names;
            return settings;
        }

        /// <summary>Far above any real policy (the service takes 1 MB); a larger file is not read into memory at all.</summary>
        public const long MaxReadBytes = 256L * 1024 * 1024;

        public static PolicyDocument ParseFile(string path) => ParseFile(path, null);

        /// <param name="path">The file.</param>
        /// <param name="names">
        /// Where names and values are interned: the files one thread parses in a build share a table, so a claim name
        /// repeated in 5,000 files is one string; null for a table of the file's own.
        /// </param>
        public static PolicyDocument ParseFile(string path, XmlNameTable? names)
        {
            // The text is decoded into a pooled buffer and parsed from there: the model keeps what rules need, so the
            // file's text never becomes a string (a large one would land on the large-object heap, once per file).
            var (chars, length) = ReadChars(path);
            try
            {
                return Parse(path, new ReadOnlyMemory<char>(chars, 0, length), null, reloadable: true, names);
            }
            finally
            {
                Release(chars);
            }
        }

        /// <summary>A file's text as the parser reads it (UTF-8 unless a byte-order mark says otherwise); the fallback when it cannot be read, or throws when that is null.</summary>
        internal static string? ReadText(string path, string? fallback)
        {
            try
            {
                var (chars, length) = ReadChars(path);
                try
                {
                    return new string(chars, 0, length);
                }
                finally
                {
                    Release(chars);
                }
            }
            catch (Exception) when (fallback != null)
            {
                return fallback;
            }
        }

        /// <summary>Buffers up to this size come from the shared pool; a larger (unusual) file gets its own, so the pool never holds on to it.</summary>
        private const int MaxPooled = 4 * 1024 * 1024;

        private static (char[] Chars, int Length) ReadChars(string path)
        {
            // A FIFO or a device reports size 0 and would block or never end when read; an empty file reads as "" anyway.
            long length = new FileInfo(path).Length;
            if (length == 0) return (Array.Empty<char>(), 0);
            if (length > MaxReadBytes) throw new IOException($"it is {length:N0} bytes; PolicyLint reads at most {MaxReadBytes:N0}");
            var bytes = length <= MaxPooled ? ArrayPool<byte>.Shared.Rent((int)length) : new byte[length];
            try
            {
                int count = 0;
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan))
                {
                    int read;
                    while (count < length && (read = stream.Read(bytes, count, (int)length - count)) > 0) count += read;
                }
                var encoding = DetectEncoding(bytes, count, out int preamble);
                int max = encoding.GetMaxCharCount(count - preamble);
                var chars = max <= MaxPooled ? ArrayPool<char>.Shared.Rent(max) : new char[max];
                return (chars, encoding.GetChars(bytes, preamble, count - preamble, chars, 0));
            }
            finally
            {
                if (bytes.Length <= MaxPooled) ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        private static void Release(char[] chars)
        {
            if (chars.Length > 0 && chars.Length <= MaxPooled) ArrayPool<char>.Shared.Return(chars);
        }

        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

        /// <summary>The byte-order marks StreamReader recognizes, else UTF-8; invalid bytes decode to U+FFFD as they would there.</summary>
        private static Encoding DetectEncoding(byte[] bytes, int count, out int preamble)
        {
            preamble = 0;
            if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { preamble = 2; return Encoding.BigEndianUnicode; }
            if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                if (count >= 4 && bytes[2] == 0 && bytes[3] == 0) { preamble = 4; return Encoding.UTF32; }
                preamble = 2;
                return Encoding.Unicode;
            }
            if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) { preamble = 3; return Utf8; }
            if (count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF) { preamble = 4; return Utf32BigEndian; }
            return Utf8;
        }

        public static PolicyDocument Parse(string path, string text) => Parse(path, text.AsMemory(), text, reloadable: false, names: null);

        /// <param name="source">The text to parse.</param>
        /// <param name="sourceString">The same text as a string, when the caller has one (kept by the document).</param>
        private static PolicyDocument Parse(string path, ReadOnlyMemory<char> source, string? sourceString, bool reloadable, XmlNameTable? names, bool scan = true)
        {
            var doc = new PolicyDocument(path, source.Span, sourceString, reloadable);
            var tree = TreeBuilder.Rent();
            if (scan)
            {
                names ??= new NameTable();
                bool pooled = !System.Runtime.InteropServices.MemoryMarshal.TryGetArray(source, out ArraySegment<char> array) || array.Offset != 0;
                char[] text = pooled ? ArrayPool<char>.Shared.Rent(source.Length) : array.Array!;
                if (pooled) source.Span.CopyTo(text);
                try
                {
                    if (Scanner.TryParse(doc, text, source.Length, tree, names))
                    {
                        tree.MoveTo(doc);
                        doc.ReleaseText();
                        return doc;
                    }
                }
                finally
                {
                    if (pooled) ArrayPool<char>.Shared.Return(text);
                }
                // Not the common case: start again with XmlReader.
                tree.Clear();
                doc.Comments.Clear();
            }
            return ParseWithXmlReader(doc, source, sourceString, tree, names);
        }

        /// <summary>Whether the scanner reads the text by itself (tests: the common case must not fall back to XmlReader).</summary>
        internal static bool Scans(string text)
        {
            var doc = new PolicyDocument("scan.xml", text.AsSpan(), text, reloadable: false);
            var chars = text.ToCharArray();
            return Scanner.TryParse(doc, chars, chars.Length, new TreeBuilder(), new NameTable());
        }

        /// <summary>The XmlReader pass alone, for tests that hold the scanner to it.</summary>
        internal static PolicyDocument ParseWithXmlReader(string path, string text)
            => Parse(path, text.AsMemory(), text, reloadable: false, names: null, scan: false);

        private static PolicyDocument ParseWithXmlReader(PolicyDocument doc, ReadOnlyMemory<char> source, string? sourceString, TreeBuilder tree, XmlNameTable? names)
        {
            XmlReader? reader = null;
            try
            {
                reader = XmlReader.Create(new MemoryReader(source), names == null ? Settings : SettingsWith(names));
                var info = (IXmlLineInfo)reader;
                // Values repeat a lot (claim ids, handlers, "true"): one string per distinct value keeps the tree small.
                var values = reader.NameTable;
                // The source as an array, when it is one: plain values are then looked up in the name table straight from it.
                char[]? chars = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(source, out ArraySegment<char> segment) && segment.Offset == 0 ? segment.Array : null;
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                        {
                            int nameStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
                            tree.Open(reader.LocalName, reader.NamespaceURI, nameStart - 1, nameStart + reader.Name.Length);
                            int valueEnd = nameStart + reader.Name.Length;
                            if (reader.MoveToFirstAttribute())
                            {
                                do
                                {
                                    if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                                        continue;
                                    valueEnd = ReadAttribute(doc, source.Span, chars, tree, reader, info, values);
                                } while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }
                            if (reader.IsEmptyElement) tree.Close(EndOfTag(source.Span, valueEnd));
                            break;
                        }
                        case XmlNodeType.EndElement:
                            if (tree.OpenCount > 0) tree.Close(EndOfTag(source.Span, doc.OffsetOf(info.LineNumber, info.LinePosition)));
                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.CDATA:
                            if (tree.OpenCount > 0) AddText(doc, source.Span, chars, tree, reader, info, values);
                            break;
                        case XmlNodeType.Comment:
                        {
                            int contentStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
                            int start = Math.Max(0, contentStart - 4);
                            doc.Comments.Add(new PolicyComment(reader.Value, doc.Span(start, contentStart + reader.Value.Length + 3)));
                            break;
                        }
                    }
                }
            }
            catch (XmlException ex)
            {
                doc.ParseFailure = Failure(doc, source.Span, ex);
            }
            finally
            {
                reader?.Dispose();
            }
            // After an XML error the tree holds what was read: close the elements left open.
            while (tree.OpenCount > 0) tree.Close(doc.Length);
            tree.MoveTo(doc);
            // A file with an error keeps its text: PL0001 and the engine look at it again.
            if (!doc.IsWellFormed) doc.KeepText(sourceString ?? source.ToString());
            doc.ReleaseText();
            return doc;
        }

        /// <summary>
        /// Collects a document's elements, attributes and child lists in growing arrays, one set per thread reused from
        /// file to file, and copies them exactly sized into the document at the end.
        /// </summary>
        private sealed class TreeBuilder
        {
            [ThreadStatic] private static TreeBuilder? t_spare;
            /// <summary>A builder grown past this many elements by an unusual file is not kept for the next.</summary>
            private const int MaxKept = 1 << 16;
            private const int MaxKeptNamespaces = 64;

            private NodeData[] _nodes = new NodeData[256];
            private int _nodeCount;
            private AttributeData[] _attributes = new AttributeData[256];
            private string[] _values = new string[256];
            private int _attributeCount;
            private readonly List<string> _texts = new List<string>();
            private int[] _childIndex = new int[256];
            private int _childCount;
            // Children of the open elements, the innermost last; _marks[k] is where open element k's children start.
            private int[] _pending = new int[64];
            private int _pendingCount;
            private int[] _open = new int[16], _marks = new int[16];

            public int OpenCount { get; private set; }
            public int Top => _open[OpenCount - 1];

            public static TreeBuilder Rent()
            {
                var builder = t_spare ?? new TreeBuilder();
                t_spare = null;
                return builder;
            }

            public void Open(string name, string namespaceUri, int tagStart, int tagEnd)
            {
                int node = _nodeCount;
                Grow(ref _nodes, _nodeCount + 1);
                _nodeCount++;
                ref var data = ref _nodes[node];
                data.Name = _names.IndexOf(name);
                data.Namespace = _namespaces.IndexOf(namespaceUri);
                data.Depth = OpenCount;
                data.TagStart = tagStart;
                data.TagEnd = tagEnd;
                data.AttributeStart = _attributeCount;
                if (OpenCount > 0)
                {
                    data.Parent = Top;
                    Grow(ref _pending, _pendingCount + 1);
                    _pending[_pendingCount++] = node;
                }
                else
                {
                    data.Parent = -1;
                }
                Grow(ref _open, OpenCount + 1);
                Grow(ref _marks, OpenCount + 1);
                _open[OpenCount] = node;
                _marks[OpenCount] = _pendingCount;
                OpenCount++;
            }

            private readonly Interned _namespaces = new Interned(), _names = new Interned();

            /// <summary>
            /// A document's distinct names (or namespaces), each stored once and referred to by index. The reader atomizes
            /// them, so each distinct one is one string and a reference lookup finds it.
            /// </summary>
            private sealed class Interned
            {
                private readonly List<string> _items = new List<string>();
                private readonly Dictionary<string, int> _index = new Dictionary<string, int>(AtomComparer.Instance);

                public int Count => _items.Count;

                public int IndexOf(string value)
                {
                    if (!_index.TryGetValue(value, out int index))
                    {
                        index = _items.Count;
                        _items.Add(value);
                        _index[value] = index;
                    }
                    return index;
                }

                public string[] ToArray() => _items.ToArray();

                public void Clear()
                {
                    _items.Clear();
                    _index.Clear();
                }
            }

            private sealed class AtomComparer : IEqualityComparer<string>
            {
                public static readonly AtomComparer Instance = new AtomComparer();
                public bool Equals(string? x, string? y) => ReferenceEquals(x, y);
                public int GetHashCode(string obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
            }

            public void AddAttribute(string name, string value, int nameStart, int valueStart, int valueEnd)
            {
                Grow(ref _attributes, _attributeCount + 1);
                Grow(ref _values, _attributeCount + 1);
                _values[_attributeCount] = value;
                _attributes[_attributeCount++] = new AttributeData { Name = _names.IndexOf(name), NameStart = nameStart, ValueStart = valueStart, ValueEnd = valueEnd };
            }

            /// <summary>
            /// Adds one trimmed piece of the innermost open element's text (text split by comments or CDATA is joined): its
            /// first piece is interned, and the element's text span runs from the first piece to the last.
            /// </summary>
            public void AppendText(string trimmed, bool atomize, int start, int end, XmlNameTable values)
            {
                ref var node = ref _nodes[Top];
                if (node.Text == 0)
                {
                    _texts.Add(atomize ? values.Add(trimmed) : trimmed);
                    node.Text = _texts.Count;
                    node.TextStart = start;
                }
                else
                {
                    _texts[node.Text - 1] += trimmed;
                }
                node.TextEnd = end;
            }

            /// <summary>Ends the innermost open element: its children move from the pending stack to the child index.</summary>
            public void Close(int endOffset)
            {
                int node = Top;
                OpenCount--;
                int mark = _marks[OpenCount];
                int count = _pendingCount - mark;
                ref var data = ref _nodes[node];
                data.EndOffset = endOffset;
                data.ChildStart = _childCount;
                data.ChildCount = count;
                Grow(ref _childIndex, _childCount + count);
                Array.Copy(_pending, mark, _childIndex, _childCount, count);
                _childCount += count;
                _pendingCount = mark;
            }

            /// <summary>Gives the document its exactly sized arrays and keeps this builder, emptied, for the thread's next file.</summary>
            public void MoveTo(PolicyDocument document)
            {
                document.SetTree(_nodes.AsSpan(0, _nodeCount).ToArray(), _attributes.AsSpan(0, _attributeCount).ToArray(), _values.AsSpan(0, _attributeCount).ToArray(), _texts.ToArray(), _childIndex.AsSpan(0, _childCount).ToArray(), _namespaces.ToArray(), _names.ToArray());
                bool keep = _nodes.Length <= MaxKept && _attributes.Length <= MaxKept && _texts.Count <= MaxKept && _childIndex.Length <= MaxKept && _pending.Length <= MaxKept
                            && _open.Length <= MaxKept && _namespaces.Count <= MaxKeptNamespaces && _names.Count <= MaxKept;
                Clear();
                if (keep) t_spare = this;
            }

            /// <summary>Empties the builder (after a document, or when the scanner hands a file over to XmlReader).</summary>
            public void Clear()
            {
                // Elements are cleared because Open sets only some fields (a text index left behind would be appended to);
                // values and texts so that a kept builder keeps no file's strings alive.
                _namespaces.Clear();
                _names.Clear();
                Array.Clear(_nodes, 0, _nodeCount);
                Array.Clear(_values, 0, _attributeCount);
                _texts.Clear();
                _nodeCount = _attributeCount = _childCount = _pendingCount = OpenCount = 0;
            }

            private static void Grow<T>(ref T[] array, int size)
            {
                if (size > array.Length) Array.Resize(ref array, Math.Max(size, array.Length * 2));
            }
        }

        private static int EndOfTag(ReadOnlySpan<char> text, int from)
        {
            int gt = from < text.Length ? text.Slice(from).IndexOf('>') : -1;
            return gt < 0 ? text.Length : from + gt + 1;
        }

        /// <summary>A document for a file that could not be read at all (reported as PL0001).</summary>
        public static PolicyDocument Unreadable(string path, string reason)
        {
            var doc = new PolicyDocument(path, string.Empty);
            doc.ParseFailure = new ParseFailure("The file could not be read: " + reason, doc.FileStart, isDtd: false);
            return doc;
        }

        /// <returns>The offset of the value's end.</returns>
        private static int ReadAttribute(PolicyDocument doc, ReadOnlySpan<char> text, char[]? chars, TreeBuilder tree, XmlReader reader, IXmlLineInfo info, XmlNameTable values)
        {
            int nameStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
            string name = reader.Name;
            int i = nameStart + reader.Name.Length;
            while (i < text.Length && text[i] != '=') i++;
            i++;
            while (i < text.Length && text[i] != '"' && text[i] != '\'') i++;
            int valueStart = Math.Min(i + 1, text.Length);
            int valueEnd = valueStart;
            if (i < text.Length)
            {
                char quote = text[i];
                int close = text.Slice(valueStart).IndexOf(quote);
                valueEnd = close < 0 ? valueStart : valueStart + close;
            }
            // A value without references or characters the parser normalizes is its source text: intern that without
            // asking the reader for Value, which makes a new string each time (a third of what parsing allocated).
            bool plain = chars != null && i < text.Length && valueEnd <= text.Length
                         && text.Slice(nameStart, Math.Min(name.Length, text.Length - nameStart)).SequenceEqual(name.AsSpan())
                         && text.Slice(valueStart, valueEnd - valueStart).IndexOfAny(NormalizedInAttributes) < 0;
            string value = plain ? values.Add(chars!, valueStart, valueEnd - valueStart) : values.Add(reader.Value);
            tree.AddAttribute(name, value, nameStart, valueStart, valueEnd);
            return valueEnd;
        }

        private static readonly char[] NormalizedInAttributes = { '&', '\t', '\n', '\r' };
        private static readonly char[] NormalizedInText = { '&', '\r' };

        private static void AddText(PolicyDocument doc, ReadOnlySpan<char> text, char[]? chars, TreeBuilder tree, XmlReader reader, IXmlLineInfo info, XmlNameTable values)
        {
            int start = doc.OffsetOf(info.LineNumber, info.LinePosition);
            // Raw text may hold entity references, so find its end in the source rather than by length.
            bool cdata = reader.NodeType == XmlNodeType.CDATA;
            int rawEnd = cdata ? IndexOf(text, "]]>".AsSpan(), start) : IndexOf(text, "<".AsSpan(), start);
            int s = start, e = rawEnd;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            // As for attributes: plain text is interned from the source without the reader making a string of it.
            bool plain = chars != null && start < text.Length && (cdata || text[start] != '<')
                         && text.Slice(start, rawEnd - start).IndexOfAny(NormalizedInText) < 0;
            string trimmed;
            if (plain)
            {
                if (s == e) return;
                trimmed = values.Add(chars!, s, e - s);
            }
            else
            {
                trimmed = reader.Value.Trim();
                if (trimmed.Length == 0) return;
            }
            tree.AppendText(trimmed, atomize: !plain, s, e, values);
        }

        /// <summary>The first occurrence at or after <paramref name="from"/>, else the text's length.</summary>
        private static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, int from)
        {
            if (from >= text.Length) return text.Length;
            int i = text.Slice(from).IndexOf(value);
            return i < 0 ? text.Length : from + i;
        }

        private static ParseFailure Failure(PolicyDocument doc, ReadOnlySpan<char> text, XmlException ex)
        {
            int doctype = FindDoctype(text);
            if (doctype >= 0)
            {
                return new ParseFailure("DTDs and entities are not allowed in a policy file; the DOCTYPE was not processed.",
                    doc.Span(doctype, doctype + "<!DOCTYPE".Length), isDtd: true);
            }
            int offset = doc.OffsetOf(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1));
            int end = offset < doc.Length ? offset + 1 : offset;
            return new ParseFailure(CleanMessage(ex), doc.Span(offset, end), isDtd: false);
        }

        private static int FindDoctype(ReadOnlySpan<char> text)
        {
            int i = text.IndexOf("<!DOCTYPE".AsSpan());
            if (i < 0) return -1;
            // Only a DOCTYPE in the prolog counts; text inside comments or values elsewhere does not.
            int root = IndexOfRootStart(text);
            return root < 0 || i < root ? i : -1;
        }

        private static int IndexOfRootStart(ReadOnlySpan<char> text)
        {
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (text[i] != '<') continue;
                char c = text[i + 1];
                if (c == '?' || c == '!') continue;
                return i;
            }
            return -1;
        }

        // XmlException messages end with "Line x, position y." which the diagnostic already carries.
        private static string CleanMessage(XmlException ex)
        {
            string message = ex.Message;
            int at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
            if (at > 0 && message.IndexOf("position", at, StringComparison.Ordinal) > 0) message = message.Substring(0, at);
            message = message.Trim();
            // "The following elements are not closed: ..." lists every open element: 100,000 of them in a deep file.
            return message.Length <= MaxMessageLength ? message : message.Substring(0, MaxMessageLength) + "...";
        }

        private const int MaxMessageLength = 300;

        /// <summary>A TextReader over characters already in memory (StringReader needs a string).</summary>
        private sealed class MemoryReader : TextReader
        {
            private readonly ReadOnlyMemory<char> _text;
            private int _position;

            public MemoryReader(ReadOnlyMemory<char> text) => _text = text;

            public override int Peek() => _position < _text.Length ? _text.Span[_position] : -1;

            public override int Read() => _position < _text.Length ? _text.Span[_position++] : -1;

            public override int Read(char[] buffer, int index, int count)
            {
                int n = Math.Min(count, _text.Length - _position);
                if (n <= 0) return 0;
                _text.Span.Slice(_position, n).CopyTo(buffer.AsSpan(index, n));
                _position += n;
                return n;
            }
        }
    }
}
