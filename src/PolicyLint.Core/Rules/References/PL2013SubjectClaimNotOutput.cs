using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.References
{
    /// <summary>
    /// SubjectNamingInfo/@ClaimType names the partner name of a relying-party output claim (schema.md §5): its
    /// PartnerClaimType, else its ClaimType's DefaultPartnerClaimTypes entry for the relying party's protocol, else its
    /// ClaimTypeReferenceId. Sign-in fails with "specifies the subject claim 'sub' which is missing in the claims collection".
    /// </summary>
    public sealed class PL2013SubjectClaimNotOutput : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2013",
            "Subject claim not among the relying party's output claims",
            "SubjectNamingInfo ClaimType '{0}' matches no OutputClaim of relying-party technical profile '{1}' (by PartnerClaimType, the ClaimType's DefaultPartnerClaimTypes for {2}, else ClaimTypeReferenceId); the token would have no subject.{3}",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("SubjectNamingInfo", (context, node) =>
        {
            if (node.Parent is not PolicyNode profile || profile.Parent?.IsNamed("RelyingParty") != true) return;
            var attribute = node.Attribute("ClaimType");
            if (attribute == null || attribute.Value.Length == 0 || Placeholders.IsDynamic(attribute.Value)) return;
            string? protocol = profile.Child("Protocol")?["Name"];
            var names = new List<string>();
            foreach (var claim in profile.Path("OutputClaims", "OutputClaim"))
            {
                string? partner = claim["PartnerClaimType"];
                if (partner != null) { names.Add(partner); continue; }
                string? id = claim["ClaimTypeReferenceId"];
                if (string.IsNullOrEmpty(id)) continue;
                names.Add(id!);
                names.AddRange(DefaultPartnerNames(context.Chain, id!, protocol));
            }
            if (names.Any(n => string.Equals(n, attribute.Value, StringComparison.OrdinalIgnoreCase))) return;
            context.Report(attribute, attribute.Value, profile["Id"], protocol ?? "its protocol", DidYouMean.Hint(attribute.Value, names));
        });

        /// <summary>
        /// The partner names a ClaimType's DefaultPartnerClaimTypes gives for the relying party's protocol, in any of its
        /// declarations along the chain (claimsschema: "The partner default claim types to use for a specified protocol").
        /// An OpenID Connect relying party issues a JWT, so its OAuth2 names count too; an unknown protocol takes them all.
        /// </summary>
        private static IEnumerable<string> DefaultPartnerNames(PolicyChain chain, string claimType, string? protocol)
        {
            foreach (var declaration in chain.All(DeclarationKind.ClaimType, claimType))
                foreach (var entry in declaration.Path("DefaultPartnerClaimTypes", "Protocol"))
                {
                    string? name = entry["PartnerClaimType"];
                    if (!string.IsNullOrEmpty(name) && Applies(entry["Name"], protocol)) yield return name!;
                }
        }

        private static bool Applies(string? entryProtocol, string? relyingPartyProtocol)
        {
            if (string.IsNullOrEmpty(relyingPartyProtocol) || string.Equals(entryProtocol, relyingPartyProtocol, StringComparison.OrdinalIgnoreCase)) return true;
            return string.Equals(relyingPartyProtocol, Protocols.OpenIdConnect, StringComparison.OrdinalIgnoreCase)
                && string.Equals(entryProtocol, Protocols.OAuth2, StringComparison.OrdinalIgnoreCase);
        }
    }
}
