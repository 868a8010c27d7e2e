using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.ClaimsTransformations
{
    /// <summary>TransformationMethod is a free string in the XSD; the documented methods are the only check (claims-transformations.md §4).</summary>
    public sealed class PL4001UnknownTransformationMethod : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL4001",
            "Unknown transformation method",
            "TransformationMethod '{0}' of ClaimsTransformation '{1}' is not one of the {2} documented claims transformation methods.{3}",
            DiagnosticSeverity.Error,
            "A ClaimsTransformation's TransformationMethod must name a documented method; the service rejects an unknown one.");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("ClaimsTransformation", (context, node) =>
        {
            if (node.Parent?.IsNamed("ClaimsTransformations") != true) return;
            var method = node.Attribute("TransformationMethod");
            if (method == null || method.Value.Length == 0 || Placeholders.IsDynamic(method.Value)) return;
            if (ClaimsTransformationCatalog.Find(method.Value) != null) return;
            context.Report(method, method.Value, node["Id"], ClaimsTransformationCatalog.All.Count,
                DidYouMean.Hint(method.Value, ClaimsTransformationCatalog.Names));
        });
    }
}
