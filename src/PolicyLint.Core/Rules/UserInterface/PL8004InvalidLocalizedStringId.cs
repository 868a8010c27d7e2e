using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A LocalizedString whose StringId (or ElementType) the service rejects for its element type or page.</summary>
    public sealed class PL8004InvalidLocalizedStringId : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8004",
            "Invalid localized string id",
            "LocalizedString {0} '{1}' {2}",
            DiagnosticSeverity.Error,
            "A LocalizedString's StringId must be documented for its ElementType: ClaimType and Predicate strings, PredicateGroup Ids of a PredicateValidation, and UxElement ids of the page and version of every content definition that uses the LocalizedResources.");

        public override void Initialize(RuleRegistration registration) => registration.OnScope(context =>
        {
            foreach (var finding in context.Get(LocalizedStringFindings.Of).Invalid)
                context.Report(finding.At, finding.At.Name, finding.At.Value, finding.Reason);
        });
    }
}
