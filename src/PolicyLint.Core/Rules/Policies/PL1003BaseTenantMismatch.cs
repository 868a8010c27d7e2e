using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Policies
{
    /// <summary>A policy can only inherit from a policy of the same tenant (upload: "User is currently logged as a user of ... tenant").</summary>
    public sealed class PL1003BaseTenantMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1003",
            "Base policy tenant mismatch",
            "BasePolicy TenantId '{0}' differs from {1} '{2}'",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var file = context.File;
            var node = file.BaseTenantIdNode;
            string? baseTenant = node?.Text;
            if (node == null || string.IsNullOrEmpty(baseTenant) || Placeholders.IsDynamic(baseTenant)) return;
            string? own = file.TenantId;
            if (!string.IsNullOrEmpty(own) && !Placeholders.IsDynamic(own) && !Same(own, baseTenant))
            {
                context.ReportText(node, baseTenant, "this policy's TenantId", own);
                return;
            }
            var basePolicy = file.BasePolicyId == null ? null : context.Set.FindPolicy(file.BasePolicyId);
            string? actual = basePolicy?.TenantId;
            if (basePolicy != null && !string.IsNullOrEmpty(actual) && !Placeholders.IsDynamic(actual) && !Same(actual, baseTenant))
                context.ReportText(node, baseTenant, $"the TenantId of base policy {basePolicy.PolicyId}", actual);
        });

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
