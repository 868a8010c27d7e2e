using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.References
{
    /// <summary>
    /// A key the tenant does not have fails the upload (upload-errors.md U07). Keys made in the portal or with Microsoft
    /// Graph are named B2C_1A_... (limits.md §3), but policies exported from older tenants reference keys without the
    /// prefix (WingTipGames' 'TokenSigningKeyContainer'): without the tenant's key list, a name without it is a warning.
    /// </summary>
    public sealed class PL2010InvalidPolicyKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2010",
            "Invalid policy key reference",
            "StorageReferenceId '{0}' {1}",
            DiagnosticSeverity.Error,
            "A StorageReferenceId names no policy key of the tenant (B2CPolicyKey items): an error. Without B2CPolicyKey items, a name without the prefix 'B2C_1A_' is a warning. {Settings:...} and deploy-time tokens are not checked.");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Key", (context, node) =>
        {
            var attribute = node.Attribute("StorageReferenceId");
            if (attribute == null || Placeholders.IsDynamic(attribute.Value)) return;
            string value = attribute.Value;
            var keys = context.Options.PolicyKeys;
            if (keys != null && keys.Count > 0)
            {
                if (!keys.Contains(value))
                    context.Report(attribute, value, $"is not among the tenant's policy keys (B2CPolicyKey items: {string.Join(", ", keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase))}): the upload fails ('does not have CryptographicKey referenced by storageReferenceId').{DidYouMean.Hint(value, keys)}");
                return;
            }
            if (!value.StartsWith("B2C_1A_", StringComparison.OrdinalIgnoreCase))
                context.Report(DiagnosticSeverity.Warning, attribute, value,
                    "does not start with 'B2C_1A_': the portal and Microsoft Graph name every policy key 'B2C_1A_...', so the tenant probably has no key of this name (list the tenant's keys as B2CPolicyKey items to check)");
        });
    }
}
