using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    public sealed class PL2005JourneyNotDeclared : ReferenceRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2005",
            "UserJourney or SubJourney not declared",
            NotDeclaredMessage,
            DiagnosticSeverity.Error,
            "DefaultUserJourney, Endpoint and JourneyList Candidate references must name a declared UserJourney or SubJourney.");

        protected override DeclarationKind[] Kinds { get; } = { DeclarationKind.UserJourney, DeclarationKind.SubJourney };
    }
}
