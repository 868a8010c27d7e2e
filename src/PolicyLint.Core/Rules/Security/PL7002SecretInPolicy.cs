using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// Secrets belong in policy keys (limits.md §3), referenced from CryptographicKeys; a literal in the file is in
    /// source control and in every copy of the policy. The upload accepts it and sign-in works, so it is a warning
    /// (an error when linting for production). A value is a secret by its shape (a JWT, a connection string's key, a
    /// known issuer's key format), or by its name when the value is credential-like too: test data such as a
    /// 'password' claim defaulting to "password" is not. The message shows at most the secret's first 2 characters.
    /// </summary>
    public sealed class PL7002SecretInPolicy : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7002",
            "Secret in the policy file",
            "{0} holds a literal {1} {2}; store it as a policy key and reference it from CryptographicKeys (<Key Id=\"...\" StorageReferenceId=\"B2C_1A_...\" />), then rotate it: it is already in source control",
            DiagnosticSeverity.Warning,
            "A credential written into the policy: in a metadata item, an input claim's DefaultValue, a claims transformation's input parameter, or an XML comment. Tokens ({Settings:...}, {{ x }}, #{X}#...), claim resolvers, policy key names and placeholders are not secrets.");

        // "client_secret: abc...", "<Item Key="client_secret">abc...</Item>", "password = abc..." in a comment.
        private static readonly Regex NamedValue = new Regex(@"(?<k>[A-Za-z][A-Za-z0-9_.-]*)[""']?\s*(?:[:=]|[""']?\s*>)\s*[""']?(?<v>[^\s""'<>,;&]{8,})",
            RegexOptions.CultureInvariant, RegexGuard.Limit);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("Item", (context, node) =>
            {
                string? key = Deployment.MetadataKey(node);
                if (key == null || node.Text == null) return;
                Check(context, node, null, key, node.Text, $"Metadata item '{key}' of {Deployment.Owner(node)}");
            });
            // login-NonInteractive style: a secret sent as an input claim's DefaultValue.
            registration.OnElement("InputClaim", (context, node) =>
            {
                var value = node.Attribute("DefaultValue");
                if (value == null) return;
                string name = node["PartnerClaimType"] ?? node["ClaimTypeReferenceId"] ?? string.Empty;
                Check(context, node, value, name, value.Value, $"The DefaultValue of input claim '{name}'");
            });
            // A claims transformation's parameter: <InputParameter Id="auth_token" Value="..." />.
            registration.OnElement("InputParameter", (context, node) =>
            {
                var value = node.Attribute("Value");
                if (value == null) return;
                string name = node["Id"] ?? string.Empty;
                string? transformation = node.Parent?.Parent?["Id"];
                string owner = transformation == null ? string.Empty : $" of claims transformation '{transformation}'";
                Check(context, node, value, name, value.Value, $"The Value of input parameter '{name}'{owner}");
            });
            registration.OnPolicy(CheckComments);
        }

        /// <param name="attribute">The attribute holding the value; null for an element's text.</param>
        private static void Check(PolicyContext context, PolicyNode node, PolicyAttribute? attribute, string name, string value, string where)
        {
            string? kind = null, secret = null;
            if (Secrets.IsSecretName(name) && Secrets.LooksLikeCredential(value, name))
            {
                kind = "secret";
                secret = value;
            }
            else if (!Placeholders.IsDynamic(value) || value.IndexOf('=') >= 0 || value.IndexOf("eyJ", System.StringComparison.Ordinal) >= 0)
            {
                // A URL or connection string may hold a token in one place and a literal key in another.
                if (Secrets.FindByShape(value) is var (shapeKind, shapeSecret))
                {
                    kind = shapeKind;
                    secret = shapeSecret;
                }
            }
            if (kind == null || secret == null) return;
            if (attribute != null) context.Report(attribute, where, kind, Secrets.Mask(secret));
            else context.ReportText(node, where, kind, Secrets.Mask(secret));
        }

        // A client secret "kept for later" in a comment is as public as one in a value.
        private static void CheckComments(PolicyContext context)
        {
            var document = context.Document;
            string? text = null;
            foreach (var comment in document.Comments)
            {
                // The model's comment text may have its line ends normalised: positions are taken from the file's own text,
                // which is read only for a comment that holds a finding.
                if (!Findings(comment.Value).Any()) continue;
                text ??= document.Text;
                int start = comment.Span.Span.Start + 4, end = System.Math.Min(comment.Span.Span.End - 3, text.Length);
                if (end <= start) continue;
                var reported = new HashSet<int>();
                foreach (var (at, secret, kind) in Findings(text.Substring(start, end - start)))
                    Report(context, document, start + at, secret, kind, reported);
            }
        }

        /// <summary>The secrets a comment shows: where, the secret, and what kind.</summary>
        private static IEnumerable<(int At, string Secret, string Kind)> Findings(string comment)
        {
            if (comment.Length < 8 || comment.Length > RegexGuard.MaxInput) yield break;
            if (Secrets.FindKnownKey(comment) is var (kind, at, length))
                yield return (at, comment.Substring(at, length), kind);
            // A comment that shows an example ("For example, otpauth://...?secret=fay2...") documents a format, not a key.
            if (comment.IndexOf("example", System.StringComparison.OrdinalIgnoreCase) >= 0 || comment.IndexOf("e.g.", System.StringComparison.OrdinalIgnoreCase) >= 0) yield break;
            // A name that is no secret's may be the previous pair's value ("rotation: client_secret = ..."): search on from its value.
            for (var m = RegexGuard.Match(NamedValue, comment); m.Success; m = RegexGuard.Match(NamedValue, comment, m.Groups["v"].Index))
            {
                var value = m.Groups["v"];
                string name = m.Groups["k"].Value;
                if (Secrets.IsSecretName(name) && Secrets.LooksLikeCredential(value.Value, name))
                    yield return (value.Index, value.Value, $"secret ('{name}')");
            }
            if (Secrets.FindByShape(comment) is var (shapeKind, secret))
            {
                int index = comment.IndexOf(secret, System.StringComparison.Ordinal);
                if (index >= 0) yield return (index, secret, shapeKind);
            }
        }

        private static void Report(PolicyContext context, PolicyDocument document, int start, string secret, string kind, HashSet<int> reported)
        {
            if (!reported.Add(start)) return;
            context.Report(document, document.Span(start, start + secret.Length), "An XML comment", kind, Secrets.Mask(secret));
        }
    }
}
