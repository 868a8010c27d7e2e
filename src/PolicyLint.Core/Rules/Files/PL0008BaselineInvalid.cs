using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Files
{
    /// <summary>Reported by the configuration stage (Configuration/Baseline), which reads the baseline file.</summary>
    public sealed class PL0008BaselineInvalid : PolicyRule
    {
        public static readonly PL0008BaselineInvalid Instance = new PL0008BaselineInvalid();

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0008",
            "Baseline file cannot be used",
            "Baseline file '{0}' cannot be used: {1}; every finding is reported as new",
            DiagnosticSeverity.Error,
            "The baseline file named by PolicyLintBaseline is not valid JSON of the baseline's form.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) { }
    }
}
