using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    /// <summary>Reported by the configuration stage (Configuration/DiagnosticConfigurator), which sees the suppressions.</summary>
    public sealed class PL0006UnnecessarySuppression : PolicyRule
    {
        public static readonly PL0006UnnecessarySuppression Instance = new PL0006UnnecessarySuppression();

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0006",
            "Unnecessary suppression",
            "This '{0}' comment suppresses nothing{1}; remove it",
            DiagnosticSeverity.Info);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) { }
    }
}
