using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Analysis.Flow;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// A technical profile's InputClaim (without DefaultValue) that no earlier step of the journey can have put in the claims
    /// bag (upload error U12 "…is the input claim of technical profile … in step "3" … but it is not an output claim in any of
    /// the previous steps"). A may-analysis over all paths (see <see cref="ClaimFlow"/>), so it only fires when no path works.
    /// </summary>
    public sealed class PL3009InputClaimNeverProduced : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3009",
            "Input claim never produced before use",
            "Input claim '{0}' of technical profile '{1}' ({2}step {3} of {4}) is not produced by any earlier step; produce it before this step or give it a DefaultValue.{5}",
            DiagnosticSeverity.Warning,
            "An InputClaim (without DefaultValue) of a technical profile that a journey step runs must be producible by some earlier step, the relying party's InputClaims or the journey's authorization profile. A may-analysis: any path counts, so only claims no path produces are reported.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var flow = ClaimFlow.For(context);
            foreach (var journey in JourneyScope.For(context).UserJourneys)
            {
                var result = flow.UserJourney(journey.Id);
                if (result == null) continue;
                foreach (var missing in result.Missing)
                {
                    if (!context.Chain.IsDeclared(DeclarationKind.ClaimType, missing.Claim)) continue; // PL2001 reports it
                    string via = missing.ValidatedProfileId == null ? "" : $"validation profile of '{missing.ValidatedProfileId}' in ";
                    context.Report(missing.InputClaim, missing.Claim, missing.ProfileId, via, missing.Step["Order"],
                        JourneyScope.Describe(missing.Journey), DidYouMean.Hint(missing.Claim, missing.Available));
                }
            }
        });
    }
}
