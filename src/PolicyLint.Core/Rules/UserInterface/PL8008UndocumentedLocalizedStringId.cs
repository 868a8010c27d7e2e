using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>
    /// An ErrorMessage or DisplayControl StringId missing from Microsoft's lists. Those lists are known to be
    /// incomplete (undocumented ids work), so this is a warning, apart from PL8004's certain errors.
    /// </summary>
    public sealed class PL8008UndocumentedLocalizedStringId : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8008",
            "Undocumented localized string id",
            "LocalizedString StringId '{0}' {1}",
            DiagnosticSeverity.Warning,
            "An ErrorMessage or DisplayControl StringId that is not among the documented ids: usually a typo, which leaves the default text on the page.");

        public override void Initialize(RuleRegistration registration) => registration.OnScope(context =>
        {
            foreach (var finding in context.Get(LocalizedStringFindings.Of).Undocumented)
                context.Report(finding.At, finding.At.Value, finding.Reason);
        });
    }
}
