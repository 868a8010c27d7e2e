using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace PolicyLint.Model
{
    /// <summary>Builds a <see cref="PolicyDocument"/> in one streaming XmlReader pass.</summary>
    public static class PolicyParser
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
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

        public static PolicyDocument ParseFile(string path)
        {
            // A FIFO or a device reports size 0 and would block or never end when read; an empty file reads as "" anyway.
            long length = new FileInfo(path).Length;
            if (length == 0) return Parse(path, string.Empty);
            if (length > MaxReadBytes) return Unreadable(path, $"it is {length:N0} bytes; PolicyLint reads at most {MaxReadBytes:N0}");
            string text;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536, FileOptions.SequentialScan))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            {
                text = reader.ReadToEnd();
            }
            return Parse(path, text);
        }

        public static PolicyDocument Parse(string path, string text)
        {
            var doc = new PolicyDocument(path, text);
            var stack = new Stack<PolicyNode>();
            PolicyNode? lastClosedOrOpened = null;
            XmlReader? reader = null;
            try
            {
                reader = XmlReader.Create(new StringReader(text), Settings);
                var info = (IXmlLineInfo)reader;
                var attributes = new List<PolicyAttribute>();
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                        {
                            int nameStart = doc.OffsetOf(info.LineNumber, info.LinePosition);
                            var parent = stack.Count > 0 ? stack.Peek() : null;
                            var node = new PolicyNode(doc, parent, reader.LocalName, reader.NamespaceURI,
                                doc.Span(nameStart - 1, nameStart + reader.Name.Length), stack.Count);
                            if (reader.MoveToFirstAttribute())
                            {
                                attributes.Clear();
                                do
                                {
                                    if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                                        continue;
                                    attributes.Add(ReadAttribute(doc, node, reader, info));
                                } while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                                if (attributes.Count > 0) node.Attributes = attributes.ToArray();
                            }
                            if (parent == null) doc.Root ??= node;
                            else parent.AddChild(node);
                            lastClosedOrOpened = node;
                            if (!reader.IsEmptyElement) stack.Push(node);
                            break;
                        }
                        case XmlNodeType.EndElement:
                            if (stack.Count > 0) stack.Pop();
                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.CDATA:
                            if (stack.Count > 0) AddText(doc, stack.Peek(), reader, info);
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
            return doc;
        }

        /// <summary>A document for a file that could not be read at all (reported as PL0001).</summary>
        public static PolicyDocument Unreadable(string path, string reason)
        {
            var doc = new PolicyDocument(path, string.Empty);
            doc.ParseFailure = new ParseFailure("The file could not be read: " + reason, doc.FileStart, isDtd: false);
            return doc;
        }

        private static PolicyAttribute ReadAttribute(PolicyDocument doc, PolicyNode owner, XmlReader reader, IXmlLineInfo info)
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
            return new PolicyAttribute(owner, reader.Name, reader.Value,
                doc.Span(nameStart, nameStart + reader.Name.Length), doc.Span(valueStart, valueEnd));
        }

        private static void AddText(PolicyDocument doc, PolicyNode node, XmlReader reader, IXmlLineInfo info)
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
                node.Text = trimmed;
                node.TextSpan = doc.Span(s, e);
            }
            else
            {
                node.Text += trimmed;
                node.TextSpan = doc.Span(node.TextSpan.Span.Start, e);
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
