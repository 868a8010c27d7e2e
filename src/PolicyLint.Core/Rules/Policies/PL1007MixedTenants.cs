using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1007MixedTenants : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1007",
            "Policies target different tenants",
            "TenantId '{0}' differs from '{1}', which {2} of the build's policies use",
            DiagnosticSeverity.Warning);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnProject(context =>
        {
            var withTenant = context.Set.Reported
                // A sample placeholder ('yourtenant') is PL7001's, a deploy-time token is not final: neither names a tenant to compare with.
                .Where(f => f.TenantIdAttribute != null && f.TenantId!.Length > 0 && !Placeholders.IsNotFinal(f.TenantId) && !Placeholders.HasBracedName(f.TenantId))
                .ToList();
            var groups = withTenant.GroupBy(f => f.TenantId!, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
            if (groups.Count < 2) return;
            var majority = groups[0];
            foreach (var group in groups.Skip(1))
                foreach (var file in group)
                    context.Report(file.TenantIdAttribute!, file.TenantId, majority.Key, majority.Count());
        });
    }
}
