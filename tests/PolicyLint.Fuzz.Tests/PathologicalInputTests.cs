using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Fuzz.Tests.Infrastructure;
using PolicyLint.Model;
using PolicyLint.Resolution;
using Xunit;

namespace PolicyLint.Fuzz.Tests
{
    /// <summary>
    /// Inputs built to break a linter. Each asserts the exact diagnostic (file, line, column, id), the invariants,
    /// and that a normal file in the same request (the sentinel) still gets its own diagnostic.
    /// </summary>
    public sealed class PathologicalInputTests
    {
        private const string Ns = "http://schemas.microsoft.com/online/cpim/schemas/2013/06";

        /// <summary>A policy whose line 5 column 15 holds the BasePolicy/PolicyId text (when it has a base) and line 3 column 3 the BasePolicy.</summary>
        private static string Policy(string id, string? baseId, string body = "")
            => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
               $"<TrustFrameworkPolicy xmlns=\"{Ns}\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"contoso.onmicrosoft.com\" PolicyId=\"{id}\" PublicPolicyUri=\"http://contoso.onmicrosoft.com/{id}\">\n" +
               (baseId == null ? "  <!-- no base -->\n  <!-- -->\n  <!-- -->\n  <!-- -->\n" :
                   "  <BasePolicy>\n    <TenantId>contoso.onmicrosoft.com</TenantId>\n" + $"    <PolicyId>{baseId}</PolicyId>\n" + "  </BasePolicy>\n") +
               body +
               "</TrustFrameworkPolicy>\n";

        private static string Profiles(string profiles)
            => "  <ClaimsProviders>\n    <ClaimsProvider>\n      <DisplayName>P</DisplayName>\n      <TechnicalProfiles>\n" + profiles +
               "      </TechnicalProfiles>\n    </ClaimsProvider>\n  </ClaimsProviders>\n";

        /// <summary>Lints the files with the sentinel beside them; checks the invariants and the sentinel; returns the diagnostics.</summary>
        private static IReadOnlyList<Diagnostic> Lint(TempFolder temp, IEnumerable<string> policies, IEnumerable<string>? references = null, bool isExplicit = true, bool twice = true)
        {
            string sentinel = temp.Write("sentinel/Sentinel.xml", Sentinel.Text);
            var list = policies.ToList();
            AnalysisRequest Make()
            {
                var request = new AnalysisRequest();
                request.AddPolicy(sentinel);
                foreach (var p in list) request.AddPolicy(p, isExplicit);
                foreach (var r in references ?? Enumerable.Empty<string>()) request.References.Add(r);
                return request;
            }
            var (diagnostics, _) = Invariants.Check(Make, "pathological input", checkDeterminism: twice);
            Sentinel.AssertReported(diagnostics, "pathological input");
            return diagnostics;
        }

        /// <summary>The diagnostics of the given ids outside the sentinel are exactly the expected ones ("File.xml(line,col): ID").</summary>
        private static void AssertExactly(IReadOnlyList<Diagnostic> diagnostics, string[] ids, params string[] expected)
        {
            var actual = diagnostics.Where(d => ids.Contains(d.Id) && Path.GetFileName(d.Location.GetLineSpan().Path) != "Sentinel.xml")
                .Select(Invariants.Short).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var wanted = expected.OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(wanted.SequenceEqual(actual),
                $"expected:\n  {string.Join("\n  ", wanted.Take(50))}\nactual:\n  {string.Join("\n  ", diagnostics.Take(50).Select(Invariants.Format))}");
        }

        private static readonly string[] FileIds = { "PL0001", "PL0002", "PL0003", "PL0005" };

        [Fact]
        public void EmptyFile()
        {
            using var temp = new TempFolder();
            AssertExactly(Lint(temp, new[] { temp.Write("Empty.xml", Array.Empty<byte>()) }), FileIds, "Empty.xml(1,1): PL0001");
        }

        [Fact]
        public void EmptyFileFoundByTheDefaultGlobIsSkippedSilently()
        {
            using var temp = new TempFolder();
            var diagnostics = Lint(temp, new[] { temp.Write("Empty.xml", Array.Empty<byte>()) }, isExplicit: false);
            Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("Empty.xml", StringComparison.Ordinal));
        }

        [Fact]
        public void BinaryFile()
        {
            using var temp = new TempFolder();
            var bytes = new byte[64 * 1024];
            new Random(7).NextBytes(bytes);
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }.CopyTo(bytes, 0);
            AssertExactly(Lint(temp, new[] { temp.Write("Image.xml", bytes) }), FileIds, "Image.xml(1,1): PL0001");
        }

        [Fact]
        public void FiftyMegabytePolicy()
        {
            using var temp = new TempFolder();
            var sb = new StringBuilder(52 * 1024 * 1024);
            sb.Append(Policy("B2C_1A_Huge", null, "").Replace("</TrustFrameworkPolicy>\n", ""));
            sb.Append("  <BuildingBlocks>\n    <ClaimsSchema>\n");
            for (int i = 0; sb.Length < 50 * 1024 * 1024; i++)
                sb.Append("      <ClaimType Id=\"claim").Append(i).Append("\">\n        <DisplayName>Claim ").Append(i).Append("</DisplayName>\n        <DataType>string</DataType>\n      </ClaimType>\n");
            sb.Append("    </ClaimsSchema>\n  </BuildingBlocks>\n");
            string reference = "            <InputClaim ClaimTypeReferenceId=\"claim0typo\" />\n";
            sb.Append(Profiles("        <TechnicalProfile Id=\"Read\">\n          <InputClaims>\n" + reference + "          </InputClaims>\n        </TechnicalProfile>\n"));
            sb.Append("</TrustFrameworkPolicy>\n");
            string text = sb.ToString();
            int line = LineOf(text, reference);
            string path = temp.Write("Huge.xml", text);
            Assert.True(new FileInfo(path).Length >= 50 * 1024 * 1024);
            // Run once: twice would double the slowest test of the suite for no new information.
            var diagnostics = Lint(temp, new[] { path }, twice: false);
            AssertExactly(diagnostics, new[] { "PL0005", "PL2001" }, "Huge.xml(1,1): PL0005", $"Huge.xml({line},47): PL2001");
        }

        private static int LineOf(string text, string part) => text.Substring(0, text.IndexOf(part, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

        [Fact]
        public void HugeFileIsNotReadIntoMemory()
        {
            using var temp = new TempFolder();
            string path = temp.File("Sparse.xml");
            using (var stream = File.Create(path)) stream.SetLength(PolicyParser.MaxReadBytes + 1); // sparse: costs no disk
            AssertExactly(Lint(temp, new[] { path }), FileIds, "Sparse.xml(1,1): PL0001", "Sparse.xml(1,1): PL0005");
        }

        [Fact]
        public void HugeNearTwinNamesGetNoHintAndNoHang()
        {
            using var temp = new TempFolder();
            string id = Mutator.Huge(200_000, 3);
            string reference = $"            <InputClaim ClaimTypeReferenceId=\"{id.Substring(1)}x\" />\n";
            string text = Policy("B2C_1A_Twins", null,
                $"  <BuildingBlocks>\n    <ClaimsSchema>\n      <ClaimType Id=\"{id}\"><DataType>string</DataType></ClaimType>\n    </ClaimsSchema>\n  </BuildingBlocks>\n" +
                Profiles("        <TechnicalProfile Id=\"Read\">\n          <InputClaims>\n" + reference + "          </InputClaims>\n        </TechnicalProfile>\n"));
            AssertExactly(Lint(temp, new[] { temp.Write("Twins.xml", text) }), new[] { "PL0001", "PL2001" }, $"Twins.xml({LineOf(text, reference)},47): PL2001");
        }

        [Fact]
        public void HundredThousandDeepNesting()
        {
            using var temp = new TempFolder();
            const int depth = 100_000;
            string inner = "<InputClaims><InputClaim ClaimTypeReferenceId=\"deepTypo\" /></InputClaims>";
            string body = Profiles("        <TechnicalProfile Id=\"Deep\">\n" + string.Concat(Enumerable.Repeat("<Nest>", depth)) + "\n" + inner + "\n" +
                                   string.Concat(Enumerable.Repeat("</Nest>", depth)) + "\n        </TechnicalProfile>\n");
            string text = Policy("B2C_1A_Deep", null, body);
            int line = text.Substring(0, text.IndexOf(inner, StringComparison.Ordinal)).Count(c => c == '\n') + 1;
            var diagnostics = Lint(temp, new[] { temp.Write("Deep.xml", text) });
            AssertExactly(diagnostics, new[] { "PL0001", "PL2001" }, $"Deep.xml({line},{inner.IndexOf("deepTypo", StringComparison.Ordinal) + 1}): PL2001");
        }

        [Fact]
        public void HundredThousandDeepNestingLeftOpen()
        {
            using var temp = new TempFolder();
            string text = Policy("B2C_1A_Open", null, "").Replace("</TrustFrameworkPolicy>\n", "") + string.Concat(Enumerable.Repeat("<Nest>", 100_000));
            int lastLine = text.Count(c => c == '\n') + 1;
            int lastLineLength = text.Length - text.LastIndexOf('\n') - 1;
            var diagnostics = Lint(temp, new[] { temp.Write("Open.xml", text) });
            AssertExactly(diagnostics, FileIds, $"Open.xml({lastLine},{lastLineLength + 1}): PL0001");
            var message = diagnostics.Single(d => d.Id == "PL0001" && !d.Location.GetLineSpan().Path.EndsWith("Sentinel.xml", StringComparison.Ordinal)).GetMessage();
            Assert.True(message.Length < 1000, "a PL0001 message should stay readable, not list 100,000 open elements: " + message.Length + " chars");
        }

        [Fact]
        public void HundredThousandSiblingTechnicalProfiles()
        {
            using var temp = new TempFolder();
            const int count = 100_000;
            var sb = new StringBuilder();
            for (int i = 0; i < count; i++) sb.Append("        <TechnicalProfile Id=\"TP").Append(i.ToString("D6")).Append("\" />\n");
            string reference = "        <TechnicalProfile Id=\"User\"><ValidationTechnicalProfiles><ValidationTechnicalProfile ReferenceId=\"TP099999x\" /></ValidationTechnicalProfiles></TechnicalProfile>\n";
            sb.Append(reference);
            string text = Policy("B2C_1A_Siblings", null, Profiles(sb.ToString()));
            int line = text.Substring(0, text.IndexOf(reference, StringComparison.Ordinal)).Count(c => c == '\n') + 1;
            var diagnostics = Lint(temp, new[] { temp.Write("Siblings.xml", text) }, twice: false);
            AssertExactly(diagnostics, new[] { "PL0001", "PL2002" }, $"Siblings.xml({line},{reference.IndexOf("TP099999x", StringComparison.Ordinal) + 1}): PL2002");
            Assert.Contains("Did you mean 'TP099999'?", diagnostics.Single(d => d.Id == "PL2002" && d.Location.GetLineSpan().Path.EndsWith("Siblings.xml", StringComparison.Ordinal)).GetMessage());
        }

        [Fact]
        public void HundredThousandIncludedTechnicalProfilesMergeWithoutRecursion()
        {
            using var temp = new TempFolder();
            const int count = 100_000;
            var sb = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                sb.Append("        <TechnicalProfile Id=\"TP").Append(i).Append("\">");
                if (i + 1 < count) sb.Append("<IncludeTechnicalProfile ReferenceId=\"TP").Append(i + 1).Append("\" />");
                sb.Append("</TechnicalProfile>\n");
            }
            string text = Policy("B2C_1A_Includes", null, Profiles(sb.ToString()));
            string path = temp.Write("Includes.xml", text);
            var file = new PolicyFile(PolicyParser.Parse(path, text), isReference: false);
            var chain = new PolicySet(new[] { file }).ChainOf(file);
            // Merging follows at most MaxIncludeDepth includes: linear cost however long the chain.
            Assert.Equal(MergedTechnicalProfile.MaxIncludeDepth, MergedTechnicalProfile.Resolve(chain, "TP0")!.Parts.Count);
            Assert.Equal("TP" + (MergedTechnicalProfile.MaxIncludeDepth - 1), MergedTechnicalProfile.Resolve(chain, "TP0")!.Parts[0]["Id"]);
            AssertExactly(Lint(temp, new[] { path }, twice: false), new[] { "PL0001", "PL2002" });
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(10)]
        [InlineData(100)]
        public void IncludeCyclesOfEveryLengthStop(int length)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < length; i++)
                sb.Append($"        <TechnicalProfile Id=\"TP{i}\"><IncludeTechnicalProfile ReferenceId=\"TP{(i + 1) % length}\" /></TechnicalProfile>\n");
            string text = Policy("B2C_1A_IncludeCycle", null, Profiles(sb.ToString()));
            var file = new PolicyFile(PolicyParser.Parse("IncludeCycle.xml", text), isReference: false);
            var chain = new PolicySet(new[] { file }).ChainOf(file);
            for (int i = 0; i < Math.Min(length, 10); i++)
                Assert.Equal(length, MergedTechnicalProfile.Resolve(chain, "TP" + i)!.Parts.Count);
            using var temp = new TempFolder();
            Lint(temp, new[] { temp.Write("IncludeCycle.xml", text) });
        }

        private const string BillionLaughs =
            "<?xml version=\"1.0\"?>\n" +
            "<!DOCTYPE TrustFrameworkPolicy [\n" +
            " <!ENTITY lol \"lol\">\n" +
            " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n" +
            " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n" +
            " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n" +
            " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n" +
            " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n" +
            " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n" +
            " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n" +
            " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n" +
            " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n" +
            "]>\n" +
            "<TrustFrameworkPolicy xmlns=\"" + Ns + "\" PolicyId=\"B2C_1A_Lol\" TenantId=\"contoso.onmicrosoft.com\"><BasePolicy><PolicyId>&lol9;</PolicyId></BasePolicy></TrustFrameworkPolicy>\n";

        [Fact]
        public void BillionLaughsDoctype()
        {
            using var temp = new TempFolder();
            AssertExactly(Lint(temp, new[] { temp.Write("Lol.xml", BillionLaughs) }), FileIds, "Lol.xml(2,1): PL0002");
        }

        [Fact]
        public void BillionLaughsAfterLeadingBlankLinesAndComments()
        {
            using var temp = new TempFolder();
            string text = "\n\n<!-- a comment -->" + BillionLaughs.Substring(BillionLaughs.IndexOf('\n') + 1);
            AssertExactly(Lint(temp, new[] { temp.Write("Lol.xml", text) }), FileIds, "Lol.xml(3,19): PL0002");
        }

        [Fact]
        public void ExternalEntitiesAreNeverResolved()
        {
            using var temp = new TempFolder();
            // A canary file (reading it would show as an access event), a loopback listener (a fetch would connect),
            // and a FIFO where the platform has one (opening it to read would block: the hang guard fails the test).
            string canary = temp.Write("canary/secret.txt", "the secret");
            using var watcher = new FileSystemWatcher(Path.GetDirectoryName(canary)!) { NotifyFilter = NotifyFilters.LastAccess | NotifyFilters.FileName | NotifyFilters.Attributes, IncludeSubdirectories = true };
            int accesses = 0;
            watcher.Changed += (_, _) => System.Threading.Interlocked.Increment(ref accesses);
            watcher.EnableRaisingEvents = true;
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                string fifo = Path.Combine(temp.Path, "canary", "pipe");
                bool hasFifo = Fifo.TryCreate(fifo);
                string text =
                    "<?xml version=\"1.0\"?>\n" +
                    $"<!DOCTYPE TrustFrameworkPolicy SYSTEM \"http://127.0.0.1:{port}/policy.dtd\" [\n" +
                    $"  <!ENTITY file SYSTEM \"file://{canary}\">\n" +
                    $"  <!ENTITY web SYSTEM \"http://127.0.0.1:{port}/entity\">\n" +
                    (hasFifo ? $"  <!ENTITY pipe SYSTEM \"file://{fifo}\">\n" : "") +
                    $"  <!ENTITY % remote SYSTEM \"http://127.0.0.1:{port}/remote.dtd\">\n" +
                    "  %remote;\n" +
                    "]>\n" +
                    "<TrustFrameworkPolicy xmlns=\"" + Ns + "\" PolicyId=\"B2C_1A_Xxe\" TenantId=\"contoso.onmicrosoft.com\"><BasePolicy><PolicyId>&file;&web;" + (hasFifo ? "&pipe;" : "") + "</PolicyId></BasePolicy></TrustFrameworkPolicy>\n";
                var diagnostics = Lint(temp, new[] { temp.Write("Xxe.xml", text) });
                AssertExactly(diagnostics, FileIds, "Xxe.xml(2,1): PL0002");
                System.Threading.Thread.Sleep(200); // let any access event arrive
                Assert.False(listener.Pending(), "the linter connected to the URL of an external entity");
                Assert.Equal(0, accesses);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void ThousandLevelInheritanceChain()
        {
            using var temp = new TempFolder();
            const int levels = 1000;
            var paths = new List<string>();
            for (int i = 0; i < levels; i++)
                paths.Add(temp.Write($"Chain{i:D4}.xml", Policy($"B2C_1A_Chain{i:D4}", i + 1 < levels ? $"B2C_1A_Chain{i + 1:D4}" : null)));
            // Policy i has 1000 - i levels; the service allows 10.
            var expected = Enumerable.Range(0, levels).Where(i => levels - i > PolicySet.MaxInheritanceDepth).Select(i => $"Chain{i:D4}.xml(3,3): PL1004").ToArray();
            AssertExactly(Lint(temp, paths), new[] { "PL1001", "PL1002", "PL1004" }, expected);
        }

        public static IEnumerable<object[]> CycleLengths() => Enumerable.Range(1, 12).Concat(new[] { 100 }).Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(CycleLengths))]
        public void InheritanceCycleOfEveryLength(int length)
        {
            using var temp = new TempFolder();
            var paths = new List<string>();
            for (int i = 0; i < length; i++)
                paths.Add(temp.Write($"Cycle{i:D3}.xml", Policy($"B2C_1A_Cycle{i:D3}", $"B2C_1A_Cycle{(i + 1) % length:D3}")));
            // A policy that inherits into the cycle is not on it: no PL1002 there.
            paths.Add(temp.Write("Tail.xml", Policy("B2C_1A_Tail", "B2C_1A_Cycle000")));
            var expected = Enumerable.Range(0, length).Select(i => $"Cycle{i:D3}.xml(5,15): PL1002").ToArray();
            AssertExactly(Lint(temp, paths), new[] { "PL1001", "PL1002", "PL1004" }, expected);
        }

        [Fact]
        public void PolicyThatIsItsOwnBaseWhateverTheCase()
        {
            using var temp = new TempFolder();
            var diagnostics = Lint(temp, new[] { temp.Write("Self.xml", Policy("B2C_1A_Self", "b2c_1a_SELF")) });
            AssertExactly(diagnostics, new[] { "PL1001", "PL1002", "PL1004" }, "Self.xml(5,15): PL1002");
        }

        [Fact]
        public void TwoFilesWhosePathsDifferOnlyInCase()
        {
            using var temp = new TempFolder();
            string upper = temp.Write("set/Policy.xml", Policy("B2C_1A_Same", "B2C_1A_MissingUpper"));
            string lower = temp.File("set/policy.xml");
            if (File.Exists(lower)) return; // a case-insensitive file system cannot hold both
            string lowerText = Policy("B2C_1A_Same", "B2C_1A_MissingLower");
            temp.Write("set/policy.xml", lowerText);
            int column = lowerText.Split('\n')[1].IndexOf("B2C_1A_Same", StringComparison.Ordinal) + 1;
            var diagnostics = Lint(temp, new[] { upper, lower });
            // Each file is its own file: both keep their own diagnostic, and the second repeats the PolicyId.
            AssertExactly(diagnostics, new[] { "PL1001", "PL1005" }, "Policy.xml(5,15): PL1001", "policy.xml(5,15): PL1001", $"policy.xml(2,{column}): PL1005");
            Assert.Contains(diagnostics, d => d.Id == "PL1001" && d.Location.GetLineSpan().Path == upper && d.GetMessage().Contains("MissingUpper"));
            Assert.Contains(diagnostics, d => d.Id == "PL1001" && d.Location.GetLineSpan().Path == lower && d.GetMessage().Contains("MissingLower"));
        }

        [Fact]
        public void SameFileListedTwice()
        {
            using var temp = new TempFolder();
            string path = temp.Write("Twice.xml", Policy("B2C_1A_Twice", "B2C_1A_Missing"));
            // Listed twice (an explicit item and the default glob, say), it is still one file: no duplicate PolicyId.
            AssertExactly(Lint(temp, new[] { path, path }), new[] { "PL1001", "PL1005" }, "Twice.xml(5,15): PL1001");
        }

        [Fact]
        public void DirectoryGivenAsAFile()
        {
            using var temp = new TempFolder();
            string dir = temp.File("Folder.xml");
            Directory.CreateDirectory(dir);
            AssertExactly(Lint(temp, new[] { dir }), FileIds, "Folder.xml(1,1): PL0001");
        }

        [Fact]
        public void PathTooLong()
        {
            using var temp = new TempFolder();
            string name = new string('n', 300) + ".xml";
            AssertExactly(Lint(temp, new[] { temp.File(name) }), FileIds, name + "(1,1): PL0001");
        }

        [Fact]
        public void MissingFile()
        {
            using var temp = new TempFolder();
            AssertExactly(Lint(temp, new[] { temp.File("Gone.xml") }), FileIds, "Gone.xml(1,1): PL0001");
        }

        [Fact]
        public void FifoGivenAsAFileDoesNotBlock()
        {
            using var temp = new TempFolder();
            string fifo = temp.File("Pipe.xml");
            if (!Fifo.TryCreate(fifo)) return; // no FIFOs on this platform
            AssertExactly(Lint(temp, new[] { fifo }), FileIds, "Pipe.xml(1,1): PL0001");
        }

        private static class Fifo
        {
            [DllImport("libc", SetLastError = true, EntryPoint = "mkfifo")]
            private static extern int MkFifo(string path, uint mode);

            public static bool TryCreate(string path)
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return false;
                try { return MkFifo(path, Convert.ToUInt32("600", 8)) == 0; }
                catch (DllNotFoundException) { return false; }
                catch (EntryPointNotFoundException) { return false; }
            }
        }
    }
}
