using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    /// <summary>Reported by the configuration stage (Configuration/Baseline), which reads the baseline file.</summary>
    public sealed class PL0007StaleBaselineEntry : PolicyRule
    {
        public static readonly PL0007StaleBaselineEntry Instance = new PL0007StaleBaselineEntry();

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0007",
            "Baseline entry no longer matches",
            "Baseline entry {0} in '{1}'{2} matches no finding any more{3}; remove it, or update the baseline with -p:PolicyLintUpdateBaseline=true",
            DiagnosticSeverity.Info,
            "A finding the baseline lists was fixed (or moved to another element): the entry would hide the same mistake if it came back.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) { }
    }
}
