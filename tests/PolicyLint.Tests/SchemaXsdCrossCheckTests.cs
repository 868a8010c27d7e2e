using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Rules.Files;
using PolicyLint.Model;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyLint.Tests
{
    /// <summary>
    /// Cross-checks the hand-written schema tables (Catalogs/Schema, behind PL0101-PL0104) against Microsoft's public
    /// XSD in ../shared/corpus/xsd, loaded here with System.Xml.Schema and nowhere in the product.
    /// (1) Both accept every starter-pack file. (2) Structural mutations of those files, generated from a fixed
    /// seed — adjacent children swapped, an unknown element inserted, an enumeration or pattern value broken, text put
    /// where only elements or attributes go, a keyed element duplicated — are rejected by both, first at the same line. Skips when ../shared is absent.
    /// </summary>
    public sealed class SchemaXsdCrossCheckTests
    {
        private const int Seed = 20261125;
        private const int MutationsPerKindPerFile = 4;
        private const string Ns = PolicyDocument.PolicyNamespace;

        /// <summary>
        /// Cases the generator leaves out on purpose, each with the reason (schema.md / technical-profiles.md say why).
        /// Keys of the tables that the XSD lacks (DisplayControl and LocalizedResources Ids) are never generated,
        /// because duplicates are generated from the XSD's own xs:key list; they are covered by PL0104's fixtures.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
        {
            ["TechnicalProfile/Protocol/@Name"] = "a technical profile's Protocol Name is reported by PL5001 (which also knows the relying-party restriction), not PL0103",
        };

        /// <summary>
        /// Where the tables and the XSD differ on purpose. The generator never produces these cases (its values are
        /// invalid for both, its duplicates come from the XSD's own keys); PL0103/PL0104 fixtures cover them.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>
        {
            ["TrustFrameworkPolicy/@PolicySchemaVersion"] = "the XSD takes any d.d.d.d; the docs (schema.md §1) say it must be 0.3.0.0, and the tables follow the docs",
            ["DisplayControl/@UserInterfaceControlType"] = "XSD stale: CaptchaControl is documented (display-control-captcha.md, 2024; technical-profiles.md §16) but missing from the 2022 XSD",
            ["DisplayControls/DisplayControl/@Id, Localization/LocalizedResources/@Id"] = "not keyed in the XSD; the tables key them because they are referenced and merged by Id (schema.md §2.5-2.7, §6)",
        };

        private readonly ITestOutputHelper _output;

        public SchemaXsdCrossCheckTests(ITestOutputHelper output) => _output = output;

        private static readonly Lazy<XmlSchemaSet?> LazyXsd = new Lazy<XmlSchemaSet?>(() =>
        {
            var path = Paths.Shared == null ? null : Path.Combine(Paths.Shared, "corpus", "xsd", "TrustFrameworkPolicy_0.3.0.0.xsd");
            if (path == null || !File.Exists(path)) return null;
            var set = new XmlSchemaSet { XmlResolver = null };
            using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                set.Add(null, reader);
            set.Compile();
            return set;
        });

        private static IEnumerable<string> StarterPackFiles()
            => Paths.StarterPack == null
                ? Enumerable.Empty<string>()
                : Directory.GetFiles(Paths.StarterPack, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);

        [Fact]
        public void BothAcceptEveryStarterPackFile()
        {
            var xsd = LazyXsd.Value;
            if (xsd == null) return; // ../shared is absent on a plain clone
            int files = 0;
            foreach (var file in StarterPackFiles())
            {
                string text = File.ReadAllText(file);
                var xsdErrors = XsdErrors(xsd, text);
                var ours = Ours(file, text);
                Assert.True(xsdErrors.Count == 0, $"{file}: the XSD rejects it: {string.Join("; ", xsdErrors)}");
                Assert.True(ours.Count == 0, $"{file}: the tables reject it: {string.Join("; ", ours)}");
                files++;
            }
            Assert.True(files > 0);
            _output.WriteLine($"{files} starter-pack files accepted by both.");
        }

        [Fact]
        public void MutationsAreRejectedByBothAtTheSameLine()
        {
            var xsd = LazyXsd.Value;
            if (xsd == null) return;
            var keys = XsdKeys();
            var random = new Random(Seed);
            var counts = new Dictionary<string, int>();
            var failures = new List<string>();
            foreach (var file in StarterPackFiles())
            {
                string text = File.ReadAllText(file);
                var original = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
                var (typed, textless) = Inspect(xsd, text);
                foreach (var mutation in Mutations(original, typed, textless, keys, random))
                {
                    counts[mutation.Kind] = counts.TryGetValue(mutation.Kind, out int n) ? n + 1 : 1;
                    string mutated = Serialize(mutation.Document);
                    var xsdErrors = XsdErrors(xsd, mutated);
                    var ours = Ours(file, mutated);
                    string label = $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)} {mutation.Kind}: {mutation.Description}";
                    if (xsdErrors.Count == 0) { failures.Add($"{label}: the XSD accepts it (generator bug)"); continue; }
                    if (ours.Count == 0) { failures.Add($"{label}: the tables accept it; XSD: {xsdErrors[0]}"); continue; }
                    // The XSD raises a key error when the keyed element ends (a nested duplicate can come first), at the element's start: take the earliest line.
                    var firstXsd = xsdErrors.OrderBy(e => e.Line).First();
                    int xsdLine = firstXsd.Line;
                    var first = ours.OrderBy(f => f.Span.Start.Line).First();
                    int ourLine = first.Span.Start.Line + 1;
                    if (xsdLine != ourLine)
                        failures.Add($"{label}: XSD line {xsdLine} ({firstXsd.Message}) vs tables line {ourLine} ({first.Message})");
                    else if (first.Problem != mutation.Expected)
                        failures.Add($"{label}: expected {mutation.Expected}, got {first.Problem}: {first.Message}");
                }
            }
            int total = counts.Values.Sum();
            _output.WriteLine($"{total} mutations (seed {Seed}): " + string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
            Assert.True(total > 0);
            Assert.True(failures.Count == 0, $"{failures.Count} of {total} mutations disagree:\n  " + string.Join("\n  ", failures.Take(40)));
        }

        // ---- the two validators ----

        private static List<(int Line, string Message)> XsdErrors(XmlSchemaSet xsd, string text)
        {
            var errors = new List<(int, string)>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = xsd, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            settings.ValidationEventHandler += (_, e) => { if (e.Severity == XmlSeverityType.Error) errors.Add((e.Exception.LineNumber, e.Message)); };
            using (var reader = XmlReader.Create(new StringReader(text), settings))
                while (reader.Read()) { }
            return errors;
        }

        private static List<SchemaFinding> Ours(string path, string text) => SchemaValidator.Validate(PolicyParser.Parse(path, text));

        // ---- mutation generation ----

        private sealed class Mutation
        {
            public Mutation(string kind, SchemaProblem expected, XDocument document, string description)
            {
                Kind = kind;
                Expected = expected;
                Document = document;
                Description = description;
            }

            public string Kind { get; }
            public SchemaProblem Expected { get; }
            public XDocument Document { get; }
            public string Description { get; }
        }

        /// <summary>An element's text or an attribute whose XSD type restricts its values (enumeration, pattern, boolean, int).</summary>
        private sealed class TypedValue
        {
            public TypedValue(int element, string? attribute, XmlSchemaSimpleType type, string path)
            {
                Element = element;
                Attribute = attribute;
                Type = type;
                Path = path;
            }

            public int Element { get; }
            public string? Attribute { get; }
            public XmlSchemaSimpleType Type { get; }
            public string Path { get; }
        }

        private static IEnumerable<Mutation> Mutations(XDocument original, List<TypedValue> typed, List<int> textless, List<(string Scope, string[] Steps)> keys, Random random)
        {
            var elements = original.Root!.DescendantsAndSelf().ToList();
            bool Skippable(XElement e) => e.AncestorsAndSelf().Any(a => a.Name.LocalName == "Extensions");

            // 1. Two adjacent children with different names swapped: the schema's sequences make the second one out of order.
            var swappable = elements.Where(e => !Skippable(e)).SelectMany(e =>
            {
                var kids = e.Elements().ToList();
                return Enumerable.Range(0, Math.Max(0, kids.Count - 1)).Where(i => kids[i].Name != kids[i + 1].Name).Select(i => (Parent: elements.IndexOf(e), Index: i));
            }).ToList();
            foreach (var (parent, index) in Pick(swappable, random))
            {
                var doc = new XDocument(original);
                var all = doc.Root!.DescendantsAndSelf().ToList();
                var kids = all[parent].Elements().ToList();
                var a = kids[index];
                var b = kids[index + 1];
                var aCopy = new XElement(a);
                a.ReplaceWith(new XElement(b));
                b.ReplaceWith(aCopy);
                yield return new Mutation("swap", SchemaProblem.ElementNotAllowed, doc, $"<{b.Name.LocalName}> before <{a.Name.LocalName}> in <{all[parent].Name.LocalName}>");
            }

            // 2. An unknown element inserted among an element's children.
            var containers = Enumerable.Range(0, elements.Count).Where(i => !Skippable(elements[i]) && (elements[i].HasElements || elements[i].IsEmpty)).ToList();
            foreach (var target in Pick(containers, random))
            {
                var doc = new XDocument(original);
                var element = doc.Root!.DescendantsAndSelf().ElementAt(target);
                var kids = element.Elements().ToList();
                int at = random.Next(kids.Count + 1);
                var unknown = new XElement(XName.Get("PolicyLintUnknown", Ns), new XAttribute("Id", "x"), new XElement(XName.Get("Nested", Ns)));
                if (at == kids.Count) element.Add(unknown);
                else kids[at].AddBeforeSelf(unknown);
                yield return new Mutation("unknown", SchemaProblem.ElementNotAllowed, doc, $"<PolicyLintUnknown> at child {at} of <{element.Name.LocalName}>");
            }

            // 3. A restricted value broken: an enumeration value with a suffix, a pattern value with a space, a bad boolean or int.
            var values = typed.Where(v => !Excluded.ContainsKey(v.Path)).ToList();
            foreach (var value in Pick(values, random))
            {
                var doc = new XDocument(original);
                var element = doc.Root!.DescendantsAndSelf().ElementAt(value.Element);
                string current = value.Attribute != null ? element.Attribute(value.Attribute)!.Value : element.Value;
                string broken = Break(current, value.Type);
                if (value.Attribute != null) element.SetAttributeValue(value.Attribute, broken);
                else element.Value = broken;
                yield return new Mutation("value", SchemaProblem.ValueNotAllowed, doc, $"{value.Path} '{current}' -> '{broken}'");
            }

            // 4. Text put into an element that holds only child elements or only attributes.
            foreach (var target in Pick(textless, random))
            {
                var doc = new XDocument(original);
                var element = doc.Root!.DescendantsAndSelf().ElementAt(target);
                element.AddFirst(new XText("PolicyLintText"));
                yield return new Mutation("text", SchemaProblem.ValueNotAllowed, doc, $"text in <{element.Name.LocalName}>");
            }

            // 5. An element that an XSD key selects, duplicated right after itself.
            var keyedElements = Enumerable.Range(0, elements.Count).Where(i => !Skippable(elements[i]) && IsKeyed(elements[i], keys)).ToList();
            foreach (var target in Pick(keyedElements, random))
            {
                var doc = new XDocument(original);
                var element = doc.Root!.DescendantsAndSelf().ElementAt(target);
                element.AddAfterSelf(new XText("\n"), new XElement(element));
                yield return new Mutation("duplicate", SchemaProblem.Duplicate, doc, $"<{element.Name.LocalName}> {element.Attributes().FirstOrDefault()} repeated");
            }
        }

        private static IEnumerable<T> Pick<T>(List<T> candidates, Random random)
        {
            var pool = new List<T>(candidates);
            for (int n = 0; n < MutationsPerKindPerFile && pool.Count > 0; n++)
            {
                int i = random.Next(pool.Count);
                yield return pool[i];
                pool.RemoveAt(i);
            }
        }

        private static string Break(string value, XmlSchemaSimpleType type)
        {
            if (type.TypeCode == XmlTypeCode.Boolean) return "maybe";
            if (type.TypeCode == XmlTypeCode.Int || type.TypeCode == XmlTypeCode.Integer) return "1.5";
            if (Facets(type).OfType<XmlSchemaEnumerationFacet>().Any()) return value + "Typo";
            int middle = Math.Max(1, value.Length / 2);
            return value.Length == 0 ? " " : value.Substring(0, middle) + " " + value.Substring(middle);
        }

        private static IEnumerable<XmlSchemaFacet> Facets(XmlSchemaSimpleType type)
        {
            for (var t = type; t != null; t = t.BaseXmlSchemaType as XmlSchemaSimpleType)
                if (t.Content is XmlSchemaSimpleTypeRestriction restriction)
                    foreach (var facet in restriction.Facets.OfType<XmlSchemaFacet>()) yield return facet;
        }

        private static bool IsRestricted(XmlSchemaSimpleType type)
            => type.TypeCode == XmlTypeCode.Boolean || type.TypeCode == XmlTypeCode.Int || type.TypeCode == XmlTypeCode.Integer
               || Facets(type).Any(f => f is XmlSchemaEnumerationFacet || f is XmlSchemaPatternFacet);

        /// <summary>
        /// Through the XSD's own post-validation type info: every restricted value of a valid file, and the elements
        /// whose type holds no text (element-only or empty content), outside Extensions.
        /// </summary>
        private static (List<TypedValue> Typed, List<int> Textless) Inspect(XmlSchemaSet xsd, string text)
        {
            var result = new List<TypedValue>();
            var textless = new List<int>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = xsd, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            var path = new Stack<string>();
            int index = -1;
            using (var reader = XmlReader.Create(new StringReader(text), settings))
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement) { path.Pop(); continue; }
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    index++;
                    // "Parent/Element": enough to name a case in Excluded.
                    string here = (path.Count > 0 ? path.Peek() + "/" : "") + reader.LocalName;
                    bool empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (!reader.IsDefault && reader.SchemaInfo?.SchemaAttribute?.AttributeSchemaType is XmlSchemaSimpleType st && IsRestricted(st))
                                result.Add(new TypedValue(index, reader.LocalName, st, here + "/@" + reader.LocalName));
                        } while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (reader.SchemaInfo?.SchemaType is XmlSchemaSimpleType textType && IsRestricted(textType))
                        result.Add(new TypedValue(index, null, textType, here));
                    if (reader.SchemaInfo?.SchemaType is XmlSchemaComplexType complex && !path.Contains("Extensions")
                        && (complex.ContentType == XmlSchemaContentType.ElementOnly || complex.ContentType == XmlSchemaContentType.Empty))
                        textless.Add(index);
                    if (!empty) path.Push(reader.LocalName);
                }
            }
            return (result, textless);
        }

        /// <summary>The XSD's xs:key constraints as (scope element, selector steps), e.g. (ClaimsProviders, [ClaimsProvider, TechnicalProfiles, TechnicalProfile]).</summary>
        private static List<(string Scope, string[] Steps)> XsdKeys()
        {
            var xs = XNamespace.Get("http://www.w3.org/2001/XMLSchema");
            var doc = XDocument.Load(Path.Combine(Paths.Shared!, "corpus", "xsd", "TrustFrameworkPolicy_0.3.0.0.xsd"));
            return doc.Descendants(xs + "key").Concat(doc.Descendants(xs + "unique"))
                .Select(k => (Scope: (string)k.Parent!.Attribute("name")!,
                              Steps: k.Element(xs + "selector")!.Attribute("xpath")!.Value.Split('/').Select(step => step.Replace("tfp:", "")).ToArray()))
                .ToList();
        }

        /// <summary>Selected by one of the keys: the element and its ancestors spell the selector, under the key's scope.</summary>
        private static bool IsKeyed(XElement element, List<(string Scope, string[] Steps)> keys)
        {
            foreach (var (scope, steps) in keys)
            {
                XElement? e = element;
                int i = steps.Length - 1;
                while (i >= 0 && e != null && e.Name.LocalName == steps[i]) { e = e.Parent; i--; }
                if (i < 0 && e != null && e.Name.LocalName == scope) return true;
            }
            return false;
        }

        private static string Serialize(XDocument doc)
            => (doc.Declaration != null ? doc.Declaration + "\n" : "") + doc.Root!.ToString(SaveOptions.DisableFormatting);
    }
}

namespace PolicyLint.Tests
{
    /// <summary>Assumptions the one-pass matcher makes about the tables; runs without ../shared.</summary>
    public sealed class SchemaTableTests
    {
        [Fact]
        public void TablesAreDeterministicAndComplete()
        {
            var model = PolicySchema.Model; // building resolves every child type or throws
            foreach (var type in model.Types.Values)
            {
                var names = type.Slots.SelectMany(s => s.Particles).Select(p => p.Name).ToList();
                Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), $"{type.Name}: an element name appears in two slots, so greedy matching would be ambiguous");
                foreach (var slot in type.Slots.Where(s => s.IsChoice))
                    Assert.True(slot.Particles.All(p => p.Min == 0), $"{type.Name}: choices are assumed optional");
                Assert.False(type.AllowsText && type.Slots.Count > 0, $"{type.Name}: mixed content is not in the schema");
                foreach (var key in type.Keys)
                    Assert.True(type.SlotOf(key.Path[0]) >= 0, $"{type.Name}: key {key.Kind} starts at an element the type does not have");
            }
            Assert.Equal("TrustFrameworkPolicy", model.Root.Name);
        }
    }
}
