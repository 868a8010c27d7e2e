using Microsoft.CodeAnalysis;
using PolicyLint.Catalogs.Schema;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0101ElementNotAllowed : SchemaRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0101",
            "Element not allowed here",
            "{0}",
            DiagnosticSeverity.Error,
            "Every element must be one the policy schema allows in its parent, in the schema's order and no more often than allowed. The service rejects the upload with \"has invalid child element\".");

        protected override SchemaProblem Problem => SchemaProblem.ElementNotAllowed;
    }
}
