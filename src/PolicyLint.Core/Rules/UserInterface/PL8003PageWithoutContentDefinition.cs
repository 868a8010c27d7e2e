using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>
    /// A page-rendering profile (self-asserted, phone factor) that a journey runs with no content definition:
    /// the service accepts the upload and the step fails at sign-in (user-interface.md §1.6).
    /// </summary>
    public sealed class PL8003PageWithoutContentDefinition : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8003",
            "Page step without a content definition",
            "Claims exchange '{0}' in {1} '{2}' runs technical profile '{3}'{4}, which renders a page, but {5}",
            DiagnosticSeverity.Error,
            "A self-asserted or phone-factor technical profile that a journey runs needs a content definition with a DataUri, from its ContentDefinitionReferenceId metadata or from the orchestration step.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var journeys = context.Get(JourneyRuns.Of);
            foreach (var run in journeys.Runs)
            {
                if (!PageProfiles.RendersPage(run.Profile)) continue;
                string? problem = Problem(context, run);
                if (problem == null) continue;
                string via = run.IsValidation ? " (as a validation technical profile)" : string.Empty;
                string kind = run.Journey.Kind == DeclarationKind.SubJourney ? "sub journey" : "user journey";
                context.Report(run.Exchange, run.Exchange["Id"], kind, run.Journey.Id, run.Profile.Id, via, problem);
            }
        });

        private static string? Problem(PolicyContext context, ProfileRun run)
        {
            string? fromProfile = PageProfiles.ContentDefinitionOf(run.Profile);
            string? fromStep = run.Step["ContentDefinitionReferenceId"];
            string? id = fromProfile ?? (string.IsNullOrWhiteSpace(fromStep) ? null : fromStep!.Trim());
            if (id == null)
                return $"neither its ContentDefinitionReferenceId metadata nor orchestration step {run.Step["Order"]} names a content definition (looked in {context.DescribeFrom(run.Exchange)})";
            if (Placeholders.IsDynamic(id)) return null;
            var definition = MergedContentDefinition.For(context, id);
            if (definition == null) return null; // PL2004 reports the dangling reference
            if (!string.IsNullOrWhiteSpace(definition.DataUriText)) return null;
            return $"its content definition '{id}' has no DataUri in {context.DescribeFrom(run.Exchange)}";
        }
    }
}
