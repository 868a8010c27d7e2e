using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// Each step type needs its payload (schema.md §4): a ClaimsExchange step its exchanges, a SendClaims step a token issuer
    /// (its own, or the journey's DefaultCpimIssuerTechnicalProfileReferenceId), an InvokeSubJourney step a candidate.
    /// </summary>
    public sealed class PL3006StepIncomplete : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3006",
            "Step lacks what its type needs",
            "Step {0} of {1} is of Type '{2}' but {3}",
            DiagnosticSeverity.Error,
            "A ClaimsExchange step needs ClaimsExchanges, a SendClaims step a CpimIssuerTechnicalProfileReferenceId (unless the journey sets DefaultCpimIssuerTechnicalProfileReferenceId), an InvokeSubJourney step a JourneyList Candidate.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in JourneyScope.For(context).Journeys)
            {
                bool hasDefaultIssuer = journey.Kind == DeclarationKind.UserJourney
                    && JourneyScope.JourneyAttribute(journey, "DefaultCpimIssuerTechnicalProfileReferenceId") != null;
                foreach (var step in journey.Steps)
                {
                    string? missing = Missing(step, hasDefaultIssuer);
                    if (missing != null) context.Report(step, step["Order"], JourneyScope.Describe(journey), JourneyScope.TypeOf(step), missing);
                }
            }
        });

        private static string? Missing(PolicyNode step, bool hasDefaultIssuer) => JourneyScope.TypeOf(step) switch
        {
            "ClaimsExchange" when !MergedJourney.ClaimsExchanges(step).Any()
                => "has no ClaimsExchanges/ClaimsExchange to run",
            "SendClaims" when string.IsNullOrEmpty(step["CpimIssuerTechnicalProfileReferenceId"]) && !hasDefaultIssuer
                => "has no CpimIssuerTechnicalProfileReferenceId and the journey has no DefaultCpimIssuerTechnicalProfileReferenceId, so no token is issued",
            "InvokeSubJourney" when !step.Path("JourneyList", "Candidate").Any(c => !string.IsNullOrEmpty(c["SubJourneyReferenceId"]))
                => "has no JourneyList/Candidate naming a sub journey",
            _ => null,
        };
    }
}
