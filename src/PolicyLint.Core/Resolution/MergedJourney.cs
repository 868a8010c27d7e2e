using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// A UserJourney or SubJourney after merging every declaration of its Id along the chain:
    /// orchestration steps merge by Order, a child's step replacing the base's step of the same Order.
    /// </summary>
    public sealed class MergedJourney
    {
        private MergedJourney(string id, DeclarationKind kind, PolicyNodes parts, PolicyNodes steps)
        {
            Id = id;
            Kind = kind;
            Parts = parts;
            Steps = steps;
        }

        public string Id { get; }
        public DeclarationKind Kind { get; }
        /// <summary>Declarations, base first.</summary>
        public PolicyNodes Parts { get; }
        public PolicyNode Nearest => Parts[Parts.Count - 1];
        /// <summary>Effective steps sorted by Order (steps with an unparsable Order come last, in document order).</summary>
        public PolicyNodes Steps { get; }

        public static MergedJourney? Resolve(PolicyChain chain, DeclarationKind kind, string id)
        {
            var parts = chain.All(kind, id);
            if (parts.Count == 0) return null;
            // A later declaration's step replaces the earlier one of the same Order.
            var ordered = new List<(int Order, PolicyNode Step)>();
            var positionOf = new Dictionary<int, int>();
            var unordered = new List<PolicyNode>();
            foreach (var part in parts)
                foreach (var step in part.Path("OrchestrationSteps", "OrchestrationStep"))
                {
                    if (OrderOf(step) is not int order) unordered.Add(step);
                    else if (positionOf.TryGetValue(order, out int at)) ordered[at] = (order, step);
                    else
                    {
                        positionOf[order] = ordered.Count;
                        ordered.Add((order, step));
                    }
                }
            ordered.Sort((a, b) => a.Order.CompareTo(b.Order));
            var steps = new List<PolicyNode>(ordered.Count + unordered.Count);
            foreach (var (_, step) in ordered) steps.Add(step);
            steps.AddRange(unordered);
            return new MergedJourney(id, kind, parts, PolicyNodes.From(steps));
        }

        public static int? OrderOf(PolicyNode step)
            => int.TryParse(step["Order"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int o) ? o : (int?)null;

        /// <summary>The ClaimsExchange elements of a step.</summary>
        public static PolicyNodePath ClaimsExchanges(PolicyNode step) => step.Path("ClaimsExchanges", "ClaimsExchange");
    }
}
