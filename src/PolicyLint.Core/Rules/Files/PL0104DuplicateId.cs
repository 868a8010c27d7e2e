using Microsoft.CodeAnalysis;
using PolicyLint.Catalogs.Schema;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0104DuplicateId : SchemaRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0104",
            "Duplicate Id in one policy",
            "{0}",
            DiagnosticSeverity.Error,
            "Within one policy file the schema's keys must be unique: ClaimType, TechnicalProfile (across all ClaimsProviders), ClaimsTransformation, ContentDefinition, UserJourney, SubJourney, Predicate, DisplayControl, LocalizedResources Ids, and OrchestrationStep Order and ClaimsExchange Id within a journey. The second occurrence is reported.");

        protected override SchemaProblem Problem => SchemaProblem.Duplicate;
    }
}
