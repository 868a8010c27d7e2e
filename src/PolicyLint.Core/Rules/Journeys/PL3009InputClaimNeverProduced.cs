using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Analysis.Flow;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// A required InputClaim (without DefaultValue) of a technical profile that no earlier step of the journey can have put in the
    /// claims bag. A may-analysis over all paths (see <see cref="ClaimFlow"/>), so it only fires when no path works.
    /// The upload rejects an InputClaim marked Required="true" of a profile a user-journey step runs (upload error U12 "Claim type
    /// "alternativeSecurityId" is the input claim of technical profile … in step "3" … but it is not an output claim in any of the
    /// previous steps": MicrosoftDocs/azure-docs#12948, #46988, Azure-Samples/active-directory-b2c-custom-policy-starterpack#144,
    /// all on the starter pack's Required="true" lookup key): an error. A required input of a validation profile or of a sub
    /// journey's step, or one the handler needs though it is not marked Required, uploads but fails when the step runs: a warning.
    /// Optional inputs (prefills, login_hint, Application Insights properties, REST fields) are sent only when present: not reported.
    /// </summary>
    public sealed class PL3009InputClaimNeverProduced : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3009",
            "Input claim never produced before use",
            "{0}nput claim '{1}' of technical profile '{2}' ({3}step {4} of {5}) is not produced by any earlier step; {6}.{7}",
            DiagnosticSeverity.Warning,
            "A required InputClaim (Required=\"true\", or the key of a Microsoft Entra ID profile) without DefaultValue of a technical profile that a journey step runs must be producible by some earlier step, the relying party's InputClaims or the journey's authorization profile. A may-analysis: any path counts, so only claims no path produces are reported. Optional inputs are not reported.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var flow = context.ClaimFlow;
            var started = new HashSet<string>(JourneyScope.RelyingPartyJourneys(context.Chain), StringComparer.OrdinalIgnoreCase);
            foreach (var journey in context.Get(JourneyScope.Of).UserJourneys)
            {
                // The upload checks the journeys a relying party starts, as merged along that relying party's chain (a child's
                // steps merge into the base's): a base journey some relying party of the build starts is checked there.
                bool startedHere = started.Contains(journey.Id);
                if (!startedHere && flow.StartedByARelyingParty(journey.Id)) continue;
                var result = flow.UserJourney(journey.Id);
                if (result == null) continue;
                foreach (var missing in result.Missing)
                {
                    if (!context.Chain.IsDeclared(DeclarationKind.ClaimType, missing.Claim)) continue; // PL2001 reports it
                    bool rejected = startedHere && missing.MarkedRequired && missing.ValidatedProfileId == null
                                    && missing.Journey.Kind == DeclarationKind.UserJourney && missing.Certain;
                    string via = missing.ValidatedProfileId == null ? "" : $"validation profile of '{missing.ValidatedProfileId}' in ";
                    string which = missing.MarkedRequired ? "Required i" : "I";
                    string consequence = (rejected
                        ? "the upload rejects a required input that no previous step outputs"
                        : "the profile cannot work without it when the step runs") + ": produce it before this step or give it a DefaultValue";
                    context.Report(rejected ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, missing.InputClaim,
                        which, missing.Claim, missing.ProfileId, via, missing.Step["Order"],
                        JourneyScope.Describe(missing.Journey), consequence, DidYouMean.Hint(missing.Claim, missing.Available));
                }
            }
        });
    }
}
