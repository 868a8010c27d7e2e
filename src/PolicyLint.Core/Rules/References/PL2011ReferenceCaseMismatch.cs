using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.References
{
    /// <summary>The service matches Ids case-insensitively (the starter pack references surName but declares surname).</summary>
    public sealed class PL2011ReferenceCaseMismatch : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2011",
            "Reference differs only in case",
            "{0} '{1}' matches the declaration '{2}' only when case is ignored",
            DiagnosticSeverity.Info);

        public override RuleFix Fix { get; } = new RuleFix("uses the declaration's exact casing", isSafe: true);

        public override void Initialize(RuleRegistration registration)
        {
            foreach (var site in ReferenceSite.All)
            {
                registration.OnElement(site.Element, (context, node) =>
                {
                    if (!(site.Read(node) is Reference reference) || Placeholders.IsDynamic(reference.Value)) return;
                    string? declared = context.Chain.CaseMismatch(site.Kind, reference.Value);
                    if (declared == null) return;
                    object?[] args = { Resolution.DeclarationKinds.DisplayName(site.Kind), reference.Value, declared };
                    // The exact casing of the declaration: the service matched it anyway, so nothing else changes.
                    if (reference.Attribute is Model.PolicyAttribute attribute)
                        context.Report(new CodeFix($"Use the declaration's casing '{declared}'", true, FileEdit.ReplaceValue(attribute, declared)), attribute, args);
                    else
                        context.ReportText(new CodeFix($"Use the declaration's casing '{declared}'", true, FileEdit.ReplaceText(reference.Node, declared)), reference.Node, args);
                });
            }
        }
    }
}
