using System.Linq;
using PolicyLint.Model;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>The element handles over a document's arrays: navigation, positions and equality.</summary>
    public class ModelTests
    {
        private const string Xml =
            "<R xmlns=\"urn:x\" a=\"1\">\n" +                     // line 1
            "  <A Id=\"a1\"><B><C Id=\"c1\"/><C Id=\"c2\"/></B><B/><B><C Id=\"c3\">t</C></B></A>\n" +
            "  <X/>\n" +
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
    }
}
