using System.Collections.Generic;
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
    /// A child's step merges with the base steps of the same Order (their ClaimsExchanges add up: upload error U14's common
    /// cause), so the payload may come from any of them.
    /// </summary>
    public sealed class PL3006StepIncomplete : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3006",
            "Step lacks what its type needs",
            "Step {0} of {1} is of Type '{2}' but {3}",
            DiagnosticSeverity.Error,
            "A ClaimsExchange step needs ClaimsExchanges, a SendClaims step a CpimIssuerTechnicalProfileReferenceId (unless the journey sets DefaultCpimIssuerTechnicalProfileReferenceId), an InvokeSubJourney step a JourneyList Candidate; in the step or in a base step of the same Order it merges with.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
            {
                bool hasDefaultIssuer = journey.Kind == DeclarationKind.UserJourney
                    && JourneyScope.JourneyAttribute(journey, "DefaultCpimIssuerTechnicalProfileReferenceId") != null;
                foreach (var step in journey.Steps)
                {
                    var merged = SameOrder(journey, step);
                    switch (JourneyScope.TypeOf(step))
                    {
                        case "ClaimsExchange" when !merged.Any(s => MergedJourney.ClaimsExchanges(s).Any()):
                            Report(context, journey, step, DiagnosticSeverity.Error, "has no ClaimsExchanges/ClaimsExchange to run");
                            break;
                        case "InvokeSubJourney" when !merged.Any(s => s.Path("JourneyList", "Candidate").Any(c => !string.IsNullOrEmpty(c["SubJourneyReferenceId"]))):
                            Report(context, journey, step, DiagnosticSeverity.Error, "has no JourneyList/Candidate naming a sub journey");
                            break;
                        case "SendClaims" when string.IsNullOrEmpty(step["CpimIssuerTechnicalProfileReferenceId"]) && !hasDefaultIssuer:
                            // Elements of same-Order steps merge; whether an attribute the child leaves out keeps the base's value is not documented.
                            var inherited = merged.Select(s => s["CpimIssuerTechnicalProfileReferenceId"]).LastOrDefault(v => !string.IsNullOrEmpty(v));
                            if (inherited == null)
                                Report(context, journey, step, DiagnosticSeverity.Error, "has no CpimIssuerTechnicalProfileReferenceId and the journey has no DefaultCpimIssuerTechnicalProfileReferenceId, so no token is issued");
                            else
                                Report(context, journey, step, DiagnosticSeverity.Warning, $"has no CpimIssuerTechnicalProfileReferenceId; the base step of the same Order names '{inherited}', and whether a step that leaves the attribute out keeps it is not documented: repeat it here");
                            break;
                    }
                }
            }
        });

        private static void Report(PolicyContext context, MergedJourney journey, PolicyNode step, DiagnosticSeverity severity, string missing)
            => context.Report(severity, step, step["Order"], JourneyScope.Describe(journey), JourneyScope.TypeOf(step), missing);

        /// <summary>The declarations of the step's Order along the chain, base first (the step itself last).</summary>
        private static List<PolicyNode> SameOrder(MergedJourney journey, PolicyNode step)
        {
            var order = MergedJourney.OrderOf(step);
            var result = new List<PolicyNode>();
            if (order == null) { result.Add(step); return result; }
            foreach (var part in journey.Parts)
                foreach (var candidate in part.Path("OrchestrationSteps", "OrchestrationStep"))
                    if (MergedJourney.OrderOf(candidate) == order) result.Add(candidate);
            return result;
        }
    }
}
