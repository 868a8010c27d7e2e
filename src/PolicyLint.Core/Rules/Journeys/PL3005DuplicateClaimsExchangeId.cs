using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// ClaimsExchange Ids are unique within a journey (the XSD key UniqueClaimsExchangeId; upload error U16
    /// "There is a duplicate key sequence '{name}'"). On the merged journey a child's new step can clash with a base step.
    /// </summary>
    public sealed class PL3005DuplicateClaimsExchangeId : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3005",
            "Duplicate ClaimsExchange Id in a journey",
            "ClaimsExchange Id '{0}' is used again in step {1} of {2} (first in step {3}); Ids must be unique within a journey",
            DiagnosticSeverity.Error,
            "ClaimsExchange Ids must be unique within a journey, across all its merged steps.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var first = new Dictionary<string, (PolicyNode Step, PolicyNode Exchange)>(StringComparer.OrdinalIgnoreCase);
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
            {
                first.Clear();
                foreach (var step in journey.Steps)
                    foreach (var exchange in MergedJourney.ClaimsExchanges(step))
                    {
                        string? id = exchange["Id"];
                        if (string.IsNullOrEmpty(id)) continue;
                        if (!first.TryGetValue(id!, out var earlier)) first[id!] = (step, exchange);
                        else if (!SameKey(earlier.Exchange, exchange))
                            context.Report(exchange, id, step["Order"], JourneyScope.Describe(journey), earlier.Step["Order"]);
                    }
            }
        });

        // Within one journey element the schema's key catches an exact repeat: that is PL0104's, not reported twice.
        private static bool SameKey(PolicyNode a, PolicyNode b)
            => Nullable.Equals(JourneyOf(a), JourneyOf(b)) && string.Equals(a["Id"], b["Id"], StringComparison.Ordinal);

        private static PolicyNode? JourneyOf(PolicyNode exchange) => exchange.Ancestor("UserJourney") ?? exchange.Ancestor("SubJourney");
    }
}
