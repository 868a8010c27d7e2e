using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2004ContentDefinitionNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2004",
            "ContentDefinition not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "ContentDefinitionReferenceId (on a step or in technical-profile metadata) must name a declared ContentDefinition.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.ContentDefinition };
    }
}
