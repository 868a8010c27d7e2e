using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>
    /// The provider's stable user id must reach the account-linking input: the key input claim of the
    /// CreateAlternativeSecurityId transformation the profile runs (issuerUserId in the starter pack).
    /// </summary>
    public sealed class PL6001UserIdNotMapped : IdentityProviderRule
    {
        private const string DefaultLinkingClaim = "issuerUserId";

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6001",
            "Provider's user identifier not mapped",
            "{0} profile '{1}': {2} (see {3})",
            DiagnosticSeverity.Error,
            "The claim that carries the provider's stable user id must be mapped by an OutputClaim to the claim that the CreateAlternativeSecurityId transformation reads as its key; otherwise the account cannot be created or found (run-time 'A claim with id ... was not found').");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            string userIdClaim = provider.UserIdClaims[0];
            var mappings = profile.OutputClaims
                .Where(c => provider.UserIdClaims.Contains(c["PartnerClaimType"] ?? c["ClaimTypeReferenceId"] ?? "", StringComparer.OrdinalIgnoreCase))
                .ToList();
            var linking = LinkingTransformation(context, profile);
            string target = linking?.KeyClaim ?? DefaultLinkingClaim;

            if (mappings.Count == 0)
            {
                // The linking claim filled from another of the provider's claims: the account links, on an id the article does not name.
                PolicyNode? other = null;
                foreach (var c in profile.OutputClaims)
                    if (string.Equals(c["ClaimTypeReferenceId"], target, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(c["PartnerClaimType"])) other = c;
                if (other is PolicyNode otherNode)
                {
                    context.ReportAt(DiagnosticSeverity.Warning, otherNode, "PartnerClaimType", provider.Name, NameOf(profile),
                        $"'{target}' is mapped from the provider's claim '{otherNode["PartnerClaimType"]}', not from its documented user identifier '{userIdClaim}'; accounts link on that claim, which works only if the provider keeps it unique and unchanged for each user",
                        provider.DocsUrl);
                    return;
                }
                context.Report(profile.Nearest, provider.Name, NameOf(profile),
                    $"no OutputClaim maps the provider's user identifier '{userIdClaim}', so the account cannot be linked; add <OutputClaim ClaimTypeReferenceId=\"{target}\" PartnerClaimType=\"{userIdClaim}\" />",
                    provider.DocsUrl);
                return;
            }
            if (linking == null) return; // no account linking in this profile: any mapping will do

            foreach (var mapping in mappings)
            {
                string? claim = mapping["ClaimTypeReferenceId"];
                if (claim != null && Reaches(context, profile, claim, linking.Value)) return;
            }

            var first = mappings[0];
            string mapped = first["ClaimTypeReferenceId"] ?? "";
            string partner = first["PartnerClaimType"] ?? mapped;
            string article = provider.ArticleUserIdTarget != null && string.Equals(mapped, provider.ArticleUserIdTarget, StringComparison.OrdinalIgnoreCase)
                ? $"; Microsoft's {provider.Name} article maps {partner} to {provider.ArticleUserIdTarget}, which does not link accounts"
                : string.Empty;
            string message = $"the provider's user identifier '{partner}' is mapped to claim '{mapped}', which never reaches '{linking.Value.KeyClaim}', the key input of the {linking.Value.Id} transformation that links the account; map it to '{linking.Value.KeyClaim}' instead (PartnerClaimType=\"{partner}\"){article}";
            context.ReportAt(first, "ClaimTypeReferenceId", provider.Name, NameOf(profile), message, provider.DocsUrl);
        }

        /// <summary>The CreateAlternativeSecurityId transformation the profile runs and the claim it reads as key.</summary>
        private static (string Id, string KeyClaim, int Index)? LinkingTransformation(PolicyContext context, MergedTechnicalProfile profile)
        {
            int index = 0;
            foreach (var reference in profile.OutputClaimsTransformations)
            {
                var transformation = Transformation(context, reference);
                if (transformation != null && string.Equals(transformation.Value["TransformationMethod"], "CreateAlternativeSecurityId", StringComparison.Ordinal))
                {
                    string? key = transformation.Value.Path("InputClaims", "InputClaim")
                        .Where(c => string.Equals(c["TransformationClaimType"], "key", StringComparison.Ordinal)).Select(c => c["ClaimTypeReferenceId"]).FirstOrDefault();
                    if (key != null) return (transformation.Value["Id"] ?? "", key, index);
                }
                index++;
            }
            return null;
        }

        /// <summary>Follows the profile's output claims transformations that run before the linking one.</summary>
        private static bool Reaches(PolicyContext context, MergedTechnicalProfile profile, string claim, (string Id, string KeyClaim, int Index) linking)
        {
            var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { claim };
            int index = 0;
            foreach (var reference in profile.OutputClaimsTransformations)
            {
                if (index++ >= linking.Index) break;
                var transformation = Transformation(context, reference);
                if (transformation == null) continue;
                bool fed = transformation.Value.Path("InputClaims", "InputClaim").Any(c => reached.Contains(c["ClaimTypeReferenceId"] ?? ""));
                if (!fed) continue;
                foreach (var output in transformation.Value.Path("OutputClaims", "OutputClaim"))
                {
                    string? id = output["ClaimTypeReferenceId"];
                    if (id != null) reached.Add(id);
                }
            }
            return reached.Contains(linking.KeyClaim);
        }

        private static PolicyNode? Transformation(PolicyContext context, PolicyNode reference)
        {
            string? id = reference["ReferenceId"];
            return id == null ? null : context.Resolve(DeclarationKind.ClaimsTransformation, id)?.Node;
        }
    }
}
