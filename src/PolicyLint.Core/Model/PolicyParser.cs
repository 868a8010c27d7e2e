using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace PolicyLint.Model
{
    /// <summary>Builds a <see cref="PolicyDocument"/> in one streaming XmlReader pass.</summary>
    public static class PolicyParser
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

        /// <summary>Far above any real policy (the service takes 1 MB); a larger file is not read into memory at all.</summary>
        public const long MaxReadBytes = 256L * 1024 * 1024;

        public static PolicyDocument ParseFile(string path) => Parse(path, ReadText(path, fallback: null)!, reloadable: true);

        /// <summary>A file's text as the parser reads it (UTF-8 unless a byte-order mark says otherwise); the fallback when it cannot be read, or throws when that is null.</summary>
        internal static string? ReadText(string path, string? fallback)
        {
            try
            {
                // A FIFO or a device reports size 0 and would block or never end when read; an empty file reads as "" anyway.
                long length = new FileInfo(path).Length;
                if (length == 0) return string.Empty;
                if (length > MaxReadBytes) throw new IOException($"it is {length:N0} bytes; PolicyLint reads at most {MaxReadBytes:N0}");
                // One read into a pooled buffer and one decode: a StreamReader would grow a builder and copy the text twice more.
                var bytes = ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    int count = 0;
                    using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan))
                    {
                        int read;
                        while (count < length && (read = stream.Read(bytes, count, (int)length - count)) > 0) count += read;
                    }
                    var encoding = DetectEncoding(bytes, count, out int preamble);
                    return encoding.GetString(bytes, preamble, count - preamble);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            catch (Exception) when (fallback != null)
            {
                return fallback;
            }
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

        public static PolicyDocument Parse(string path, string text) => Parse(path, text, reloadable: false);

        private static PolicyDocument Parse(string path, string text, bool reloadable)
        {
            var doc = new PolicyDocument(path, text, reloadable);
            // Open elements, each with the list collecting its children (lists are reused once an element ends).
            var stack = new Stack<(PolicyNode Node, List<PolicyNode> Children)>();
            var spareLists = new Stack<List<PolicyNode>>();
            XmlReader? reader = null;
            try
            {
                reader = XmlReader.Create(new StringReader(text), Settings);
                var info = (IXmlLineInfo)reader;
                // Values repeat a lot (claim ids, handlers, "true"): one string per distinct value keeps the tree small.
                var values = reader.NameTable;
                var attributes = new List<PolicyAttribute>();
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                        {
                            int nameStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
                            var parent = stack.Count > 0 ? stack.Peek() : default;
                            var node = new PolicyNode(doc, parent.Node, reader.LocalName, reader.NamespaceURI,
                                nameStart - 1, nameStart + reader.Name.Length, stack.Count);
                            if (reader.MoveToFirstAttribute())
                            {
                                attributes.Clear();
                                do
                                {
                                    if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                                        continue;
                                    attributes.Add(ReadAttribute(doc, node, reader, info, values));
                                } while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                                if (attributes.Count > 0) node.Attributes = attributes.ToArray();
                            }
                            if (parent.Node == null) doc.Root ??= node;
                            else
                            {
                                node.Index = parent.Children.Count;
                                parent.Children.Add(node);
                            }
                            if (!reader.IsEmptyElement) stack.Push((node, spareLists.Count > 0 ? spareLists.Pop() : new List<PolicyNode>()));
                            else node.EndOffset = EndOfTag(doc.Text, node.Attributes.Count > 0 ? node.Attributes[node.Attributes.Count - 1].ValueEnd : node.TagEnd);
                            break;
                        }
                        case XmlNodeType.EndElement:
                            if (stack.Count > 0)
                            {
                                var open = stack.Pop();
                                open.Node.EndOffset = EndOfTag(doc.Text, doc.OffsetOf(info.LineNumber, info.LinePosition));
                                Close(open, spareLists);
                            }
                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.CDATA:
                            if (stack.Count > 0) AddText(doc, stack.Peek().Node, reader, info, values);
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
                doc.ParseFailure = Failure(doc, ex);
            }
            finally
            {
                reader?.Dispose();
            }
            // After an XML error the tree holds what was read: give the elements left open their children.
            while (stack.Count > 0)
            {
                var open = stack.Pop();
                open.Node.EndOffset = doc.Text.Length;
                Close(open, spareLists);
            }
            doc.ReleaseText();
            return doc;
        }

        private static void Close((PolicyNode Node, List<PolicyNode> Children) open, Stack<List<PolicyNode>> spareLists)
        {
            open.Node.SetChildren(open.Children);
            open.Children.Clear();
            spareLists.Push(open.Children);
        }

        private static int EndOfTag(string text, int from)
        {
            int gt = from < text.Length ? text.IndexOf('>', from) : -1;
            return gt < 0 ? text.Length : gt + 1;
        }

        /// <summary>A document for a file that could not be read at all (reported as PL0001).</summary>
        public static PolicyDocument Unreadable(string path, string reason)
        {
            var doc = new PolicyDocument(path, string.Empty);
            doc.ParseFailure = new ParseFailure("The file could not be read: " + reason, doc.FileStart, isDtd: false);
            return doc;
        }

        private static PolicyAttribute ReadAttribute(PolicyDocument doc, PolicyNode owner, XmlReader reader, IXmlLineInfo info, XmlNameTable values)
        {
            string text = doc.Text;
            int nameStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
            int i = nameStart + reader.Name.Length;
            while (i < text.Length && text[i] != '=') i++;
            i++;
            while (i < text.Length && text[i] != '"' && text[i] != '\'') i++;
            int valueStart = Math.Min(i + 1, text.Length);
            int valueEnd = valueStart;
            if (i < text.Length)
            {
                char quote = text[i];
                valueEnd = text.IndexOf(quote, valueStart);
                if (valueEnd < 0) valueEnd = valueStart;
            }
            return new PolicyAttribute(owner, reader.Name, values.Add(reader.Value), nameStart, valueStart, valueEnd);
        }

        private static void AddText(PolicyDocument doc, PolicyNode node, XmlReader reader, IXmlLineInfo info, XmlNameTable values)
        {
            string value = reader.Value;
            string trimmed = value.Trim();
            if (trimmed.Length == 0) return;
            int start = doc.OffsetOf(info.LineNumber, info.LinePosition);
            string text = doc.Text;
            // Raw text may hold entity references, so find its end in the source rather than by length.
            int rawEnd = text.IndexOf('<', start);
            if (rawEnd < 0) rawEnd = text.Length;
            if (reader.NodeType == XmlNodeType.CDATA)
            {
                int cdataEnd = text.IndexOf("]]>", start, StringComparison.Ordinal);
                rawEnd = cdataEnd < 0 ? text.Length : cdataEnd;
            }
            int s = start, e = rawEnd;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (node.Text == null)
            {
                node.Text = values.Add(trimmed);
                node.SetTextSpan(s, e);
            }
            else
            {
                node.Text += trimmed;
                node.SetTextSpan(node.TextStart, e);
            }
        }

        private static ParseFailure Failure(PolicyDocument doc, XmlException ex)
        {
            int doctype = FindDoctype(doc.Text);
            if (doctype >= 0)
            {
                return new ParseFailure("DTDs and entities are not allowed in a policy file; the DOCTYPE was not processed.",
                    doc.Span(doctype, doctype + "<!DOCTYPE".Length), isDtd: true);
            }
            int offset = doc.OffsetOf(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1));
            int end = offset < doc.Text.Length ? offset + 1 : offset;
            return new ParseFailure(CleanMessage(ex), doc.Span(offset, end), isDtd: false);
        }

        private static int FindDoctype(string text)
        {
            int i = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (i < 0) return -1;
            // Only a DOCTYPE in the prolog counts; text inside comments or values elsewhere does not.
            int root = IndexOfRootStart(text);
            return root < 0 || i < root ? i : -1;
        }

        private static int IndexOfRootStart(string text)
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
    }
}
