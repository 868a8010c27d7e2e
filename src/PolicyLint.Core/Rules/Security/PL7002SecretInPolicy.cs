using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// Secrets belong in policy keys (limits.md §3), referenced from CryptographicKeys; a literal in the file is in
    /// source control and in every copy of the policy. The message shows at most the secret's first 2 characters.
    /// </summary>
    public sealed class PL7002SecretInPolicy : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7002",
            "Secret in the policy file",
            "{0} holds a literal {1} {2}; store it as a policy key and reference it from CryptographicKeys (<Key Id=\"...\" StorageReferenceId=\"B2C_1A_...\" />), then rotate it: it is already in source control",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("Item", (context, node) =>
            {
                string? key = Deployment.MetadataKey(node);
                if (key == null || node.Text == null || Placeholders.IsDynamic(node.Text)) return;
                Check(context, node, null, key, node.Text);
            });
            // login-NonInteractive style: a secret sent as an input claim's DefaultValue.
            registration.OnElement("InputClaim", (context, node) =>
            {
                var value = node.Attribute("DefaultValue");
                if (value == null || Placeholders.IsDynamic(value.Value)) return;
                string? name = node["PartnerClaimType"] ?? node["ClaimTypeReferenceId"];
                if (!Secrets.IsSecretName(name)) return;
                Check(context, node, value, name!, value.Value);
            });
        }

        /// <param name="attribute">The input claim's DefaultValue; null for a metadata item's text.</param>
        private static void Check(PolicyContext context, PolicyNode node, PolicyAttribute? attribute, string name, string value)
        {
            string? kind = null, secret = null;
            if (Secrets.IsSecretName(name) && !Secrets.IsNotASecret(value))
            {
                kind = "secret";
                secret = value;
            }
            else if (Secrets.FindByShape(value) is var (shapeKind, shapeSecret))
            {
                kind = shapeKind;
                secret = shapeSecret;
            }
            if (kind == null || secret == null) return;
            if (attribute != null) context.Report(attribute, $"The DefaultValue of input claim '{name}'", kind, Secrets.Mask(secret));
            else context.ReportText(node, $"Metadata item '{name}' of {Deployment.Owner(node)}", kind, Secrets.Mask(secret));
        }
    }
}
