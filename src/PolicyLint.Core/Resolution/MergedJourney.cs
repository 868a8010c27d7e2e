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
        private MergedJourney(string id, DeclarationKind kind, IReadOnlyList<PolicyNode> parts, IReadOnlyList<PolicyNode> steps)
        {
            Id = id;
            Kind = kind;
            Parts = parts;
            Steps = steps;
        }

        public string Id { get; }
        public DeclarationKind Kind { get; }
        /// <summary>Declarations, base first.</summary>
        public IReadOnlyList<PolicyNode> Parts { get; }
        public PolicyNode Nearest => Parts[Parts.Count - 1];
        /// <summary>Effective steps sorted by Order (steps with an unparsable Order come last, in document order).</summary>
        public IReadOnlyList<PolicyNode> Steps { get; }

        public static MergedJourney? Resolve(PolicyChain chain, DeclarationKind kind, string id)
        {
            var parts = chain.All(kind, id);
            if (parts.Count == 0) return null;
            var byOrder = new SortedDictionary<int, PolicyNode>();
            var unordered = new List<PolicyNode>();
            foreach (var part in parts)
                foreach (var step in part.Path("OrchestrationSteps", "OrchestrationStep"))
                {
                    int? order = OrderOf(step);
                    if (order is int o) byOrder[o] = step;
                    else unordered.Add(step);
                }
            return new MergedJourney(id, kind, parts, byOrder.Values.Concat(unordered).ToList());
        }

        public static int? OrderOf(PolicyNode step)
            => int.TryParse(step["Order"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int o) ? o : (int?)null;

        /// <summary>The ClaimsExchange elements of a step.</summary>
        public static PolicyNodePath ClaimsExchanges(PolicyNode step) => step.Path("ClaimsExchanges", "ClaimsExchange");
    }
}
