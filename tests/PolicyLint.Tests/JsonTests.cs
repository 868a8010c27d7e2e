using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Configuration;
using PolicyLint.Reporting;
using PolicyLint.Settings;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// JSON read and written by System.Text.Json: the reader counts UTF-8 bytes, diagnostics count characters, so positions
    /// after non-ASCII text are where the tests look first.
    /// </summary>
    public sealed class JsonTests
    {
        [Theory]
        // é is two bytes and one character; 𝄞 four bytes and two characters (a surrogate pair).
        [InlineData("{ \"é\": \"𝄞\", \"b\": tru }", 18, "lower case")]
        [InlineData("{ \"é𝄞\": [1,] }", 12, "trailing comma before ']'")]
        [InlineData("{\n  \"naïve\": \"x\",\n  \"𝄞\": \"C:\\Temp\"\n}", 29, "invalid escape '\\T'")]
        [InlineData("\uFEFF{ \"é\": 1 } x", 12, "after the end")]
        [InlineData("{ \"a\": \"é\n\" }", 9, "line break inside a string")]
        [InlineData("{ \"é\": 1 \"b\": 2 }", 9, "expected ',' or '}' after the value of \"é\"")]
        [InlineData("{ \"é\" 1 }", 6, "expected ':' after the property name")]
        [InlineData("[\"é\", 1.]", 6, "digits expected after '.'")]
        [InlineData("{ \"a\": \"\\uD800\" }", 7, "surrogate")]
        public void ErrorsAreAtTheirCharacterOffset(string text, int offset, string messagePart)
        {
            var error = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(text));
            Assert.Equal(offset, error.Offset);
            Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ValuesKeepTheirCharacterOffsets()
        {
            string text = "\uFEFF{ \"é𝄞\": [\"naïve\", -1.5e3, null], \"b\": { \"c\": true } }";
            var root = Assert.IsType<JsonObject>(JsonParser.Parse(text));
            Assert.Equal(1, root.Start);
            var first = root.Members[0];
            Assert.Equal(("é𝄞", 3), (first.Name, first.NameStart));
            var array = Assert.IsType<JsonArray>(first.Value);
            Assert.Equal(text.IndexOf('['), array.Start);
            Assert.Equal(new[] { text.IndexOf("\"naïve\"", StringComparison.Ordinal), text.IndexOf("-1.5e3", StringComparison.Ordinal), text.IndexOf("null", StringComparison.Ordinal) }, array.Items.Select(i => i.Start));
            Assert.Equal("naïve", Assert.IsType<JsonString>(array.Items[0]).Value);
            Assert.Equal("-1.5e3", Assert.IsType<JsonLiteral>(array.Items[1]).Text);
            var c = Assert.IsType<JsonObject>(root.Member("b")!.Value).Member("c")!;
            Assert.Equal((text.IndexOf("\"c\"", StringComparison.Ordinal), true), (c.NameStart, Assert.IsType<JsonLiteral>(c.Value).AsBoolean));
        }

        [Fact]
        public void DepthIsCheckedAtTheValueThatIsTooDeep()
        {
            string text = new string('[', JsonParser.MaxDepth + 1) + new string(']', JsonParser.MaxDepth + 1);
            Assert.NotNull(JsonParser.Parse(text));
            var error = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse("[" + text + "]"));
            Assert.Equal(JsonParser.MaxDepth + 1, error.Offset);
            Assert.Contains("nested", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TheSarifLogAndTheBaselineAreJsonWithUnixLineEnds()
        {
            var tree = SourceText.From("<TrustFrameworkPolicy />\n");
            var location = Location.Create("a \"quoted\" é.xml", new TextSpan(1, 3), tree.Lines.GetLinePositionSpan(new TextSpan(1, 3)));
            var descriptor = PolicyLint.Analysis.PolicyAnalyzer.Rules.First().Descriptor;
            var diagnostic = Diagnostic.Create(descriptor, location, "x", "y", "z", "w", "v");
            var finding = new ConfiguredDiagnostic(diagnostic, SuppressionKind.None, null);
            var configured = new List<ConfiguredDiagnostic> { finding };

            var sarif = new StringWriter();
            SarifLog.Write(sarif, configured, null);
            Assert.DoesNotContain("\r", sarif.ToString(), StringComparison.Ordinal);
            Assert.EndsWith("}\n", sarif.ToString(), StringComparison.Ordinal);
            using (var json = System.Text.Json.JsonDocument.Parse(sarif.ToString()))
            {
                var result = json.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
                Assert.Equal(descriptor.Id, result.GetProperty("ruleId").GetString());
                Assert.EndsWith("a%20%22quoted%22%20%C3%A9.xml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            }

            string path = Path.Combine(Path.GetTempPath(), "policylint-json-" + Guid.NewGuid().ToString("N"), "policylint.baseline.json");
            try
            {
                BaselineWriter.Write(path, configured);
                string text = File.ReadAllText(path);
                Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
                var (baseline, error) = Baseline.Load(path);
                Assert.Null(error);
                Assert.NotNull(baseline);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path)!, true);
            }
        }
    }
}
