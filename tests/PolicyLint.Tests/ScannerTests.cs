using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Model;
using PolicyLint.Tests.Infrastructure;
using PolicyLint.Tests.Shared;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// The scanner reads the common case without XmlReader and hands everything else over to it. Whichever reads a file,
    /// the model must be the same: these tests compare it with the XmlReader pass alone, element by element.
    /// </summary>
    public class ScannerTests
    {
        [Fact]
        public void EveryFixtureAndStarterPackFileGivesTheXmlReadersModel()
        {
            var files = Directory.EnumerateFiles(Paths.Fixtures, "*.xml", SearchOption.AllDirectories).ToList();
            if (Paths.StarterPack != null) files.AddRange(Directory.EnumerateFiles(Paths.StarterPack, "*.xml", SearchOption.AllDirectories));
            int scanned = 0;
            foreach (var file in files)
            {
                string text = File.ReadAllText(file);
                Assert.Equal(ModelShape.Of(PolicyParser.ParseWithXmlReader(file, text)), ModelShape.Of(PolicyParser.ParseFile(file)));
                if (PolicyParser.Scans(text)) scanned++;
            }
            Assert.True(files.Count > 400, $"only {files.Count} files");
            // Most fixtures are well-formed policies: the scanner must read them itself, or it is not the fast path.
            Assert.True(scanned > files.Count * 9 / 10, $"the scanner read {scanned} of {files.Count} files");
        }

        [Fact]
        public void TheStarterPackIsReadByTheScannerAlone()
        {
            if (Paths.StarterPack == null) return; // a plain clone without ../shared
            foreach (var file in Directory.EnumerateFiles(Paths.StarterPack!, "*.xml", SearchOption.AllDirectories))
                Assert.True(PolicyParser.Scans(File.ReadAllText(file)), file);
        }

        /// <summary>The common constructs: the scanner must read these itself.</summary>
        private static readonly string[] Scanned =
        {
            "<R/>",
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<R a='1' b = \"2\" ></R>",
            "<?xml version='1.0' standalone='yes'?><R/>",
            "<!-- lead --><?pi data?>\n<R><!--in-->t<?pi?>u<![CDATA[ v ]]>w</R>\n<!-- trail -->",
            "<R xmlns=\"urn:a\" xmlns:p=\"urn:p\"><p:E p:x=\"1\"><I xmlns=\"\"/><J/></p:E></R>",
            "<R a=\"x&amp;y&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;\" b=\"1\t2\r\n3\n4\r5\">  a &lt; b\r\n c \r d </R>",
            "<R a=\"&#13;&#10;&#9;\">&#13;x&#10;</R>",
            "<R>\U0001F600 é ü 中</R>",
            "<R a=\"v>w\" b='\"' c=\"'\"><E    /><F\n/></R>",
            "<R><A><A><A/></A></A></R>",
            "<R><T>one</T><T> two <!-- c --> three </T><T><![CDATA[a&b]]></T><T><![CDATA[x\r\ny]]></T></R>",
            "<R>]</R>",
            "<R>]]</R>",
            "<R a=\"\"></R>",
            "<R><?xml-stylesheet href='x'?></R>",
        };

        /// <summary>Errors and rarities, handed over to XmlReader: its model, or its error, is what the scanner must not change.</summary>
        private static readonly string[] HandedOver =
        {
            "",
            "   ",
            "text",
            "<R>",
            "<R></S>",
            "<R><A></R></A>",
            "<R/><S/>",
            "<R/>text",
            "text<R/>",
            "<R a=\"1\" a=\"2\"/>",
            "<R a=\"1\"b=\"2\"/>",
            "<R a=\"<\"/>",
            "<R a=1/>",
            "<R p:a=\"1\"/>",
            "<p:R/>",
            "<R xmlns:p=\"\"/>",
            "<R xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:a=\"1\" q:a=\"2\"/>",
            "<R xml:space=\"preserve\">  </R>",
            "<R xml:lang=\"en\">x</R>",
            "<R>&nbsp;</R>",
            "<R>&#0;</R>",
            "<R>&#xD800;</R>",
            "<R>&amp</R>",
            "<R a=\"&unknown;\"/>",
            "<R>]]></R>",
            "<R><!-- a -- b --></R>",
            "<R><!-- a ---></R>",
            "<R><!-- a\r\nb --></R>",
            "<R>\u0001</R>",
            "<R>\uD800</R>",
            "<R>\uDC00x</R>",
            "<R>\uFFFE</R>",
            "<!DOCTYPE R [<!ENTITY e \"x\">]><R>&e;</R>",
            "<!DOCTYPE R><R/>",
            " <?xml version=\"1.0\"?><R/>",
            "<?xml version=\"1.1\"?><R/>",
            "<?xml version=\"1.0\" encoding=\"latin1\"?><R/>",
            "<?xml encoding=\"utf-8\" version=\"1.0\"?><R/>",
            "<R><?xml version=\"1.0\"?></R>",
            "<R><![CDATA[x</R>",
            "<R><!--x</R>",
            "<1R/>",
            "<R:/>",
            "<R:a:b/>",
            "<Rö/>",
            "<R öa=\"1\"/>",
            "\uFEFF<R/>",
            "<R></R >",
            "<R></ R>",
            "<R/ >",
            "<R a=\"1\" / >",
        };

        public static IEnumerable<object[]> Snippets() => Scanned.Concat(HandedOver).Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Snippets))]
        public void SnippetsGiveTheXmlReadersModelOrError(string xml)
            => Assert.Equal(ModelShape.Of(PolicyParser.ParseWithXmlReader("s.xml", xml)), ModelShape.Of(PolicyParser.Parse("s.xml", xml)));

        [Fact]
        public void TheScannerReadsTheCommonConstructsItself()
        {
            foreach (var xml in Scanned)
                Assert.True(PolicyParser.Scans(xml), xml);
        }

        /// <summary>
        /// Starter-pack files with random edits of the characters XML turns on: every mutant must give the same model,
        /// or the same error, both ways. Seeded, so a failure repeats.
        /// </summary>
        [Fact]
        public void MutatedStarterPackFilesGiveTheXmlReadersModelOrError()
        {
            if (Paths.StarterPack == null) return; // a plain clone without ../shared
            var sources = Directory.EnumerateFiles(Paths.StarterPack!, "*.xml", SearchOption.AllDirectories)
                .Select(File.ReadAllText).Where(t => t.Length < 60000).ToList();
            var random = new Random(20261125);
            string[] inserts = { "<", ">", "&", "&amp;", "&#x41;", "&#0;", "\"", "'", "/", "=", " ", "\r", "\t", "]]>", "<!--", "-->", "<![CDATA[", ":", "p:", "xmlns:p=\"urn:p\" ", "\u00e9", "\uD83D\uDE00", "\uD800", "\u0001", "<?pi x?>", "<X/>", "</X>" };
            int scanned = 0;
            for (int i = 0; i < 1500; i++)
            {
                var text = new StringBuilder(sources[random.Next(sources.Count)]);
                for (int edits = random.Next(1, 4); edits > 0; edits--)
                {
                    int at = random.Next(text.Length);
                    switch (random.Next(3))
                    {
                        case 0: text.Insert(at, inserts[random.Next(inserts.Length)]); break;
                        case 1: text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)); break;
                        default:
                            int from = random.Next(text.Length);
                            text.Insert(at, text.ToString(from, Math.Min(random.Next(1, 40), text.Length - from)));
                            break;
                    }
                }
                string xml = text.ToString();
                Assert.True(ModelShape.Of(PolicyParser.ParseWithXmlReader("m.xml", xml)).SequenceEqual(ModelShape.Of(PolicyParser.Parse("m.xml", xml))),
                    "mutant " + i + ":\n" + xml);
                if (PolicyParser.Scans(xml)) scanned++;
            }
            // Some edits keep the file well-formed; those must be read by the scanner, or this test compares nothing of it.
            Assert.True(scanned > 100, $"the scanner read only {scanned} mutants");
        }
    }
}
