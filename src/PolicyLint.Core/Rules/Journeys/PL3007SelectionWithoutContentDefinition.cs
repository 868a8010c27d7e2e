using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>A selection step renders a page, which needs a content definition (schema.md §2.5, §4).</summary>
    public sealed class PL3007SelectionWithoutContentDefinition : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3007",
            "Selection step without content definition",
            "{0} step {1} of {2} has no ContentDefinitionReferenceId; the selection page has nothing to render (use e.g. 'api.idpselections' or 'api.signuporsignin')",
            DiagnosticSeverity.Warning,
            "ClaimsProviderSelection and CombinedSignInAndSignUp steps render a page and should name its ContentDefinitionReferenceId.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
                foreach (var step in journey.Steps)
                {
                    if (!JourneyScope.IsSelection(step) || !string.IsNullOrEmpty(step["ContentDefinitionReferenceId"])) continue;
                    context.Report(step, JourneyScope.TypeOf(step), step["Order"], JourneyScope.Describe(journey));
                }
        });
    }
}
