using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1001BasePolicyNotFound : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1001",
            "Base policy not found",
            "Base policy '{0}' is not among the B2CPolicy or B2CPolicyReference items of this build.{1}",
            DiagnosticSeverity.Error,
            "Add the base policy's file to the project, or list it as a B2CPolicyReference when it is deployed from another repository.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var node = context.File.BasePolicyIdNode;
            string? id = node?.Text;
            if (node == null || string.IsNullOrEmpty(id) || Placeholders.IsDynamic(id)) return;
            if (context.Set.FindPolicy(id!) != null) return;
            context.ReportText(node, id, DidYouMean.Hint(id!, context.Set.PolicyIds));
        });
    }
}
