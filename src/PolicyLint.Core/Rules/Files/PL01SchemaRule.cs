using PolicyLint.Analysis;
using PolicyLint.Catalogs.Schema;

namespace PolicyLint.Rules.Files
{
    /// <summary>
    /// PL0101-PL0104 share one validation of the file against the schema tables (Catalogs/Schema), run once per
    /// policy in OnPolicy; each rule reports the findings of its own kind. A schema problem is a property of the
    /// file alone, so these rules also run when the inheritance chain is broken.
    /// </summary>
    public abstract class SchemaRule : PolicyRule
    {
        /// <summary>A policy fact: the four rules read one validation of the file.</summary>
        private static readonly PolicyFact<SchemaFindings> Findings = Fact.OfPolicy(c => new SchemaFindings(SchemaValidator.Validate(c.Document)));

        protected abstract SchemaProblem Problem { get; }

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var findings = context.Get(Findings);
            var fixFor = Fixes();
            foreach (var finding in findings.All)
                if (finding.Problem == Problem) context.Report(null, context.Document, finding.Span, fixFor?.Invoke(finding), finding.Message);
        });

        /// <summary>The fix of each finding, for one policy (a rule with a fix keeps what its findings share); null: none.</summary>
        protected virtual System.Func<SchemaFinding, CodeFix?>? Fixes() => null;
    }
}
