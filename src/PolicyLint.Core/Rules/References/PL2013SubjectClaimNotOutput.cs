using System.Linq;
using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.References
{
    /// <summary>SubjectNamingInfo/@ClaimType names the PartnerClaimType (e.g. sub) of a relying-party output claim (schema.md §5).</summary>
    public sealed class PL2013SubjectClaimNotOutput : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2013",
            "Subject claim not among the relying party's output claims",
            "SubjectNamingInfo ClaimType '{0}' matches no OutputClaim of relying-party technical profile '{1}' (by PartnerClaimType, else ClaimTypeReferenceId); the token would have no subject.{2}",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("SubjectNamingInfo", (context, node) =>
        {
            if (node.Parent is not PolicyNode profile || profile.Parent?.IsNamed("RelyingParty") != true) return;
            var attribute = node.Attribute("ClaimType");
            if (attribute == null || attribute.Value.Length == 0) return;
            var names = profile.Path("OutputClaims", "OutputClaim")
                .Select(c => c["PartnerClaimType"] ?? c["ClaimTypeReferenceId"])
                .Where(n => n != null).Select(n => n!).ToList();
            if (names.Any(n => string.Equals(n, attribute.Value, StringComparison.OrdinalIgnoreCase))) return;
            context.Report(attribute, attribute.Value, profile["Id"], DidYouMean.Hint(attribute.Value, names));
        });
    }
}
