using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Settings;
using Xunit;
using PolicyLint.Common;

namespace PolicyLint.Tests
{
    /// <summary>{Settings:Key} tokens that stand for attributes or elements: replaced before parsing, positions mapped back.</summary>
    public sealed class MarkupTokenTests
    {
        [Fact]
        public void MapsOffsetsBackAcrossReplacementsThatChangeLengthsAndAddLines()
        {
            // "ab{X}cd{YY}ef" with {X} -> "1\n22\n333" (longer, two more lines) and {YY} -> "" (shorter).
            string original = "ab{X}cd{YY}ef";
            var map = SourceMap.Create(original, new List<(int, int, string)> { (2, 3, "1\n22\n333"), (7, 4, "") })!;
            Assert.Equal("ab1\n22\n333cdef", map.Text);

            // Before, between and after the replacements: the same character of the file.
            foreach (var (made, file) in new[] { (0, 0), (1, 1), (10, 5), (11, 6), (12, 11), (13, 12) })
            {
                Assert.Equal(original[file], map.Text[made]);
                Assert.Equal(file, map.ToOriginalStart(made));
                Assert.Equal(file + 1, map.ToOriginalEnd(made + 1));
            }
            // Inside a replacement: a start is the token's start, an end the token's end.
            for (int made = 2; made < 10; made++)
            {
                Assert.Equal(2, map.ToOriginalStart(made));
                Assert.Equal(5, map.ToOriginalEnd(made + 1));
            }
            // An empty span just before a replacement stays before it; the text's end maps to the file's end.
            Assert.Equal(2, map.ToOriginalEnd(2));
            Assert.Equal(original.Length, map.ToOriginalEnd(map.Text.Length));
            Assert.Equal(original.Length, map.ToOriginalStart(map.Text.Length));
        }

        [Fact]
        public void RefusesOverlappingEditsAndTextsThatGrowTooLarge()
        {
            Assert.Null(SourceMap.Create("abcdef", new List<(int, int, string)> { (1, 3, "x"), (2, 1, "y") }));
            Assert.Null(SourceMap.Create("abcdef", new List<(int, int, string)> { (5, 3, "x") }));
            Assert.Null(SourceMap.Create("abc", new List<(int, int, string)> { (0, 1, new string('x', 100)) }, maxLength: 50));
        }

        [Fact]
        public void FindsTokensInTagsAndContentButNotInValuesCommentsOrCdata()
        {
            string text = "<?xml version=\"1.0\" {Settings:Pi}?><!-- {Settings:Comment} --><A B=\"{Settings:Value}\" {Settings:Attrs} C='{Settings:Single}'>"
                          + "{Settings:Content}<![CDATA[{Settings:Cdata}]]></A {Settings:End}><{Settings:Name}/>";
            var tokens = MarkupTokens.Find(text);
            Assert.Equal(new[] { "Attrs:tag", "Content:content", "End:tag", "Name:tag" }, tokens.Select(t => t.Token.Key + (t.InTag ? ":tag" : ":content")));
            Assert.All(tokens, t => Assert.Equal("{Settings:" + t.Token.Key + "}", text.Substring(t.Start, t.End - t.Start)));
        }

        [Fact]
        public void FindingTokensEndsOnAnyText()
        {
            foreach (var text in new[] { "", "<", "<A \"", "<A '{Settings:X}", "{Settings:", "<!--", "<![CDATA[", "<?", "<!", "<A {Settings:X", "<A {Settings:X}", new string('<', 10000), string.Concat(Enumerable.Repeat("<A {Settings:X}", 2000)) })
                Assert.NotNull(MarkupTokens.Find(text));
            Assert.Single(MarkupTokens.Find("<A {Settings:X}"));
        }

        private const string Policy =
            "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicyId=\"B2C_1A_X\" {Settings:Mode}>\n" +
            "  <BuildingBlocks>\n" +
            "    <ClaimsSchema>\n" +
            "      {Settings:Claims}\n" +
            "      <ClaimType Id=\"email\" />\n" +
            "    </ClaimsSchema>\n" +
            "  </BuildingBlocks>\n" +
            "</TrustFrameworkPolicy>\n";

        [Fact]
        public void ParsesTheReplacedTextWithEveryPositionInTheFile()
        {
            var settings = new Dictionary<string, string>
            {
                ["Mode"] = "DeploymentMode=\"Development\"\n    UserJourneyRecorderEndpoint=\"urn:journeyrecorder:applicationinsights\"",
                ["Claims"] = "<ClaimType Id=\"loyalty\">\n        <DisplayName>Loyalty</DisplayName>\n      </ClaimType>",
            };
            var map = MarkupTokens.Replace(Policy, MarkupTokens.Replaced(MarkupTokens.Find(Policy), settings))!;
            var doc = PolicyParser.ParseSubstituted("Policy.xml", map);

            Assert.True(doc.IsWellFormed);
            Assert.Equal(Policy, doc.Text);
            Assert.Equal(8, doc.LineCount - 1);
            var root = doc.Root!.Value;
            Assert.Equal("Development", root["DeploymentMode"]);
            // The attributes that came from the token are at the token.
            int mode = Policy.IndexOf("{Settings:Mode}", StringComparison.Ordinal);
            Assert.Equal((mode, mode + "{Settings:Mode}".Length), (root.Attribute("DeploymentMode")!.ValueSpan.Span.Start, root.Attribute("DeploymentMode")!.ValueSpan.Span.End));
            Assert.Equal("(1,108,1,123)", root.Attribute("UserJourneyRecorderEndpoint")!.ValueSpan.ToString());
            // So are the elements, and their text.
            var claims = root.Descendants().Where(n => n.IsNamed("ClaimType")).ToList();
            Assert.Equal("loyalty", claims[0]["Id"]);
            Assert.Equal("(4,7,4,24)", claims[0].StartTag.ToString());
            Assert.Equal("(4,7,4,24)", claims[0].Children[0].TextSpan.ToString());
            // What follows is where it is in the file, though the replaced text has three more lines.
            Assert.Equal("(5,7,5,17)", claims[1].StartTag.ToString());
            Assert.Equal("(5,22,5,27)", claims[1].Attribute("Id")!.ValueSpan.ToString());
            Assert.Equal(Policy.IndexOf("</ClaimsSchema>", StringComparison.Ordinal) + "</ClaimsSchema>".Length, claims[1].Parent!.Value.EndOffset);
        }

        [Fact]
        public void AFileStillNotWellFormedIsReportedAtItsOwnPosition()
        {
            string text = Policy.Replace("<ClaimType Id=\"email\" />", "<ClaimType Id=\"email\"></ClaimTyp>");
            var settings = new Dictionary<string, string> { ["Mode"] = "\n\n\n", ["Claims"] = "<A/>\n<B/>" };
            var map = MarkupTokens.Replace(text, MarkupTokens.Replaced(MarkupTokens.Find(text), settings))!;
            var failure = PolicyParser.ParseSubstituted("Policy.xml", map).ParseFailure!;
            Assert.Equal("(5,31,5,32)", failure.Span.ToString());
            Assert.Contains("start tag on line 5 position 8", failure.Message, StringComparison.Ordinal);

            // An error inside the value is reported at the token.
            map = MarkupTokens.Replace(Policy, MarkupTokens.Replaced(MarkupTokens.Find(Policy), new Dictionary<string, string> { ["Mode"] = "DeploymentMode=Development" }))!;
            Assert.Equal("(1,108,1,123)", PolicyParser.ParseSubstituted("Policy.xml", map).ParseFailure!.Span.ToString());
        }

        [Fact]
        public void EnvironmentsWithTheSameValuesShareOneParse()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policylint-markup-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string file = Path.Combine(dir, "Policy.xml");
                File.WriteAllText(file, Policy);
                var request = new AnalysisRequest().AddPolicy(file);
                request.Loaded = new LoadedFiles();
                PolicyDocument Parsed(string mode)
                {
                    request.Options.Settings = new Dictionary<string, string> { ["Mode"] = mode };
                    return PolicyAnalyzer.Analyze(request).Documents[file];
                }
                var development = Parsed("DeploymentMode=\"Development\"");
                Assert.True(development.IsWellFormed);
                Assert.Same(development, Parsed("DeploymentMode=\"Development\""));
                Assert.NotSame(development, Parsed("DeploymentMode=\"Production\""));
                // Without a value the token stays, and the file is not well-formed for that environment.
                Assert.False(Parsed("\"").IsWellFormed);
                request.Options.Settings = new Dictionary<string, string>();
                Assert.False(PolicyAnalyzer.Analyze(request).Documents[file].IsWellFormed);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
