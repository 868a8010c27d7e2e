using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// Orders of the merged journey must run 1..N without gaps or duplicates (schema.md §4; upload errors U16, U17:
    /// "…was expected to have step with order "{n}" but it was not found…").
    /// </summary>
    public sealed class PL3001StepsOutOfSequence : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3001",
            "Orchestration steps out of sequence",
            "{0} is out of sequence: {1}; number the steps 1..N without gaps or duplicates",
            DiagnosticSeverity.Error,
            "The OrchestrationStep Orders of a journey, merged along the inheritance chain (a child's step replaces the base's step of the same Order), must run 1, 2, ..., N without gaps or duplicates. Reports the first step out of place.");

        public override RuleFix Fix { get; } = new RuleFix("numbers the steps 1..N in the order they run, when the journey is declared in one file that no other policy redeclares", isSafe: true);

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in JourneyScope.For(context).Journeys)
                Check(context, journey);
        });

        private static void Check(PolicyContext context, MergedJourney journey)
        {
            // A gap in the merged sequence (a child's step replaces the base's step of the same Order).
            int expected = 1;
            foreach (var step in journey.Steps)
            {
                if (!(MergedJourney.OrderOf(step) is int order)) continue; // not a number: a schema error, not ours
                if (order != expected)
                {
                    context.Report(Renumber(context, journey), step, JourneyScope.Describe(journey), $"expected a step with Order {expected} but the next one has Order {order}");
                    return;
                }
                expected++;
            }
            // Two steps with one Order inside one declaration are PL0104's (the schema key); not reported twice.
        }

        /// <summary>
        /// Numbers the steps 1..N in the order they run. Only for a journey declared in one file that no other policy of the
        /// build redeclares: a child merges its steps by Order, so renumbering a base would move what the child overrides.
        /// </summary>
        private static CodeFix? Renumber(PolicyContext context, MergedJourney journey)
        {
            if (journey.Parts.Count != 1) return null;
            var part = journey.Parts[0];
            // Every step has its own number (no duplicate, nothing unparsable): the run order is then certain.
            int declared = 0;
            foreach (var _ in part.Path("OrchestrationSteps", "OrchestrationStep")) declared++;
            if (declared != journey.Steps.Count) return null;
            foreach (var step in journey.Steps)
                if (MergedJourney.OrderOf(step) == null) return null;
            foreach (var file in context.Set.Files)
            {
                if (ReferenceEquals(file.Document, part.Document)) continue;
                foreach (var other in file.Document.Elements(n => n == part.Name))
                    if (JourneyScope.SameId(other["Id"], journey.Id)) return null;
            }
            var edits = new List<FileEdit>();
            for (int i = 0; i < journey.Steps.Count; i++)
            {
                var order = journey.Steps[i].Attribute("Order")!;
                string number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (order.Value != number) edits.Add(FileEdit.ReplaceValue(order, number));
            }
            return new CodeFix($"Renumber the steps of {JourneyScope.Describe(journey)} 1..{journey.Steps.Count}", true, edits);
        }
    }
}
