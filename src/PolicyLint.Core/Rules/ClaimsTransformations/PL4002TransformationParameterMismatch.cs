using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.ClaimsTransformations
{
    /// <summary>
    /// Each input claim, input parameter and output claim must fill a slot the method documents, and every
    /// required input claim and parameter must be there (claims-transformations.md §4, §5 for the accepted aliases).
    /// Errors, except an input parameter the method does not take and that is not a misspelling of one it does: the method
    /// ignores it (advanced-policies' conditional-access sample passes compareTo and ignoreCase to OrClaims), a warning.
    /// </summary>
    public sealed class PL4002TransformationParameterMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL4002",
            "Parameters do not match the method",
            "{0}",
            DiagnosticSeverity.Error,
            "A TransformationClaimType or InputParameter Id the method does not take is ignored or rejected, and a required one that is missing makes the transformation fail.");

        public override void Initialize(RuleRegistration registration) => TransformationShape.OnTransformation(registration, (context, node, method, id) =>
        {
            foreach (var list in TransformationList.All)
            {
                foreach (var (entry, slot, open) in list.Entries(node, method))
                {
                    if (slot != null || open != null) continue;
                    var attribute = entry.Attribute(list.NameAttribute);
                    string takes = $"method '{method.Name}' takes {list.DescribeNames(method)}";
                    if (attribute == null || attribute.Value.Length == 0)
                    {
                        if (list.IsParameter) continue; // InputParameter without Id is a schema error (PL0102)
                        context.Report(entry, $"{list.ItemName} '{entry["ClaimTypeReferenceId"]}' of ClaimsTransformation '{id}' has no {list.NameAttribute}; {takes}.");
                        continue;
                    }
                    string hint = DidYouMean.Hint(attribute.Value, list.Slots(method).Select(s => s.Name));
                    // The upload rejects input claims the method does not expect (U20). A parameter it does not take is ignored:
                    // a warning, unless it looks like a misspelt one the method then lacks.
                    var severity = list.IsParameter && hint.Length == 0 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
                    string ignored = severity == DiagnosticSeverity.Warning ? " The method ignores it." : "";
                    context.Report(severity, attribute, $"{list.NameAttribute} '{attribute.Value}' is not an {list.What} of method '{method.Name}' (ClaimsTransformation '{id}'); it takes {list.DescribeNames(method)}.{ignored}{hint}");
                }

                foreach (var slot in list.Slots(method))
                {
                    if (!slot.Required || Present(node, list, slot)) continue;
                    context.Report(node, $"ClaimsTransformation '{id}' lacks the {list.What} '{slot.Name}' that method '{method.Name}' requires (add an {list.ItemName} with {list.NameAttribute}=\"{slot.Name}\").");
                }
            }
        });

        private static bool Present(PolicyNode transformation, TransformationList list, Catalogs.TransformationSlot slot)
        {
            foreach (var entry in transformation.Path(list.ListName, list.ItemName))
                if (entry[list.NameAttribute] is string name && slot.Matches(name)) return true;
            return false;
        }
    }
}
