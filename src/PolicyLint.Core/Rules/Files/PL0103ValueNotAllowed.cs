using Microsoft.CodeAnalysis;
using PolicyLint.Catalogs.Schema;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0103ValueNotAllowed : SchemaRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0103",
            "Value not allowed",
            "{0}",
            DiagnosticSeverity.Error,
            "An attribute value or element text is outside the schema's enumeration or pattern (DataType, UserInputType, OrchestrationStep Type, Precondition Type, DeploymentMode, PolicySchemaVersion, TenantId...). {Settings:...} placeholders and claim resolvers are not checked.");

        protected override SchemaProblem Problem => SchemaProblem.ValueNotAllowed;
    }
}
