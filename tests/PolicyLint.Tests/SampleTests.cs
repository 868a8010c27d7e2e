using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests
{
    /// <summary>
    /// samples/wechat adds WeChat as Microsoft's article publishes it; samples/wechat-fixed is the corrected copy.
    /// Both are linted the way a build would (every *.xml of the folder, found by the default glob).
    /// </summary>
    public sealed class SampleTests
    {
        private static string[] Lint(string sample, out System.Collections.Generic.IReadOnlyList<Diagnostic> diagnostics)
        {
            var folder = Path.Combine(Paths.RepoRoot, "samples", sample);
            var request = new AnalysisRequest();
            foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                request.AddPolicy(file, isExplicit: false);
            diagnostics = Linter.Run(request).Diagnostics;
            return diagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(Describe)
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
        }

        private static string Describe(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{d.Id} {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        }

        [Fact]
        public void WeChatAsPublishedMapsTheUserIdToAnUndeclaredClaim()
        {
            var actual = Lint("wechat", out var diagnostics);

            // <OutputClaim ClaimTypeReferenceId="UserId" PartnerClaimType="unionid" />: UserId is declared nowhere,
            // and CreateAlternativeSecurityId reads issuerUserId. (Below warning level: PL2011 for the
            // ClaimsExchange's 'WeChat-OAuth', PL2012 for the base's local-account journey the relying party does not use.)
            Assert.Equal(new[]
            {
                "PL2001 TrustFrameworkExtensions.xml(43,48)",
                "PL6001 TrustFrameworkExtensions.xml(43,48)",
            }, actual);

            var pl6001 = diagnostics.Single(d => d.Id == "PL6001").GetMessage();
            Assert.Contains("WeChat profile 'WeChat-OAUTH'", pl6001, StringComparison.Ordinal);
            Assert.Contains("Microsoft's WeChat article maps unionid to UserId", pl6001, StringComparison.Ordinal);
            Assert.Contains("map it to 'issuerUserId'", pl6001, StringComparison.Ordinal);
            Assert.Contains("https://learn.microsoft.com/azure/active-directory-b2c/identity-provider-wechat", pl6001, StringComparison.Ordinal);
        }

        [Fact]
        public void WeChatFixedIsClean()
        {
            Assert.Empty(Lint("wechat-fixed", out _));
        }
    }
}
