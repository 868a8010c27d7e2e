using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2009LocalizedResourcesNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2009",
            "LocalizedResources not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "A LocalizedResourcesReference must name declared LocalizedResources.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.LocalizedResources };
    }
}
