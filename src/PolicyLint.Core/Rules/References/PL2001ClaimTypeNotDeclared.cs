using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2001ClaimTypeNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2001",
            "ClaimType not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "Every ClaimTypeReferenceId, the claim named by a precondition and a ClaimType localization must name a ClaimType declared in the policy or one of its bases.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.ClaimType };
    }
}
