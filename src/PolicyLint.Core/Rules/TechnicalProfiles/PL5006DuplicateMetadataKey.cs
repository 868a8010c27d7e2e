using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>The XSD declares a key on Item/@Key that validators do not enforce (technical-profiles.md §3).</summary>
    public sealed class PL5006DuplicateMetadataKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5006",
            "Duplicate metadata key",
            "Metadata key '{0}' appears more than once in technical profile '{1}' (first at line {2}); only one value takes effect.",
            DiagnosticSeverity.Error,
            "The same Item Key twice in one technical profile element: which value wins is not documented.");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Metadata", (context, node) =>
        {
            if (node.Parent is not PolicyNode profile || !profile.IsNamed("TechnicalProfile")) return;
            var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (var item in node.ChildrenNamed("Item"))
            {
                string? key = item["Key"];
                if (key == null) continue;
                if (seen.TryGetValue(key, out int line)) context.Report(item, key, profile["Id"], line);
                else seen[key] = item.StartTag.Start.Line + 1;
            }
        });
    }
}
