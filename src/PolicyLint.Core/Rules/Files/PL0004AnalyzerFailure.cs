using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    /// <summary>Reported by the engine when a rule throws; never expected, always a bug in PolicyLint.</summary>
    public sealed class PL0004AnalyzerFailure : PolicyRule
    {
        public static readonly PL0004AnalyzerFailure Instance = new PL0004AnalyzerFailure();

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0004",
            "Analyzer failure",
            "PolicyLint failed while running {0} on this file: {1}. Please report this; the other rules and files were still analyzed",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) { }
    }
}
