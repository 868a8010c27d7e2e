using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// A UserJourney or SubJourney after merging every declaration of its Id along the chain. Orchestration steps merge
    /// by Order: a child's step of an Order the base has merges into the base's step, its ClaimsExchanges and JourneyList
    /// candidates added to the base's (an exchange with the same Id replaces the base's). That is why an extension that
    /// reuses a base journey's Id ends up with "step 7 with 2 claims exchanges" (upload error U14; azure-ad-b2c/samples#198,
    /// MicrosoftDocs/azure-docs#6866).
    /// </summary>
    public sealed class MergedJourney
    {
        private readonly Dictionary<PolicyNode, PolicyNodes> _stepParts;

        private MergedJourney(string id, DeclarationKind kind, PolicyNodes parts, PolicyNodes steps, Dictionary<PolicyNode, PolicyNodes> stepParts)
        {
            Id = id;
            Kind = kind;
            Parts = parts;
            Steps = steps;
            _stepParts = stepParts;
        }

        public string Id { get; }
        public DeclarationKind Kind { get; }
        /// <summary>Declarations, base first.</summary>
        public PolicyNodes Parts { get; }
        public PolicyNode Nearest => Parts[Parts.Count - 1];
        /// <summary>
        /// Effective steps sorted by Order, each the nearest declaration of its Order (steps with an unparsable Order come last,
        /// in document order). What a step runs is merged over all its declarations: see <see cref="ClaimsExchangesOf"/>.
        /// </summary>
        public PolicyNodes Steps { get; }

        public static MergedJourney? Resolve(PolicyChain chain, DeclarationKind kind, string id)
        {
            var parts = chain.All(kind, id);
            if (parts.Count == 0) return null;
            // Declarations of one Order, base first; the nearest stands for the step.
            var ordered = new List<(int Order, List<PolicyNode> Parts)>();
            var positionOf = new Dictionary<int, int>();
            var unordered = new List<PolicyNode>();
            foreach (var part in parts)
                foreach (var step in part.Path("OrchestrationSteps", "OrchestrationStep"))
                {
                    if (OrderOf(step) is not int order) unordered.Add(step);
                    else if (positionOf.TryGetValue(order, out int at)) ordered[at].Parts.Add(step);
                    else
                    {
                        positionOf[order] = ordered.Count;
                        ordered.Add((order, new List<PolicyNode> { step }));
                    }
                }
            ordered.Sort((a, b) => a.Order.CompareTo(b.Order));
            var steps = new List<PolicyNode>(ordered.Count + unordered.Count);
            var stepParts = new Dictionary<PolicyNode, PolicyNodes>();
            foreach (var (_, declarations) in ordered)
            {
                var nearest = declarations[declarations.Count - 1];
                steps.Add(nearest);
                if (declarations.Count > 1) stepParts[nearest] = PolicyNodes.From(declarations);
            }
            steps.AddRange(unordered);
            return new MergedJourney(id, kind, parts, PolicyNodes.From(steps), stepParts);
        }

        public static int? OrderOf(PolicyNode step)
            => int.TryParse(step["Order"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int o) ? o : (int?)null;

        /// <summary>The ClaimsExchange elements of one step declaration (not merged: see <see cref="ClaimsExchangesOf"/>).</summary>
        public static PolicyNodePath ClaimsExchanges(PolicyNode step) => step.Path("ClaimsExchanges", "ClaimsExchange");

        /// <summary>Every declaration of the step's Order along the chain, base first (the step itself last).</summary>
        public PolicyNodes PartsOf(PolicyNode step)
            => _stepParts.TryGetValue(step, out var parts) ? parts : PolicyNodes.From(new List<PolicyNode> { step });

        /// <summary>Whether a child's declaration of this Order merges into a base's.</summary>
        public bool IsMerged(PolicyNode step) => _stepParts.ContainsKey(step);

        /// <summary>The step's ClaimsExchanges merged over its declarations: a child's are added to the base's, one with the same Id replaces it.</summary>
        public IReadOnlyList<PolicyNode> ClaimsExchangesOf(PolicyNode step) => MergedChildren(step, "ClaimsExchanges", "ClaimsExchange", "Id");

        /// <summary>The step's JourneyList candidates merged over its declarations (one per SubJourneyReferenceId).</summary>
        public IReadOnlyList<PolicyNode> CandidatesOf(PolicyNode step) => MergedChildren(step, "JourneyList", "Candidate", "SubJourneyReferenceId");

        /// <summary>An attribute of the step as merged: the nearest declaration that sets it.</summary>
        public string? StepAttribute(PolicyNode step, string name)
        {
            var parts = PartsOf(step);
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                string? value = parts[i][name];
                if (!string.IsNullOrEmpty(value)) return value;
            }
            return null;
        }

        private IReadOnlyList<PolicyNode> MergedChildren(PolicyNode step, string list, string item, string key)
        {
            if (!_stepParts.TryGetValue(step, out var parts)) return step.Path(list, item).ToList();
            var result = new List<PolicyNode>();
            var at = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in parts)
                foreach (var child in part.Path(list, item))
                {
                    string? id = child[key];
                    if (string.IsNullOrEmpty(id)) result.Add(child);
                    else if (at.TryGetValue(id!, out int index)) result[index] = child;
                    else
                    {
                        at[id!] = result.Count;
                        result.Add(child);
                    }
                }
            return result;
        }
    }
}
