using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    /// <summary>How a policy is damaged. Tree edits come first, then text edits, then byte edits (see <see cref="Mutator.Apply"/>).</summary>
    public enum MutationKind
    {
        // Tree edits (skipped when the text no longer parses).
        DeleteElement,
        DuplicateElement,
        SwapSiblings,
        MoveElement,
        RenameElement,
        NestDeep,
        RandomId,
        RetargetBase,
        DeleteAttribute,
        HugeAttribute,
        // Text edits.
        DuplicateAttribute,
        InsertMarkup,
        MixedLineEndings,
        AddDoctype,
        DeclareEncoding,
        // Byte edits.
        FlipBits,
        InvalidUtf8,
        Truncate,
    }

    /// <summary>One edit; A, B and C pick what is edited and how (taken modulo what the file offers, so shrinking toward 0 stays meaningful).</summary>
    public readonly record struct Mutation(MutationKind Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}({A},{B},{C})";
    }

    public static class Mutator
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        private static readonly XNamespace Ns = "http://schemas.microsoft.com/online/cpim/schemas/2013/06";

        /// <summary>Element names that rules look for, so that renamed and moved elements land where rules will read them.</summary>
        public static readonly string[] KnownElements =
        {
            "TrustFrameworkPolicy", "BasePolicy", "PolicyId", "TenantId", "BuildingBlocks", "ClaimsSchema", "ClaimType", "DataType",
            "Restriction", "Enumeration", "Predicates", "Predicate", "PredicateValidations", "PredicateValidation", "PredicateReference",
            "ClaimsTransformations", "ClaimsTransformation", "InputClaims", "InputClaim", "OutputClaims", "OutputClaim", "InputParameters",
            "InputParameter", "ContentDefinitions", "ContentDefinition", "LoadUri", "DataUri", "Metadata", "Item", "Localization",
            "LocalizedResources", "LocalizedString", "LocalizedResourcesReference", "DisplayControls", "DisplayControl", "DisplayClaims",
            "DisplayClaim", "Actions", "Action", "ClaimsProviders", "ClaimsProvider", "TechnicalProfiles", "TechnicalProfile", "Protocol",
            "CryptographicKeys", "Key", "IncludeTechnicalProfile", "UseTechnicalProfileForSessionManagement", "ValidationTechnicalProfiles",
            "ValidationTechnicalProfile", "PersistedClaims", "PersistedClaim", "OutputClaimsTransformations", "OutputClaimsTransformation",
            "InputClaimsTransformations", "InputClaimsTransformation", "UserJourneys", "UserJourney", "SubJourneys", "SubJourney",
            "OrchestrationSteps", "OrchestrationStep", "Preconditions", "Precondition", "Value", "ClaimsProviderSelections",
            "ClaimsProviderSelection", "ClaimsExchanges", "ClaimsExchange", "JourneyList", "Candidate", "RelyingParty",
            "DefaultUserJourney", "SubjectNamingInfo", "Endpoints", "Endpoint", "UserJourneyBehaviors", "SessionExpiryType",
            "ClientDefinitions", "ClientDefinition", "Unknown", "p:Foreign",
        };

        /// <summary>Values for Ids and references: empty, blank, placeholders, case-folding traps, long, odd Unicode.</summary>
        public static readonly string[] OddValues =
        {
            "", " ", "\t", "x", "emial", "Email", "EMAIL", "B2C_1A_", "B2C_1A_TrustFrameworkBase", "b2c_1a_trustframeworkbase",
            "{Settings:Tenant}", "{Context:CorrelationId}", "{", "}", "{:}", "{Claim:}", "a:b", "İ", "ı", "ß", "SS", "Σς", "ǅ",
            "e\u0301", "\u202Eevil", "\uD83D\uDE00", "..\\..\\etc\\passwd", "%00", "null", "0", "-1", "2147483648", "99999999999999999999",
            "&amp;", "<", "\"", "'", new string('a', 300), new string('x', 5000),
        };

        public static readonly string[] Snippets =
        {
            "<", ">", "&", "&amp", "&#0;", "&#xD800;", "&#x10FFFF;", "&#x110000;", "&nope;", "]]>", "<!--", "-->", "<![CDATA[", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "\0", "\uFFFE", "\uFEFF", "\t", "\"", "'", "=", " xmlns=\"\"", " xmlns:p=\"urn:x\"", "<p:X/>",
            "</TrustFrameworkPolicy>", "<TrustFrameworkPolicy>", "{Settings:X}", "<InputClaim ClaimTypeReferenceId=\"\"/>",
            "<BasePolicy><PolicyId>B2C_1A_TrustFrameworkBase</PolicyId></BasePolicy>", "<?pi x?>", "<!---->", "<!-- policylint disable PL2001 -->",
            "\uD800", "\uDC00", "\u0085", "\u2028", "<a:b:c/>", "<1/>", "</>",
        };

        /// <summary>DOCTYPEs a hostile file may carry: entity expansion, external entities, an external DTD (never fetched).</summary>
        public static readonly string[] Doctypes =
        {
            "<!DOCTYPE TrustFrameworkPolicy>",
            "<!DOCTYPE TrustFrameworkPolicy [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
            "<!DOCTYPE TrustFrameworkPolicy [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE TrustFrameworkPolicy SYSTEM \"http://127.0.0.1:9/policy.dtd\">",
            "<!DOCTYPE TrustFrameworkPolicy [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>",
            "<!DOCTYPE TrustFrameworkPolicy [",
        };

        private static readonly string[] Encodings = { "utf-16", "utf-16BE", "utf-32", "iso-8859-1", "us-ascii", "windows-1252", "shift_jis", "IBM037", "x-bogus", "UTF-7", "" };

        private static readonly string[] LineBreaks = { "\n", "\r\n", "\r", "\n\r", "\u2028", "\u0085", "\r\r\n" };

        private static readonly byte[][] BadUtf8 =
        {
            new byte[] { 0xFF }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xC0, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xE2, 0x82 },
            new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
            new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x00 }, new byte[] { 0xC3 },
        };

        public static byte[] Apply(byte[] original, IEnumerable<Mutation> mutations, IReadOnlyList<string> policyIds)
        {
            var ordered = mutations.OrderBy(m => Stage(m.Kind)).ToList();
            string text = Decode(original);
            var tree = ordered.Where(m => Stage(m.Kind) == 0).ToList();
            if (tree.Count > 0)
            {
                var doc = TryLoad(text);
                if (doc != null)
                {
                    foreach (var m in tree) ApplyTree(doc, m, policyIds);
                    text = Serialize(doc);
                }
            }
            byte[]? bytes = null;
            foreach (var m in ordered.Where(m => Stage(m.Kind) == 1))
            {
                if (m.Kind == MutationKind.DeclareEncoding) { bytes = DeclareEncoding(text, m); text = Decode(bytes); }
                else text = ApplyText(text, m);
            }
            bytes ??= Utf8.GetBytes(text);
            foreach (var m in ordered.Where(m => Stage(m.Kind) == 2)) bytes = ApplyBytes(bytes, m);
            return bytes;
        }

        private static int Stage(MutationKind kind) => kind <= MutationKind.HugeAttribute ? 0 : kind <= MutationKind.DeclareEncoding ? 1 : 2;

        private static string Decode(byte[] bytes)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        private static XDocument? TryLoad(string text)
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using var reader = XmlReader.Create(new StringReader(text), settings);
                return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException)
            {
                return null;
            }
        }

        private static string Serialize(XDocument doc)
        {
            var sb = new StringBuilder();
            if (doc.Declaration != null) sb.Append(doc.Declaration).Append('\n');
            foreach (var node in doc.Nodes()) sb.Append(node.ToString(SaveOptions.DisableFormatting));
            return sb.ToString();
        }

        private static void ApplyTree(XDocument doc, Mutation m, IReadOnlyList<string> policyIds)
        {
            var root = doc.Root;
            if (root == null) return;
            var elements = root.Descendants().ToList();
            XElement? Pick(int k) => elements.Count == 0 ? null : elements[k % elements.Count];
            var attributes = root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
            XAttribute? PickAttribute(int k, Func<XAttribute, bool>? filter = null)
            {
                var list = filter == null ? attributes : attributes.Where(filter).ToList();
                if (list.Count == 0) list = attributes;
                return list.Count == 0 ? null : list[k % list.Count];
            }
            switch (m.Kind)
            {
                case MutationKind.DeleteElement:
                    Pick(m.A)?.Remove();
                    break;
                case MutationKind.DuplicateElement:
                {
                    var e = Pick(m.A);
                    e?.AddAfterSelf(new XElement(e));
                    break;
                }
                case MutationKind.SwapSiblings:
                {
                    var e = Pick(m.A);
                    var next = e?.ElementsAfterSelf().FirstOrDefault();
                    if (e != null && next != null) { next.Remove(); e.AddBeforeSelf(next); }
                    break;
                }
                case MutationKind.MoveElement:
                {
                    var e = Pick(m.A);
                    var target = Pick(m.B);
                    if (e == null || target == null || target == e || target.Ancestors().Contains(e)) break;
                    e.Remove();
                    target.Add(e);
                    break;
                }
                case MutationKind.RenameElement:
                {
                    var e = Pick(m.A);
                    if (e == null) break;
                    string name = KnownElements[m.B % KnownElements.Length];
                    if (name.StartsWith("p:", StringComparison.Ordinal)) { e.Name = XNamespace.Get("urn:foreign") + name.Substring(2); e.SetAttributeValue(XNamespace.Xmlns + "p", "urn:foreign"); }
                    else e.Name = (m.C % 5 == 0 ? XNamespace.None : Ns) + name;
                    break;
                }
                case MutationKind.NestDeep:
                {
                    var e = Pick(m.A);
                    if (e == null) break;
                    int depth = 1 + m.B % 3000;
                    string name = KnownElements[m.C % KnownElements.Length].Replace("p:", "");
                    var inner = new XElement(e);
                    for (int i = 0; i < depth; i++) inner = new XElement(Ns + name, inner);
                    e.ReplaceWith(inner);
                    break;
                }
                case MutationKind.RandomId:
                {
                    var a = PickAttribute(m.A, x => x.Name.LocalName.EndsWith("Id", StringComparison.Ordinal) || x.Name.LocalName.Contains("Reference"));
                    if (a != null) a.Value = OddValue(m.B, m.C);
                    break;
                }
                case MutationKind.RetargetBase:
                {
                    // Point a policy at another policy of the set, itself, or nowhere: makes chains, cycles and self-references.
                    var basePolicy = root.Element(Ns + "BasePolicy");
                    if (basePolicy == null)
                    {
                        basePolicy = new XElement(Ns + "BasePolicy", new XElement(Ns + "TenantId", (string?)root.Attribute("TenantId") ?? "contoso.onmicrosoft.com"), new XElement(Ns + "PolicyId"));
                        root.AddFirst(basePolicy);
                    }
                    var id = basePolicy.Element(Ns + "PolicyId");
                    if (id == null) basePolicy.Add(id = new XElement(Ns + "PolicyId"));
                    var choices = policyIds.Concat(new[] { (string?)root.Attribute("PolicyId") ?? "", "B2C_1A_Missing" }).ToList();
                    id.Value = m.B % 4 == 0 ? OddValue(m.B, m.C) : choices[m.C % choices.Count];
                    break;
                }
                case MutationKind.DeleteAttribute:
                    PickAttribute(m.A)?.Remove();
                    break;
                case MutationKind.HugeAttribute:
                {
                    var a = PickAttribute(m.A);
                    if (a == null) break;
                    int length = 1000 * (1 + m.B % 300);
                    string huge = Huge(length, m.C);
                    a.Value = huge;
                    // Half the time a second attribute gets a near twin: "did you mean" then compares two huge strings.
                    if (m.C % 2 == 0 && attributes.Count > 1)
                    {
                        var b = attributes[(m.A + 1 + m.C % Math.Max(1, attributes.Count - 1)) % attributes.Count];
                        if (b != a) b.Value = huge.Substring(0, huge.Length - 1) + "Z";
                    }
                    break;
                }
            }
        }

        public static string OddValue(int b, int c)
        {
            string v = OddValues[b % OddValues.Length];
            return c % 3 == 0 ? v : c % 3 == 1 ? v + OddValues[c % OddValues.Length] : v.ToUpperInvariant();
        }

        public static string Huge(int length, int seed)
        {
            var sb = new StringBuilder(length);
            uint x = (uint)seed | 1;
            while (sb.Length < length)
            {
                x ^= x << 13; x ^= x >> 17; x ^= x << 5;
                sb.Append((char)('a' + x % 26));
            }
            return sb.ToString();
        }

        private static string ApplyText(string text, Mutation m)
        {
            switch (m.Kind)
            {
                case MutationKind.DuplicateAttribute:
                {
                    var matches = Regex.Matches(text, "\\s[A-Za-z:]+\\s*=\\s*(\"[^\"<]*\"|'[^'<]*')");
                    if (matches.Count == 0) return text;
                    var match = matches[m.A % matches.Count];
                    return text.Insert(match.Index + match.Length, match.Value);
                }
                case MutationKind.InsertMarkup:
                {
                    int at = PositionOfClass(text, m.A, m.C);
                    return text.Insert(at, Snippets[m.B % Snippets.Length]);
                }
                case MutationKind.AddDoctype:
                {
                    string doctype = Doctypes[m.A % Doctypes.Length] + (m.B % 2 == 0 ? "\n" : "");
                    int at = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
                    if (at < 2) at = 0;
                    return text.Insert(at, doctype);
                }
                case MutationKind.MixedLineEndings:
                {
                    var sb = new StringBuilder(text.Length + 64);
                    int k = 0;
                    for (int i = 0; i < text.Length; i++)
                    {
                        if (text[i] == '\n')
                        {
                            k++;
                            sb.Append(LineBreaks[(int)((uint)(k * (m.A | 1) + m.B) % LineBreaks.Length)]);
                        }
                        else sb.Append(text[i]);
                    }
                    return sb.ToString();
                }
                default:
                    return text;
            }
        }

        private static byte[] DeclareEncoding(string text, Mutation m)
        {
            string name = Encodings[m.A % Encodings.Length];
            string declaration = name.Length == 0 ? "<?xml version=\"1.0\"?>" : $"<?xml version=\"1.0\" encoding=\"{name}\"?>";
            if (text.StartsWith("<?xml", StringComparison.Ordinal))
            {
                int end = text.IndexOf("?>", StringComparison.Ordinal);
                text = declaration + (end < 0 ? text : text.Substring(end + 2));
            }
            else text = declaration + "\n" + text;
            // 0: declared only; 1: really encoded that way; 2: encoded with a byte-order mark.
            Encoding? encoding = name switch
            {
                "utf-16" => new UnicodeEncoding(false, m.B % 3 == 2),
                "utf-16BE" => new UnicodeEncoding(true, m.B % 3 == 2),
                "utf-32" => new UTF32Encoding(false, m.B % 3 == 2),
                "iso-8859-1" => Encoding.Latin1,
                "us-ascii" => Encoding.ASCII,
                _ => null,
            };
            if (m.B % 3 == 0 || encoding == null) return Utf8.GetBytes(text);
            var preamble = encoding.GetPreamble();
            return preamble.Concat(encoding.GetBytes(text)).ToArray();
        }

        private static byte[] ApplyBytes(byte[] bytes, Mutation m)
        {
            switch (m.Kind)
            {
                case MutationKind.FlipBits:
                {
                    if (bytes.Length == 0) return bytes;
                    var copy = (byte[])bytes.Clone();
                    uint x = (uint)m.B | 1;
                    int flips = 1 + m.C % 8;
                    int at = m.A % copy.Length;
                    for (int i = 0; i < flips; i++)
                    {
                        copy[at] ^= (byte)(1 << (int)(x % 8));
                        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
                        at = (int)((at + x % 4096) % (uint)copy.Length);
                    }
                    return copy;
                }
                case MutationKind.InvalidUtf8:
                {
                    int at = bytes.Length == 0 ? 0 : m.A % (bytes.Length + 1);
                    var bad = BadUtf8[m.B % BadUtf8.Length];
                    return bytes.Take(at).Concat(bad).Concat(bytes.Skip(at)).ToArray();
                }
                case MutationKind.Truncate:
                {
                    int at = BytePositionOfClass(bytes, m.A, m.B);
                    return bytes.Take(at).ToArray();
                }
                default:
                    return bytes;
            }
        }

        /// <summary>Offset classes for truncation and insertion: each picks positions of one syntactic kind.</summary>
        public static readonly string[] OffsetClasses =
        {
            "anywhere", "at '<'", "after '<'", "in an end tag", "in an attribute value", "after '='", "in a comment", "in text",
            "after '&'", "in a multi-byte character", "between CR and LF", "in the XML declaration", "at the start", "one before the end",
        };

        /// <summary>A byte offset of class <paramref name="cls"/>, the <paramref name="k"/>-th such (modulo how many there are).</summary>
        public static int BytePositionOfClass(byte[] b, int k, int cls)
        {
            var candidates = new List<int>();
            int n = b.Length;
            switch (cls % OffsetClasses.Length)
            {
                case 0: return n == 0 ? 0 : k % (n + 1);
                case 1: for (int i = 0; i < n; i++) if (b[i] == '<') candidates.Add(i); break;
                case 2: for (int i = 0; i < n; i++) if (b[i] == '<') candidates.Add(i + 1); break;
                case 3: for (int i = 0; i + 1 < n; i++) if (b[i] == '<' && b[i + 1] == '/') candidates.Add(i + 2 + k % 3); break;
                case 4: for (int i = 0; i + 1 < n; i++) if (b[i] == '=' && (b[i + 1] == '"' || b[i + 1] == '\'')) candidates.Add(i + 2 + k % 4); break;
                case 5: for (int i = 0; i < n; i++) if (b[i] == '=') candidates.Add(i + 1); break;
                case 6: for (int i = 0; i + 3 < n; i++) if (b[i] == '<' && b[i + 1] == '!' && b[i + 2] == '-') candidates.Add(i + 2 + k % 6); break;
                case 7: for (int i = 0; i + 1 < n; i++) if (b[i] == '>' && b[i + 1] != '<' && b[i + 1] != '\n' && b[i + 1] != '\r') candidates.Add(i + 1 + k % 3); break;
                case 8: for (int i = 0; i < n; i++) if (b[i] == '&') candidates.Add(i + 1 + k % 3); break;
                case 9: for (int i = 0; i < n; i++) if (b[i] >= 0x80 && (b[i] & 0xC0) == 0x80) candidates.Add(i); break;
                case 10: for (int i = 0; i + 1 < n; i++) if (b[i] == '\r' && b[i + 1] == '\n') candidates.Add(i + 1); break;
                case 11: for (int i = 0; i < Math.Min(n, 60); i++) candidates.Add(i); break;
                case 12: return 0;
                case 13: return Math.Max(0, n - 1);
            }
            if (candidates.Count == 0) return n == 0 ? 0 : k % (n + 1);
            return Math.Min(n, candidates[k % candidates.Count]);
        }

        private static int PositionOfClass(string text, int k, int cls)
        {
            // Classes are found on the UTF-8 bytes; map back to a char offset by decoding the prefix.
            var bytes = Utf8.GetBytes(text);
            int at = BytePositionOfClass(bytes, k, cls);
            int chars = Utf8.GetCharCount(bytes, 0, at);
            return Math.Min(chars, text.Length);
        }
    }
}
