using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1001BasePolicyNotFound : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1001",
            "Base policy not found",
            "Base policy '{0}' is not among the B2CPolicy or B2CPolicyReference items of this build.{1}",
            DiagnosticSeverity.Error,
            "Add the base policy's file to the project, or list it as a B2CPolicyReference when it is deployed from another repository.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var node = context.File.BasePolicyIdNode;
            string? id = node?.Text;
            if (node == null || string.IsNullOrEmpty(id) || Placeholders.IsDynamic(id)) return;
            if (context.Set.FindPolicy(id!) != null) return;
            context.ReportText(node, id, Hint(context, id!));
        });

        /// <summary>
        /// The nearest PolicyId and, when the build holds a base that no policy inherits from (no RelyingParty, nothing names
        /// it as its base) and the nearest is not one, that base too: a set whose extensions file was renamed then hears of it,
        /// not only of the starter pack's extensions that the renamed file inherits itself.
        /// </summary>
        private static string Hint(PolicyContext context, string id)
        {
            var set = context.Set;
            var orphans = set.Reported
                .Where(f => f != context.File && f.RelyingParty == null && !string.IsNullOrEmpty(f.PolicyId) && !set.IsBaseOfAnother(f, reportedOnly: false))
                .Select(f => f.PolicyId!).ToList();
            string? nearest = DidYouMean.Nearest(id, set.PolicyIds);
            string hint = nearest == null ? string.Empty : $" Did you mean '{nearest}'?";
            if (orphans.Count == 0 || (nearest != null && orphans.Contains(nearest, StringComparer.OrdinalIgnoreCase))) return hint;
            string names = string.Join(", ", orphans.Take(3).Select(o => $"'{o}'"));
            return hint + (orphans.Count == 1
                ? $" The build's {names} is a base that no policy inherits from: is it the one meant?"
                : $" The build's {names} are bases that no policy inherits from: is one of them the one meant?");
        }
    }
}
