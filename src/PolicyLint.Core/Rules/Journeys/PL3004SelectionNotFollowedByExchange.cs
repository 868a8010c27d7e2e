using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// The provider the user picks on a selection page runs in the next step, which must be a ClaimsExchange step
    /// (schema.md §4; upload error U15 "…is followed by a claims provider selection step and must be a claims exchange…").
    /// </summary>
    public sealed class PL3004SelectionNotFollowedByExchange : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3004",
            "Selection not followed by a claims exchange",
            "{0} step {1} of {2} must be followed by a ClaimsExchange step, but {3}",
            DiagnosticSeverity.Error,
            "The step after a ClaimsProviderSelection or CombinedSignInAndSignUp step must be of Type ClaimsExchange: it runs the provider the user chose.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
            {
                var steps = journey.Steps;
                for (int i = 0; i < steps.Count; i++)
                {
                    var step = steps[i];
                    if (!JourneyScope.IsSelection(step)) continue;
                    if (i + 1 == steps.Count)
                    {
                        context.Report(step, JourneyScope.TypeOf(step), step["Order"], JourneyScope.Describe(journey), "it is the last step");
                        continue;
                    }
                    var next = steps[i + 1];
                    if (JourneyScope.TypeOf(next) == "ClaimsExchange") continue;
                    // Point at the step that has the wrong type, as the service's message does.
                    context.Report(next, JourneyScope.TypeOf(step), step["Order"], JourneyScope.Describe(journey),
                        $"step {next["Order"]} is of Type '{JourneyScope.TypeOf(next)}'");
                }
            }
        });
    }
}
