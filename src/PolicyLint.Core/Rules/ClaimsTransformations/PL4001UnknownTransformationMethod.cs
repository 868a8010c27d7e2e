using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Common;

namespace PolicyLint.Rules.ClaimsTransformations
{
    /// <summary>
    /// TransformationMethod is a free string in the XSD; the known methods are the only check (claims-transformations.md §4).
    /// A typo of a known method is an error; any other name is a warning, since the service has methods the docs omit.
    /// </summary>
    public sealed class PL4001UnknownTransformationMethod : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL4001",
            "Unknown transformation method",
            "TransformationMethod '{0}' of ClaimsTransformation '{1}' is not one of the {2} documented claims transformation methods nor one seen working in Microsoft's samples.{3}",
            DiagnosticSeverity.Error,
            "A ClaimsTransformation's TransformationMethod must name a method the service has: a typo of a known method is an error (no such method exists, so the transformation can never run), any other unknown name a warning (it may be a real method the docs omit).");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("ClaimsTransformation", (context, node) =>
        {
            if (node.Parent?.IsNamed("ClaimsTransformations") != true) return;
            var method = node.Attribute("TransformationMethod");
            if (method == null || method.Value.Length == 0 || Placeholders.IsDynamic(method.Value)) return;
            if (ClaimsTransformationCatalog.Find(method.Value) != null) return;
            var (severity, hint) = DidYouMean.JudgeUnknown(method.Value, ClaimsTransformationCatalog.Names);
            string tail = hint.Length > 0 ? hint : " If it is an undocumented method that works, suppress this warning.";
            context.Report(severity, method, method.Value, node["Id"], ClaimsTransformationCatalog.DocumentedCount, tail);
        });
    }
}
