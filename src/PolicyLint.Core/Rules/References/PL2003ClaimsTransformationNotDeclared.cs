using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2003ClaimsTransformationNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2003",
            "ClaimsTransformation not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "Input and output claims transformations must name a ClaimsTransformation declared in the policy or one of its bases.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.ClaimsTransformation };
    }
}
