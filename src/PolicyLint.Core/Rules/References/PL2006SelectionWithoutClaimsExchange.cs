using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.References
{
    /// <summary>
    /// TargetClaimsExchangeId must name a ClaimsExchange of the next step, ValidationClaimsExchangeId one of the same step
    /// (schema.md §4); otherwise the button leads to run-time error AADB2C90304.
    /// </summary>
    public sealed class PL2006SelectionWithoutClaimsExchange : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2006",
            "Claims provider selection has no matching claims exchange",
            "{0} '{1}' in journey '{2}' step {3} has no ClaimsExchange with that Id in {4}.{5}",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var kind in new[] { DeclarationKind.UserJourney, DeclarationKind.SubJourney })
                foreach (var id in context.File.Declarations(kind).Keys)
                {
                    var journey = context.Journey(kind, id);
                    if (journey != null) Check(context, journey);
                }
        });

        private static void Check(PolicyContext context, MergedJourney journey)
        {
            var steps = journey.Steps;
            for (int i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                PolicyNode? next = i + 1 < steps.Count ? steps[i + 1] : null;
                foreach (var selection in step.Path("ClaimsProviderSelections", "ClaimsProviderSelection"))
                {
                    Verify(context, journey, step, selection.Attribute("TargetClaimsExchangeId"), next, next == null ? null : steps[i + 1]["Order"]);
                    Verify(context, journey, step, selection.Attribute("ValidationClaimsExchangeId"), step, null, sameStep: true);
                }
            }
        }

        private static void Verify(PolicyContext context, MergedJourney journey, PolicyNode step, PolicyAttribute? attribute, PolicyNode? target, string? targetOrder, bool sameStep = false)
        {
            if (attribute == null || attribute.Value.Length == 0 || Placeholders.IsDynamic(attribute.Value)) return;
            if (target != null)
                foreach (var exchange in MergedJourney.ClaimsExchanges(target.Value))
                    if (string.Equals(exchange["Id"], attribute.Value, StringComparison.OrdinalIgnoreCase)) return;
            var ids = target == null ? new List<string>() : MergedJourney.ClaimsExchanges(target.Value).Select(e => e["Id"]).Where(v => v != null).Select(v => v!).ToList();
            string where = sameStep ? "the same step" : target == null ? "the next step (there is none)" : $"the next step (step {targetOrder})";
            context.Report(attribute, attribute.Name, attribute.Value, journey.Id, step["Order"], where, DidYouMean.Hint(attribute.Value, ids));
        }
    }
}
