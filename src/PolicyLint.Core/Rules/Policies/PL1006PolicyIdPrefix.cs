using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Rules.Policies
{
    /// <summary>
    /// Custom policy Ids carry the B2C_1A_ prefix. The service adds it when the PolicyId lacks it (the upload succeeds and the
    /// policy is stored as B2C_1A_&lt;PolicyId&gt;), so a missing prefix is a warning: a BasePolicy or a link that names the Id
    /// as written may then not match.
    /// </summary>
    public sealed class PL1006PolicyIdPrefix : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1006",
            "PolicyId should start with B2C_1A_",
            "PolicyId '{0}' does not start with 'B2C_1A_'; the service adds the prefix on upload, so the policy is stored as 'B2C_1A_{0}': write it in full so that BasePolicy references and links match",
            DiagnosticSeverity.Warning);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var attribute = context.File.PolicyIdAttribute;
            if (attribute == null || attribute.Value.Length == 0 || Placeholders.IsDynamic(attribute.Value)) return;
            if (!attribute.Value.StartsWith("B2C_1A_", StringComparison.OrdinalIgnoreCase)) context.Report(attribute, attribute.Value);
        });
    }
}
