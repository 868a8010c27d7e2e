using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;

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
            if (node == null || !IsRealTenant(baseTenant)) return;
            string? own = file.TenantId;
            if (IsRealTenant(own) && !Same(own, baseTenant))
            {
                context.ReportText(node, baseTenant, "this policy's TenantId", own);
                return;
            }
            var basePolicy = file.BasePolicyId == null ? null : context.Set.FindPolicy(file.BasePolicyId);
            string? actual = basePolicy?.TenantId;
            if (basePolicy != null && IsRealTenant(actual) && !Same(actual, baseTenant))
                context.ReportText(node, baseTenant, $"the TenantId of base policy {basePolicy.PolicyId}", actual);
        });

        // A token is replaced by the deployment, a placeholder ('yourtenant', 'tenant-name') is PL7001's: neither names
        // the tenant the policy will be uploaded to, so neither is compared.
        private static bool IsRealTenant(string? tenant)
            => !string.IsNullOrWhiteSpace(tenant) && !Placeholders.IsNotFinal(tenant) && !Placeholders.HasBracedName(tenant);

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
