using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.ClaimsTransformations
{
    /// <summary>The data types each method takes, from the docs' tables (claims-transformations.md §4).</summary>
    public sealed class PL4003TransformationDataTypeMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL4003",
            "Data type does not match the method",
            "{0}",
            DiagnosticSeverity.Warning,
            "The ClaimType's DataType (resolved along the inheritance chain) or the InputParameter's DataType differs from what the method takes.");

        public override void Initialize(RuleRegistration registration) => TransformationShape.OnTransformation(registration, (context, node, method, id) =>
        {
            foreach (var list in TransformationList.All)
            {
                foreach (var (entry, slot, open) in list.Entries(node, method))
                {
                    var types = slot?.DataTypes ?? open?.DataTypes;
                    if (types == null) continue;
                    string slotName = slot?.Name ?? entry[list.NameAttribute] ?? "(unnamed)";
                    string takes = TransformationTypes.Describe(types);
                    if (list.IsParameter)
                    {
                        var dataType = entry.Attribute("DataType");
                        if (dataType == null || dataType.Value.Length == 0 || TransformationTypes.Accepts(types, dataType.Value)) continue;
                        context.Report(dataType, $"InputParameter '{slotName}' of ClaimsTransformation '{id}' has DataType '{dataType.Value}', but method '{method.Name}' takes {takes}.");
                        continue;
                    }
                    var claim = entry.Attribute("ClaimTypeReferenceId");
                    if (claim == null || claim.Value.Length == 0) continue;
                    string? claimType = TransformationShape.ClaimDataType(context, claim.Value);
                    if (claimType == null || TransformationTypes.Accepts(types, claimType)) continue;
                    context.Report(claim, $"ClaimType '{claim.Value}' has DataType '{claimType}' (as declared in {context.Chain.Describe()}), but the {list.What} '{slotName}' of method '{method.Name}' takes {takes} (ClaimsTransformation '{id}').");
                }
            }
        });
    }
}
