using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0002DtdNotAllowed : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0002",
            "DTDs and entities are not allowed",
            "The policy has a DOCTYPE; DTDs and entities are never processed (no external entities, no entity expansion), so the file is not analyzed",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnDocument(context =>
        {
            var failure = context.Document.ParseFailure;
            if (failure != null && failure.IsDtd) context.Report(context.Document, failure.Span);
        });
    }
}
