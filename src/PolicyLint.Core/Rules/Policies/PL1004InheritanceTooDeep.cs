using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1004InheritanceTooDeep : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1004",
            "Inheritance too deep",
            "Policy '{0}' has {1} levels of inheritance; the B2C service allows at most {2}",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var chain = context.Chain;
            if (chain.Status == ChainStatus.Cycle || chain.Depth <= PolicySet.MaxInheritanceDepth || context.File.BasePolicy == null) return;
            context.Report(context.File.BasePolicy, context.File.PolicyId, chain.Depth, PolicySet.MaxInheritanceDepth);
        });
    }
}
