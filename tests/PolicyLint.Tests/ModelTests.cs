using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>The element handles over a document's arrays: navigation, positions and equality.</summary>
    public class ModelTests
    {
        private const string Xml =
            "<R xmlns=\"urn:x\" a=\"1\">\n" +                     // line 1
            "  <A Id=\"a1\"><B><C Id=\"c1\"/><C Id=\"c2\"/></B><B/><B><C Id=\"c3\">t</C></B></A>\n" +
            "  <X xmlns=\"urn:y\"/>\n" +
            "  <A Id=\"a2\"><B><C Id=\"c4\"><D><E Id=\"e1\"/></D><D><E Id=\"e2\"/></D></C></B></A>\n" +
            "</R>\n";

        private static PolicyNode Root() => PolicyParser.Parse("m.xml", Xml).Root!.Value;

        [Fact]
        public void PathsFollowEveryBranchInDocumentOrder()
        {
            var root = Root();
            Assert.Equal(new[] { "a1", "a2" }, root.Path("A").Select(n => n["Id"]));
            Assert.Equal(4, root.Path("A", "B").Count());
            Assert.Equal(new[] { "c1", "c2", "c3", "c4" }, root.Path("A", "B", "C").Select(n => n["Id"]));
            Assert.Equal(new[] { "e1", "e2" }, root.Path("A", "B", "C", "D", "E").Select(n => n["Id"]));
            Assert.Equal(new[] { "e1", "e2" }, root.Path(new[] { "A", "B", "C", "D", "E" }).Select(n => n["Id"]));
            Assert.Empty(root.Path("A", "C"));
            Assert.Equal(new[] { root }, root.Path(new string[0]));
            Assert.Equal(new[] { "a1", "a2" }, root.ChildrenNamed("A").Select(n => n["Id"]));
        }

        [Fact]
        public void HandlesKnowTheirPlace()
        {
            var root = Root();
            var c3 = root.Descendants().Single(n => n["Id"] == "c3");
            Assert.Equal("t", c3.Text);
            Assert.Equal("B", c3.Parent!.Value.Name);
            Assert.Equal(2, c3.Parent!.Value.Index);
            Assert.Equal(0, c3.Index);
            Assert.Equal(3, c3.Depth);
            Assert.Equal(root.Child("A")!.Value, c3.Ancestor("A")!.Value);
            Assert.Equal((1, 51), (c3.StartTag.Start.Line, c3.StartTag.Start.Character));
            Assert.Equal(new[] { "A", "X", "A" }, root.Children.Select(n => n.Name));
            Assert.Equal(new[] { "a" }, root.Attributes.Select(a => a.Name));
            Assert.Equal("1", root.Attributes.ValueAt(0));
            Assert.Equal(c3, c3.Attribute("Id")!.Owner);
            Assert.Null(c3.Attribute("Nope"));
            Assert.Null(root.Parent);
            Assert.Equal("urn:x", root.NamespaceUri);
            Assert.Equal("urn:y", root.Child("X")!.Value.NamespaceUri);
            Assert.Equal("urn:x", root.Path("A").Last().NamespaceUri);
            Assert.Empty(root.Child("X")!.Value.Attributes);
            Assert.Equal(new[] { 0, 1, 1, 0 }, root.Path("A").First().Descendants().Take(4).Select(n => n.Attributes.Count));
        }

        [Fact]
        public void DescendantsAreTheDeeperElementsThatFollow()
        {
            var root = Root();
            Assert.Equal(new[] { "A", "B", "C", "C", "B", "B", "C", "X", "A", "B", "C", "D", "E", "D", "E" }, root.Descendants().Select(n => n.Name));
            var a1 = root.Child("A")!.Value;
            Assert.Equal(new[] { "B", "C", "C", "B", "B", "C" }, a1.Descendants().Select(n => n.Name));
            Assert.Empty(root.Child("X")!.Value.Descendants());
        }

        [Fact]
        public void ElementsByNameAreTheMatchingElementsInDocumentOrder()
        {
            var root = Root();
            var found = root.Document.Elements(name => name == "C" || name == "X").ToList();
            Assert.Equal(new[] { "C", "C", "C", "X", "C" }, found.Select(n => n.Name));
            Assert.Equal(root.Descendants().Where(n => n.Name == "C" || n.Name == "X"), found);
            Assert.Empty(root.Document.Elements(name => name == "Nothing"));
        }

        [Fact]
        public void TwoHandlesToOneElementAreEqual()
        {
            var doc = PolicyParser.Parse("m.xml", Xml);
            var first = doc.Root!.Value.Child("A")!.Value;
            var again = doc.Root!.Value.Children[0];
            Assert.Equal(first, again);
            Assert.Equal(first.GetHashCode(), again.GetHashCode());
            Assert.NotEqual(first, doc.Root!.Value.Children[2]);
            Assert.NotEqual(first, PolicyParser.Parse("m.xml", Xml).Root!.Value.Children[0]);
        }
    
        // Every fixture and starter-pack file parsed both ways (the scanner or the buffer, against XmlReader alone): ScannerTests.

        [Fact]
        public void ValuesWithReferencesAndLineBreaksAreNormalizedAsXmlSays()
        {
            string path = Path.Combine(Path.GetTempPath(), "policylint-model-" + System.Guid.NewGuid().ToString("N") + ".xml");
            File.WriteAllText(path, "<R a=\"x&amp;y\" b=\"1\t2\r\n3\"><T>  a &lt; b\r\n c </T><U><![CDATA[ <raw> ]]></U><V>p<!-- c -->q</V></R>");
            try
            {
                var root = PolicyParser.ParseFile(path).Root!.Value;
                Assert.Equal("x&y", root["a"]);
                Assert.Equal("1 2 3", root["b"]);
                Assert.Equal("a < b\n c", root.Child("T")!.Value.Text);
                Assert.Equal("<raw>", root.Child("U")!.Value.Text);
                Assert.Equal("pq", root.Child("V")!.Value.Text);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void FilesParsedWithOneNameTableShareTheirStrings()
        {
            string first = Path.Combine(Path.GetTempPath(), "policylint-names-" + System.Guid.NewGuid().ToString("N") + ".xml");
            string second = first + ".2.xml";
            File.WriteAllText(first, Xml);
            File.WriteAllText(second, Xml);
            try
            {
                var names = new System.Xml.NameTable();
                var a = PolicyParser.ParseFile(first, names).Root!.Value.Path("A", "B", "C").Last();
                var b = PolicyParser.ParseFile(second, names).Root!.Value.Path("A", "B", "C").Last();
                var own = PolicyParser.ParseFile(second).Root!.Value.Path("A", "B", "C").Last();
                Assert.Equal("c4", a["Id"]);
                Assert.Same(a["Id"], b["Id"]);
                Assert.Same(a.Name, b.Name);
                Assert.NotSame(a["Id"], own["Id"]);
            }
            finally
            {
                File.Delete(first);
                File.Delete(second);
            }
        }
    }
}
