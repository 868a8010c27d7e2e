using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// Reported by the environment plan (src/PolicyLint.Core/Settings) at the spot of the settings file that cannot
    /// be read; the policies are then analyzed without settings.
    /// </summary>
    public sealed class PL7009SettingsFileInvalid : PolicyRule
    {
        public static readonly PL7009SettingsFileInvalid Instance = new PL7009SettingsFileInvalid();

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7009",
            "Settings file is invalid",
            "Settings file '{0}' cannot be used: {1}. Policies were analyzed without its settings",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) { }
    }
}
