using System;
using System.Linq;
using System.Text;
using CsCheck;
using PolicyLint.Analysis;
using PolicyLint.Fuzz.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Fuzz.Tests
{
    /// <summary>
    /// {Settings:Key} tokens that stand for markup are replaced before parsing (Common/MarkupTokens.cs): a token put
    /// anywhere in a real policy, with a value that is markup, broken markup or nothing, in one environment that
    /// defines it and one that does not. Every diagnostic must still be at a real position of the file as written.
    /// </summary>
    public sealed class SettingsTokenFuzzTests
    {
        /// <summary>What a setting may hold: attributes, elements, broken pieces, line ends, nothing.</summary>
        private static readonly string[] Values =
        {
            "", " ", "DeploymentMode=\"Development\"", "DeploymentMode=\"Development\"\n    UserJourneyRecorderEndpoint=\"urn:journeyrecorder:applicationinsights\"",
            "DeploymentMode=Development", "\"", "'", "<", ">", "/>", "&", "&amp;", "<ClaimType Id=\"x\"><DataType>string</DataType></ClaimType>",
            "<ClaimType Id=\"x\">\r\n<DataType>string</DataType>\r\n</ClaimType>", "<!-- c -->", "<![CDATA[x]]>", "</TrustFrameworkPolicy>",
            "{Settings:Other}", "\n\n\n", "\r", "x=\"1\" x=\"2\"", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "\uD83D\uDE00", new string('a', 5000),
        };

        private static string Json(string value) => "\"" + string.Concat(value.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            < ' ' => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        })) + "\"";

        [Fact]
        public void TokensStandingForMarkupKeepEveryInvariant()
        {
            var files = Corpus.Sets.SelectMany(s => s.Files.Select(f => f.Bytes)).Where(b => b.Length < 40_000).ToList();
            Gen.Select(Gen.Int[0, files.Count - 1], Gen.Int[0, Mutator.OffsetClasses.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, Values.Length - 1], Gen.Int[1, 3])
                .Sample(t =>
                {
                    var (file, cls, k, value, count) = t;
                    var bytes = files[file];
                    // The token, once or a few times, at positions of one syntactic kind.
                    for (int i = 0; i < count; i++)
                    {
                        int at = Mutator.BytePositionOfClass(bytes, k + 7 * i, cls);
                        bytes = bytes.Take(at).Concat(Encoding.UTF8.GetBytes("{Settings:M}")).Concat(bytes.Skip(at)).ToArray();
                    }
                    string what = $"file {file}, {count} token(s) {Mutator.OffsetClasses[cls]} (k={k}), value {Json(Values[value]).Substring(0, Math.Min(60, Json(Values[value]).Length))}";
                    using var temp = new TempFolder();
                    string policy = temp.Write("set/Policy.xml", bytes);
                    string settings = temp.Write("set/appsettings.json",
                        "{\"Environments\":[{\"Name\":\"Defines\",\"Tenant\":\"contoso.onmicrosoft.com\",\"PolicySettings\":{\"M\":" + Json(Values[value]) + "}}," +
                        "{\"Name\":\"Lacks\",\"Production\":true,\"PolicySettings\":{}}]}");
                    AnalysisRequest Make()
                    {
                        var request = new AnalysisRequest { SettingsFile = settings };
                        request.AddPolicy(policy);
                        return request;
                    }
                    Invariants.Check(Make, what);
                }, iter: 60, seed: Environment.GetEnvironmentVariable("POLICYLINT_FUZZ_SEED") is { Length: > 0 } s ? s : null, threads: 1);
        }
    }
}
