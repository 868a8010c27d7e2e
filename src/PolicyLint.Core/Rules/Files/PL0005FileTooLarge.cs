using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0005FileTooLarge : PolicyRule
    {
        /// <summary>service-limits.md: "Maximum policy file size: 1024 KB".</summary>
        public const long MaxBytes = 1024 * 1024;

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0005",
            "Policy file exceeds 1024 KB",
            "The policy file is {0:N0} bytes; the B2C service accepts at most 1024 KB ({1:N0} bytes) per policy file. Move elements into a base policy.",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnDocument(context =>
        {
            long size = context.FileSize ?? System.Text.Encoding.UTF8.GetByteCount(context.Document.Text);
            if (size > MaxBytes) context.Report(context.Document, context.Document.FileStart, size, MaxBytes);
        });
    }
}
