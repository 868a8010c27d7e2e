using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.References
{
    /// <summary>"X is not declared" for one kind of declaration, checked at every site that names that kind.</summary>
    public abstract class ReferenceRule : PolicyRule
    {
        /// <summary>Message for every "not declared" rule: kind, value, where it was looked for, did-you-mean.</summary>
        protected const string NotDeclaredMessage = "{0} '{1}' is not declared in {2}.{3}";

        protected abstract DeclarationKind[] Kinds { get; }

        public override RuleFix Fix { get; } = new RuleFix("replaces the name with the only declared name close to it", isSafe: false);

        public override void Initialize(RuleRegistration registration)
        {
            foreach (var site in ReferenceSite.All.Where(s => s.MustResolve && Kinds.Contains(s.Kind)))
            {
                registration.OnElement(site.Element, (context, node) =>
                {
                    if (!(site.Read(node) is Reference reference) || Placeholders.IsDynamic(reference.Value)) return;
                    if (context.Chain.IsDeclared(site.Kind, reference.Value)) return;
                    string hint = DidYouMean.Hint(reference.Value, context.Chain.Ids(site.Kind));
                    object[] args = { DeclarationKinds.DisplayName(site.Kind), reference.Value, context.Chain.Describe(), hint };
                    // Offered, never applied in bulk: the close name may not be the one meant.
                    string? only = DidYouMean.Only(reference.Value, context.Chain.Ids(site.Kind));
                    string title = $"Replace with '{only}'";
                    if (reference.Attribute is Model.PolicyAttribute attribute)
                        context.Report(only == null ? null : new CodeFix(title, false, FileEdit.ReplaceValue(attribute, only)), attribute, args);
                    else
                        context.ReportText(only == null ? null : new CodeFix(title, false, FileEdit.ReplaceText(reference.Node, only)), reference.Node, args);
                });
            }
        }
    }
}
