using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// A user journey ends by issuing a token (schema.md §4; upload error U18 "does not contain a send claims step").
    /// Sub journeys of Type Call return to their caller and are exempt; Transfer sub journeys never return, so they end the same way.
    /// </summary>
    public sealed class PL3002NoFinalSendClaims : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3002",
            "Journey does not end with SendClaims",
            "{0} must end with a SendClaims step, but {1}",
            DiagnosticSeverity.Error,
            "A user journey, and a sub journey of Type Transfer, must end with a SendClaims step that issues the token. Sub journeys of Type Call return to their caller and are exempt.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in JourneyScope.For(context).Journeys)
            {
                if (journey.Kind == DeclarationKind.SubJourney && JourneyScope.JourneyAttribute(journey, "Type") != "Transfer") continue;
                var steps = journey.Steps;
                string? problem;
                if (steps.Count == 0) problem = "it has no orchestration steps";
                else if (JourneyScope.TypeOf(steps[steps.Count - 1]) == "SendClaims") problem = null;
                else if (!steps.Any(s => JourneyScope.TypeOf(s) == "SendClaims")) problem = "it has no SendClaims step";
                else problem = $"its last step (Order {steps[steps.Count - 1]["Order"]}) is of Type '{JourneyScope.TypeOf(steps[steps.Count - 1])}'";
                if (problem != null) context.Report(journey.Nearest, JourneyScope.Describe(journey), problem);
            }
        });
    }
}
