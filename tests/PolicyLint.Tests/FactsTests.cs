using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>
    /// The engine keeps each fact for its lifetime and runs scope actions once per resolution scope (Analysis/Facts.cs,
    /// RuleRegistration.OnScope). The set: a base, an extensions file with two relying parties, and a third relying party
    /// on the base itself. Relying parties declare nothing, so there are two scopes: [Base] (Base, RP_C) and [Ext, Base]
    /// (Ext, RP_A, RP_B), analyzed in that order.
    /// </summary>
    public sealed class FactsTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "policylint-facts-" + Guid.NewGuid().ToString("N"));

        public FactsTests() => Directory.CreateDirectory(_dir);

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void EachFactIsComputedOncePerLifetimeAndScopeActionsRunWithTheFirstPolicyThatQualifies()
        {
            var rule = new Recorder();
            Analyze(rule);

            Assert.Equal(new[] { "B2C_1A_Base", "B2C_1A_Ext", "B2C_1A_RP_A", "B2C_1A_RP_B", "B2C_1A_RP_C" }, Sorted(rule.PolicyFacts));
            Assert.Equal(new[] { "B2C_1A_Base", "B2C_1A_Ext" }, rule.ScopeFacts);
            Assert.Equal(new[] { "5 files" }, rule.BuildFacts);
            Assert.Equal(new[] { "B2C_1A_Base", "B2C_1A_Ext" }, rule.Scopes);
            Assert.Equal(new[] { "B2C_1A_RP_C", "B2C_1A_RP_A" }, rule.LeafScopes);
            // Every policy read the same scope fact as the first policy of its scope, and the build fact of the others.
            Assert.Equal(new[] { "B2C_1A_Base/B2C_1A_Base", "B2C_1A_Ext/B2C_1A_Ext", "B2C_1A_RP_A/B2C_1A_Ext", "B2C_1A_RP_B/B2C_1A_Ext", "B2C_1A_RP_C/B2C_1A_Base" }, Sorted(rule.Reads));
        }

        [Fact]
        public void AScopeActionThatFailsIsReportedOnceAsPL0004()
        {
            var result = Analyze(new FailsOnScope());
            var failure = Assert.Single(result.Diagnostics, d => d.Id == "PL0004");
            Assert.Equal(Path.Combine(_dir, "Base.xml"), failure.Location.GetLineSpan().Path);
            Assert.Contains("PLX011", failure.GetMessage(), StringComparison.Ordinal);
        }

        private AnalysisResult Analyze(PolicyRule rule)
        {
            Write("Base.xml", "B2C_1A_Base", null, declares: true, relyingParty: false);
            Write("Ext.xml", "B2C_1A_Ext", "B2C_1A_Base", declares: true, relyingParty: false);
            Write("RP_A.xml", "B2C_1A_RP_A", "B2C_1A_Ext", declares: false, relyingParty: true);
            Write("RP_B.xml", "B2C_1A_RP_B", "B2C_1A_Ext", declares: false, relyingParty: true);
            Write("RP_C.xml", "B2C_1A_RP_C", "B2C_1A_Base", declares: false, relyingParty: true);
            var request = new AnalysisRequest();
            foreach (var name in new[] { "Base.xml", "Ext.xml", "RP_A.xml", "RP_B.xml", "RP_C.xml" }) request.AddPolicy(Path.Combine(_dir, name));
            return PolicyAnalyzer.Analyze(request, new[] { rule });
        }

        private void Write(string name, string id, string? basePolicy, bool declares, bool relyingParty)
        {
            string text = $@"<TrustFrameworkPolicy xmlns=""http://schemas.microsoft.com/online/cpim/schemas/2013/06"" PolicySchemaVersion=""0.3.0.0"" TenantId=""contoso.onmicrosoft.com"" PolicyId=""{id}"" PublicPolicyUri=""http://contoso.onmicrosoft.com/{id}"">
"
                + (basePolicy == null ? "" : $"  <BasePolicy><TenantId>contoso.onmicrosoft.com</TenantId><PolicyId>{basePolicy}</PolicyId></BasePolicy>\n")
                + (declares ? $"  <BuildingBlocks><ClaimsSchema><ClaimType Id=\"claim{id}\"><DataType>string</DataType></ClaimType></ClaimsSchema></BuildingBlocks>\n" : "")
                + (relyingParty ? "  <RelyingParty><DefaultUserJourney ReferenceId=\"SignUpOrSignIn\" /></RelyingParty>\n" : "")
                + "</TrustFrameworkPolicy>\n";
            File.WriteAllText(Path.Combine(_dir, name), text);
        }

        private static List<string> Sorted(List<string> items)
        {
            var sorted = new List<string>(items);
            sorted.Sort(StringComparer.Ordinal);
            return sorted;
        }

        /// <summary>Reads a fact of each lifetime twice per policy and records when each is computed and each scope action runs.</summary>
        private sealed class Recorder : PolicyRule
        {
            private readonly PolicyFact<string> _policyFact;
            private readonly ScopeFact<string> _scopeFact;
            private readonly BuildFact<string> _buildFact;

            public Recorder()
            {
                _policyFact = Fact.OfPolicy(context => Log(PolicyFacts, context.File.PolicyId!));
                _scopeFact = Fact.OfScope(scope => Log(ScopeFacts, scope.Chain.Self.PolicyId!));
                _buildFact = Fact.OfBuild(set => Log(BuildFacts, set.Files.Count + " files"));
            }

            public List<string> PolicyFacts { get; } = new List<string>();
            public List<string> ScopeFacts { get; } = new List<string>();
            public List<string> BuildFacts { get; } = new List<string>();
            public List<string> Scopes { get; } = new List<string>();
            public List<string> LeafScopes { get; } = new List<string>();
            public List<string> Reads { get; } = new List<string>();

            public override DiagnosticDescriptor Descriptor { get; } = Describe("PLX010", "Records", "Records", DiagnosticSeverity.Info);

            public override void Initialize(RuleRegistration registration)
            {
                registration.OnElement("ClaimType", (context, node) => context.Get(_policyFact));
                registration.OnPolicy(context =>
                {
                    context.Get(_policyFact);
                    context.Get(_buildFact);
                    context.Get(_buildFact);
                    Reads.Add(context.File.PolicyId + "/" + context.Get(_scopeFact));
                    context.Get(_scopeFact);
                });
                registration.OnScope(context => Scopes.Add(context.File.PolicyId!));
                registration.OnScope(context => context.File.RelyingParty != null, context => LeafScopes.Add(context.File.PolicyId!));
            }

            private static string Log(List<string> into, string value)
            {
                into.Add(value);
                return value;
            }
        }

        private sealed class FailsOnScope : PolicyRule
        {
            public override DiagnosticDescriptor Descriptor { get; } = Describe("PLX011", "Fails", "Fails", DiagnosticSeverity.Warning);

            public override void Initialize(RuleRegistration registration) => registration.OnScope(context =>
            {
                if (context.File.PolicyId == "B2C_1A_Base") throw new InvalidOperationException("boom");
            });
        }
    }
}
