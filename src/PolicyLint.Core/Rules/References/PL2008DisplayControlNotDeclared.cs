using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2008DisplayControlNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2008",
            "DisplayControl not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "A DisplayClaim's DisplayControlReferenceId must name a declared DisplayControl.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.DisplayControl };
    }
}
