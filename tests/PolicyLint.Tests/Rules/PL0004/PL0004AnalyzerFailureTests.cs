using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests.Rules.PL0004
{
    /// <summary>
    /// No input can make a shipped rule throw (that would be a bug), so PL0004 has no err fixture: these tests put
    /// rules that throw through the engine and check that each failure becomes one PL0004 at (1,1) while every
    /// other rule still runs.
    /// </summary>
    public sealed class PL0004AnalyzerFailureTests
    {
        private static string ValidPolicy => Path.Combine(Paths.Fixtures, "PL0004", "ok", "valid-policy.xml");

        [Fact]
        public void EachFailingRuleIsReportedOnceAtTheFileStart()
        {
            var request = new AnalysisRequest().AddPolicy(ValidPolicy);
            var failing = new PolicyRule[] { new FailsOnElement(), new FailsOnPolicy(), new FailsOnProject(), new FailsOnDocument() };
            var result = PolicyAnalyzer.Analyze(request, PolicyAnalyzer.Rules.Concat(failing));

            var failures = result.Diagnostics.Where(d => d.Id == "PL0004").ToList();
            Assert.Equal(new[] { "PLX001", "PLX002", "PLX003", "PLX004" }, failures.Select(d => d.GetMessage().Split(' ')[4]).OrderBy(s => s, StringComparer.Ordinal));
            foreach (var d in failures)
            {
                var span = d.Location.GetLineSpan();
                Assert.Equal(ValidPolicy, span.Path);
                Assert.Equal(0, span.StartLinePosition.Line);
                Assert.Equal(0, span.StartLinePosition.Character);
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
                Assert.Contains("InvalidOperationException: boom", d.GetMessage(), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void OtherRulesStillRun()
        {
            // The PL2001 fixture's undeclared claim is still found when a rule fails on every element it visits.
            string file = Path.Combine(Paths.Fixtures, "PL2001", "err", "undeclared-claim.xml");
            var request = new AnalysisRequest().AddPolicy(file);
            var result = PolicyAnalyzer.Analyze(request, PolicyAnalyzer.Rules.Concat(new PolicyRule[] { new FailsOnElement() }));
            Assert.Contains(result.Diagnostics, d => d.Id == "PL2001");
            Assert.Single(result.Diagnostics, d => d.Id == "PL0004");
        }

        private abstract class FailingRule : PolicyRule
        {
            protected static DiagnosticDescriptor Failing(string id) => Describe(id, "Fails", "Fails", DiagnosticSeverity.Warning);
            protected static void Boom() => throw new InvalidOperationException("boom");
        }

        private sealed class FailsOnElement : FailingRule
        {
            public override DiagnosticDescriptor Descriptor { get; } = Failing("PLX001");
            public override void Initialize(RuleRegistration registration) => registration.OnElement("ClaimType", (c, n) => Boom());
        }

        private sealed class FailsOnPolicy : FailingRule
        {
            public override DiagnosticDescriptor Descriptor { get; } = Failing("PLX002");
            public override void Initialize(RuleRegistration registration) => registration.OnPolicy(c => Boom());
        }

        private sealed class FailsOnProject : FailingRule
        {
            public override DiagnosticDescriptor Descriptor { get; } = Failing("PLX003");
            public override void Initialize(RuleRegistration registration) => registration.OnProject(c => Boom());
        }

        private sealed class FailsOnDocument : FailingRule
        {
            public override DiagnosticDescriptor Descriptor { get; } = Failing("PLX004");
            public override void Initialize(RuleRegistration registration) => registration.OnDocument(c => Boom());
        }
    }
}
