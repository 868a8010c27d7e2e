using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2002TechnicalProfileNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2002",
            "TechnicalProfile not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "References to technical profiles (claims exchanges, validation, include, session management, token issuer, display-control actions) must resolve along the inheritance chain.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.TechnicalProfile };
    }
}
