using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// A ClaimsExchange step may offer several exchanges only right after a selection step, which lets the user pick one
    /// (schema.md §4; upload error U14 "…step 7 with 2 claims exchanges. It must be preceded by a claims provider selection…").
    /// </summary>
    public sealed class PL3003ExchangesWithoutSelection : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3003",
            "Several claims exchanges without a selection",
            "Step {0} of {1} has {2} claims exchanges but {3}; only a step after a ClaimsProviderSelection or CombinedSignInAndSignUp step may offer more than one",
            DiagnosticSeverity.Error,
            "A ClaimsExchange step with more than one ClaimsExchange must directly follow a ClaimsProviderSelection or CombinedSignInAndSignUp step, which lets the user choose one of them.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
            {
                var steps = journey.Steps;
                for (int i = 0; i < steps.Count; i++)
                {
                    var step = steps[i];
                    if (JourneyScope.TypeOf(step) != "ClaimsExchange") continue;
                    int count = MergedJourney.ClaimsExchanges(step).Count();
                    if (count < 2 || (i > 0 && JourneyScope.IsSelection(steps[i - 1]))) continue;
                    string before = i == 0 ? "it is the first step" : $"the step before it (Order {steps[i - 1]["Order"]}) is of Type '{JourneyScope.TypeOf(steps[i - 1])}'";
                    context.Report(step, step["Order"], JourneyScope.Describe(journey), count, before);
                }
            }
        });
    }
}
