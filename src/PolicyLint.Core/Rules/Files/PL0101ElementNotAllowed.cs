using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Model;

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

        public override RuleFix Fix { get; } = new RuleFix("moves the parent's children into schema order (comments and blank lines above a child travel with it), when the children are all allowed there and only their order is wrong", isSafe: true);

        // The schema's order is the service's: moving a child changes nothing the policy means (U02, "has invalid child element").
        // One fix per parent, shared by every child reported in it.
        protected override Func<SchemaFinding, CodeFix?> Fixes()
        {
            var byParent = new Dictionary<PolicyNode, CodeFix?>();
            return finding =>
            {
                if (finding.ParentType == null || finding.Node.Parent is not PolicyNode parent) return null;
                if (byParent.TryGetValue(parent, out var known)) return known;
                var order = SchemaOrder.Reordered(parent, finding.ParentType);
                var edits = order == null ? null : ChildOrderEdits.Reorder(parent, order);
                string name = parent["Id"] is string id ? $"<{parent.Name} Id=\"{id}\">" : $"<{parent.Name}>";
                return byParent[parent] = edits == null ? null : new CodeFix($"Put the children of {name} in schema order", true, edits);
            };
        }
    }
}
