using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

        public override RuleFix Fix { get; } = new RuleFix("numbers the steps 1..N in the order they run; for a child journey that merges into a base by Order, only the steps the child adds, in the child's file", isSafe: true);

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
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
        /// Numbers the steps in the order they run, editing only the nearest declaration's file (the journey's own, or the
        /// child's that adds steps to a base journey). A step the base declares keeps its Order, and so does a child's step
        /// of the same Order (it merges into the base's); only the steps the nearest file adds are renumbered, each to one
        /// more than the step before it. When the base itself leaves a gap, the fix is only offered, with a note: only the
        /// base can close it. None when another policy of the build also declares the journey (renumbering would move what
        /// it overrides) or an Order is unparsable or repeated in the nearest file (the run order is then a guess).
        /// </summary>
        private static CodeFix? Renumber(PolicyContext context, MergedJourney journey)
        {
            var nearest = journey.Nearest;
            var declaring = new HashSet<PolicyDocument>();
            foreach (var part in journey.Parts) declaring.Add(part.Document);
            foreach (var document in context.Get(JourneyDeclarations.Of).Declaring(nearest.Name, journey.Id))
                if (!declaring.Contains(document)) return null;
            var baseOrders = new HashSet<int>();
            for (int p = 0; p < journey.Parts.Count - 1; p++)
                foreach (var step in journey.Parts[p].Path("OrchestrationSteps", "OrchestrationStep"))
                {
                    if (MergedJourney.OrderOf(step) is not int order) return null;
                    baseOrders.Add(order);
                }
            var own = new HashSet<int>();
            foreach (var step in nearest.Path("OrchestrationSteps", "OrchestrationStep"))
                if (MergedJourney.OrderOf(step) is not int order || !own.Add(order)) return null;

            var edits = new List<FileEdit>();
            var gaps = new List<int>();
            int last = 0;
            foreach (var step in journey.Steps)
            {
                int order = MergedJourney.OrderOf(step)!.Value;
                if (step.Document == nearest.Document && !baseOrders.Contains(order))
                {
                    // Added by the nearest file: it fits between the steps around it, which only ever move down.
                    int number = ++last;
                    if (number != order) edits.Add(FileEdit.ReplaceValue(step.Attribute("Order")!, number.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    if (order != last + 1) gaps.Add(last + 1);
                    last = order;
                }
            }
            if (edits.Count == 0) return null;
            string what = journey.Parts.Count == 1
                ? $"Renumber the steps of {JourneyScope.Describe(journey)} 1..{journey.Steps.Count}"
                : $"Renumber the steps {System.IO.Path.GetFileName(nearest.Document.FilePath)} adds to {JourneyScope.Describe(journey)}";
            if (gaps.Count == 0) return new CodeFix(what, true, edits);
            string where = string.Join(", ", gaps.Select(g => g.ToString(CultureInfo.InvariantCulture)));
            return new CodeFix($"{what} (the base leaves a gap at Order {where}: only the base can close it)", false, edits);
        }
    }

    /// <summary>
    /// The files that declare each user and sub journey, by element name and Id (Ids ignoring case): a build fact, read
    /// when PL3001 offers a fix. It reads other files than the chain of the policy asking, only what AnalysisState.Shape
    /// records of them (the names and Ids of their journeys).
    /// </summary>
    internal sealed class JourneyDeclarations
    {
        public static readonly BuildFact<JourneyDeclarations> Of = Fact.OfBuild(set => new JourneyDeclarations(set));

        private readonly Dictionary<(string Name, string Id), List<PolicyDocument>> _declarers =
            new Dictionary<(string Name, string Id), List<PolicyDocument>>(new NameAndId());

        private JourneyDeclarations(PolicySet set)
        {
            foreach (var file in set.Files)
                foreach (var journey in file.Document.Elements(n => n == "UserJourney" || n == "SubJourney"))
                {
                    if (journey["Id"] is not string id) continue;
                    if (!_declarers.TryGetValue((journey.Name, id), out var documents)) _declarers[(journey.Name, id)] = documents = new List<PolicyDocument>();
                    documents.Add(file.Document);
                }
        }

        /// <summary>The documents that declare a journey of this element name and Id.</summary>
        public IReadOnlyList<PolicyDocument> Declaring(string name, string id)
            => _declarers.TryGetValue((name, id), out var documents) ? documents : (IReadOnlyList<PolicyDocument>)Array.Empty<PolicyDocument>();

        private sealed class NameAndId : IEqualityComparer<(string Name, string Id)>
        {
            public bool Equals((string Name, string Id) a, (string Name, string Id) b)
                => string.Equals(a.Name, b.Name, StringComparison.Ordinal) && string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);

            public int GetHashCode((string Name, string Id) key)
                => StringComparer.Ordinal.GetHashCode(key.Name) * 31 + StringComparer.OrdinalIgnoreCase.GetHashCode(key.Id);
        }
    }
}
