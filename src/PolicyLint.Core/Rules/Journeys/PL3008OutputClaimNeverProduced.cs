using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// Every relying-party OutputClaim without a DefaultValue must be an output of some step of the default journey
    /// (schema.md §5; upload error U13 "…is the output claim of the relying party's technical profile, but it is not an
    /// output claim in any of the steps of user journey…", MicrosoftDocs/azure-docs#12948). An error when the walk met only
    /// declared profiles and sub journeys (nothing unknown can produce the claim); a warning otherwise.
    /// </summary>
    public sealed class PL3008OutputClaimNeverProduced : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3008",
            "Claim sent to the application is never produced",
            "Relying-party output claim '{0}' is not produced by any step of UserJourney '{1}' (nor by its sub journeys); output it from a technical profile of the journey or give it a DefaultValue.{2}",
            DiagnosticSeverity.Error,
            "Every OutputClaim of the relying party's technical profile without a DefaultValue must be produced by some step of the default user journey (its technical profiles, their claims transformations, validation profiles and sub journeys, steps merged along the inheritance chain included).");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var rp = context.File.RelyingParty;
            var journeyId = JourneyScope.DefaultUserJourney(context.Chain)?.Value;
            if (rp == null || journeyId == null) return;
            var flow = context.ClaimFlow.UserJourney(journeyId);
            if (flow == null) return; // an undeclared journey is PL2005's
            foreach (var output in rp.Value.Path("TechnicalProfile", "OutputClaims", "OutputClaim"))
            {
                string? claim = output["ClaimTypeReferenceId"];
                if (string.IsNullOrEmpty(claim) || output["DefaultValue"] != null || flow.CanProduce(claim!)) continue;
                if (!context.Chain.IsDeclared(DeclarationKind.ClaimType, claim!)) continue; // PL2001 reports it
                // An undeclared profile or sub journey on the way might have produced it: that one is reported elsewhere.
                context.Report(flow.Complete ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, output,
                    claim, flow.Journey.Id, DidYouMean.Hint(claim!, flow.Produced));
            }
        });
    }
}
