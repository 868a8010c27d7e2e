using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0001NotWellFormed : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0001",
            "Policy file is not well-formed XML",
            "The policy is not well-formed XML: {0}",
            DiagnosticSeverity.Error,
            "The B2C service rejects a file the XML parser cannot read; the rest of this file is not analyzed.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnDocument(context =>
        {
            var failure = context.Document.ParseFailure;
            if (failure != null && !failure.IsDtd) context.Report(context.Document, failure.Span, failure.Message);
        });
    }
}
