using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1002InheritanceCycle : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1002",
            "Inheritance cycle",
            "Policy '{0}' inherits from itself: {1}",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var chain = context.Chain;
            if (chain.Status != ChainStatus.Cycle || context.File.BasePolicyIdNode == null) return;
            // Report only the policies that are on the cycle, not those that merely inherit into it.
            var baseOfLast = context.Set.FindPolicy(chain.BrokenAt!.BasePolicyId!);
            var cycle = chain.Policies.SkipWhile(p => p != baseOfLast).ToList();
            if (!cycle.Contains(context.File)) return;
            int start = cycle.IndexOf(context.File);
            var path = cycle.Skip(start).Concat(cycle.Take(start)).Concat(new[] { context.File }).Select(p => p.PolicyId);
            context.ReportText(context.File.BasePolicyIdNode, context.File.PolicyId, string.Join(" -> ", path));
        });
    }
}
