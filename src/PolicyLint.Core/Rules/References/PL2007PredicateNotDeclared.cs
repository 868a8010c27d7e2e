using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2007PredicateNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2007",
            "Predicate or PredicateValidation not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "PredicateReference, PredicateValidationReference and InputValidationReference must name a declared Predicate, PredicateValidation or InputValidation.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.Predicate, DeclarationKind.PredicateValidation, DeclarationKind.InputValidation };
    }
}
