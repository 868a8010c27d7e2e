using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Fuzz.Tests.Infrastructure
{
    /// <summary>One generated case: a seed set, the file of it to damage, how it is listed, and the edits.</summary>
    public sealed record FuzzCase(int Set, int File, bool Explicit, Mutation[] Mutations)
    {
        public override string ToString()
        {
            var set = Corpus.Sets[Set % Corpus.Sets.Count];
            return $"{set.Name} file '{set.Files[File % set.Files.Count].RelativePath}' ({(Explicit ? "explicit" : "default glob")}): {string.Join(", ", Mutations)}";
        }
    }

    public static class FuzzGen
    {
        public static readonly Gen<Mutation> Mutation =
            Gen.Select(Gen.Int[0, Enum.GetValues<MutationKind>().Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
                .Select(t => new Mutation((MutationKind)t.Item1, t.Item2, t.Item3, t.Item4));

        public static readonly Gen<FuzzCase> Case =
            Gen.Select(Gen.Int[0, Math.Max(0, Corpus.Sets.Count - 1)], Gen.Int[0, 1000], Gen.Bool, Mutation.Array[1, 4])
                .Select(t => new FuzzCase(t.Item1, t.Item2, t.Item3, t.Item4));
    }

    /// <summary>Runs a case: the damaged set plus a sentinel policy whose diagnostics must survive whatever its neighbours hold.</summary>
    public static class FuzzRunner
    {
        private static long _cases;
        private static long _slowestTicks;
        private static string _slowest = "";

        public static long Cases => Interlocked.Read(ref _cases);
        public static TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));
        public static string SlowestCase => _slowest;

        public static void Run(FuzzCase c)
        {
            var set = Corpus.Sets[c.Set % Corpus.Sets.Count];
            int target = c.File % set.Files.Count;
            var ids = set.Files.Select(f => PolicyIdOf(f.Bytes)).Where(id => id != null).Select(id => id!).ToList();
            var mutated = Mutator.Apply(set.Files[target].Bytes, c.Mutations, ids);
            var files = set.Files.Select((f, i) => (f.RelativePath, i == target ? mutated : f.Bytes)).ToList();
            var (elapsed, diagnostics) = RunFiles(files, c.Explicit, c.ToString());
            Record(elapsed, c.ToString());
            var found = diagnostics.Where(d => d.Location.GetLineSpan().Path.Contains(System.IO.Path.DirectorySeparatorChar + "set" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)).Select(d => d.Id).ToHashSet();
            Interlocked.Increment(ref found.Contains("PL0002") ? ref _dtd : ref found.Contains("PL0001") ? ref _malformed : ref _wellFormed);
        }

        private static long _malformed, _dtd, _wellFormed;

        /// <summary>How the damaged files came out: shows the edits reach both the parser and the rules.</summary>
        public static string Outcomes => $"{_wellFormed} well-formed, {_malformed} PL0001, {_dtd} PL0002";

        /// <summary>Writes the files to a temp folder beside the sentinel, checks the invariants and the sentinel's diagnostics.</summary>
        public static (TimeSpan Elapsed, IReadOnlyList<Diagnostic> Diagnostics) RunFiles(IReadOnlyList<(string RelativePath, byte[] Bytes)> files, bool isExplicit, string what)
        {
            using var temp = new TempFolder();
            string sentinel = temp.Write("sentinel/Sentinel.xml", Sentinel.Text);
            var paths = files.Select(f => temp.Write("set/" + f.RelativePath, f.Bytes)).ToList();
            AnalysisRequest Make()
            {
                var request = new AnalysisRequest();
                request.AddPolicy(sentinel);
                foreach (var p in paths) request.AddPolicy(p, isExplicit);
                return request;
            }
            var (diagnostics, elapsed) = Invariants.Check(Make, what);
            Sentinel.AssertReported(diagnostics, what);
            return (elapsed, diagnostics);
        }

        private static void Record(TimeSpan elapsed, string what)
        {
            Interlocked.Increment(ref _cases);
            lock (typeof(FuzzRunner))
            {
                if (elapsed.Ticks > _slowestTicks) { _slowestTicks = elapsed.Ticks; _slowest = what; }
            }
        }

        private static readonly Regex PolicyIdPattern = new Regex("PolicyId=\"([^\"]*)\"", RegexOptions.Compiled);

        private static string? PolicyIdOf(byte[] bytes)
        {
            var m = PolicyIdPattern.Match(System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)));
            return m.Success ? m.Groups[1].Value : null;
        }
    }

    /// <summary>A normal policy with one known error; it must be reported in every request, whatever else the request holds.</summary>
    public static class Sentinel
    {
        public const string Text =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" PolicySchemaVersion=\"0.3.0.0\" TenantId=\"contoso.onmicrosoft.com\" PolicyId=\"B2C_1A_FuzzSentinel\" PublicPolicyUri=\"http://contoso.onmicrosoft.com/B2C_1A_FuzzSentinel\">\n" +
            "  <BuildingBlocks>\n" +
            "    <ClaimsSchema>\n" +
            "      <ClaimType Id=\"sentinelClaim\">\n" +
            "        <DisplayName>Sentinel</DisplayName>\n" +
            "        <DataType>string</DataType>\n" +
            "      </ClaimType>\n" +
            "    </ClaimsSchema>\n" +
            "  </BuildingBlocks>\n" +
            "  <ClaimsProviders>\n" +
            "    <ClaimsProvider>\n" +
            "      <DisplayName>Sentinel</DisplayName>\n" +
            "      <TechnicalProfiles>\n" +
            "        <TechnicalProfile Id=\"SentinelProfile\">\n" +
            "          <DisplayName>Sentinel</DisplayName>\n" +
            "          <Protocol Name=\"Proprietary\" Handler=\"Web.TPEngine.Providers.ClaimsTransformationProtocolProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null\" />\n" +
            "          <InputClaims>\n" +
            "            <InputClaim ClaimTypeReferenceId=\"sentinelClaimTypo\" />\n" +
            "          </InputClaims>\n" +
            "          <OutputClaims>\n" +
            "            <OutputClaim ClaimTypeReferenceId=\"sentinelClaim\" />\n" +
            "          </OutputClaims>\n" +
            "        </TechnicalProfile>\n" +
            "      </TechnicalProfiles>\n" +
            "    </ClaimsProvider>\n" +
            "  </ClaimsProviders>\n" +
            "</TrustFrameworkPolicy>\n";

        /// <summary>The undeclared claim on line 19, at the value's first character.</summary>
        public const string Expected = "Sentinel.xml(19,47): PL2001";

        public static void AssertReported(IEnumerable<Diagnostic> diagnostics, string what)
        {
            var mine = diagnostics.Where(d => System.IO.Path.GetFileName(d.Location.GetLineSpan().Path) == "Sentinel.xml").Select(Invariants.Short).ToList();
            if (!mine.Contains(Expected))
                throw new InvariantException($"{what}: the sentinel's diagnostic {Expected} is missing; it has: {string.Join(", ", mine)}");
        }
    }
}
