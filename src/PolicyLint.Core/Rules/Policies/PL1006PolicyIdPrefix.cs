using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1006PolicyIdPrefix : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1006",
            "PolicyId must start with B2C_1A_",
            "PolicyId '{0}' does not start with 'B2C_1A_'; custom policy Ids carry that prefix",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var attribute = context.File.PolicyIdAttribute;
            if (attribute == null || attribute.Value.Length == 0 || Placeholders.IsDynamic(attribute.Value)) return;
            if (!attribute.Value.StartsWith("B2C_1A_", StringComparison.OrdinalIgnoreCase)) context.Report(attribute, attribute.Value);
        });
    }
}
