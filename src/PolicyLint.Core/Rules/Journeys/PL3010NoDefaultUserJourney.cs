using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// An application runs a policy through its RelyingParty's DefaultUserJourney (schema.md §5); without one every request fails
    /// with AADB2C90031 (upload-errors.md R03). A DefaultUserJourney in a base policy's RelyingParty also counts.
    /// </summary>
    public sealed class PL3010NoDefaultUserJourney : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3010",
            "Relying party without a default journey",
            "RelyingParty has no DefaultUserJourney (looked in {0}); sign-in fails with AADB2C90031 \"does not specify a default user journey\"",
            DiagnosticSeverity.Error,
            "A RelyingParty must name the journey it runs with DefaultUserJourney (here or in a base policy's RelyingParty).");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var rp = context.File.RelyingParty;
            if (rp == null || JourneyScope.DefaultUserJourney(context.Chain) != null) return;
            // A DefaultUserJourney element without a usable ReferenceId is a schema problem (PL0102), not a missing journey.
            if (rp.Value.Child("DefaultUserJourney") != null) return;
            context.Report(rp, context.Chain.Describe());
        });
    }
}
