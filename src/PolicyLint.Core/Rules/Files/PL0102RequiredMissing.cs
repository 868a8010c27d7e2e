using Microsoft.CodeAnalysis;
using PolicyLint.Catalogs.Schema;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0102RequiredMissing : SchemaRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0102",
            "Required element or attribute missing",
            "{0}",
            DiagnosticSeverity.Error,
            "An element lacks an attribute or a child element that the policy schema requires, e.g. a TechnicalProfile without Id or a BasePolicy without PolicyId.");

        protected override SchemaProblem Problem => SchemaProblem.Missing;
    }
}
