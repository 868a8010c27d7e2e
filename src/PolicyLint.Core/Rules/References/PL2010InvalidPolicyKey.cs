using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.References
{
    /// <summary>Policy keys live in the tenant and are always named B2C_1A_... (limits.md §3).</summary>
    public sealed class PL2010InvalidPolicyKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2010",
            "Invalid policy key reference",
            "StorageReferenceId '{0}' {1}",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Key", (context, node) =>
        {
            var attribute = node.Attribute("StorageReferenceId");
            if (attribute == null || Placeholders.IsDynamic(attribute.Value)) return;
            string value = attribute.Value;
            if (!value.StartsWith("B2C_1A_", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(attribute, value, "is not a policy key name: policy keys are always named with the prefix 'B2C_1A_'");
                return;
            }
            var keys = context.Options.PolicyKeys;
            if (keys != null && keys.Count > 0 && !keys.Contains(value))
            {
                context.Report(attribute, value, $"is not among the tenant's policy keys (B2CPolicyKey items: {string.Join(", ", keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase))}).{DidYouMean.Hint(value, keys)}");
            }
        });
    }
}
