using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// The XSD declares a key on Item/@Key that validators do not enforce (technical-profiles.md §3): the upload accepts a
    /// repeated key and one value wins, so it is a warning.
    /// </summary>
    public sealed class PL5006DuplicateMetadataKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5006",
            "Duplicate metadata key",
            "Metadata key '{0}' appears more than once in technical profile '{1}' (first at line {2}); only one value takes effect.",
            DiagnosticSeverity.Warning,
            "The same Item Key twice in one technical profile element: which value wins is not documented.");

        public override RuleFix Fix { get; } = new RuleFix("removes the later item when both items have the same value", isSafe: true);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Metadata", (context, node) =>
        {
            if (node.Parent is not PolicyNode profile || !profile.IsNamed("TechnicalProfile")) return;
            var items = node.Children;
            // A handful of items: each is compared with the ones before it, without a map; a long list gets one.
            Dictionary<string, int>? seen = items.Count > MaxCompared ? new Dictionary<string, int>(System.StringComparer.Ordinal) : null;
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                string? key = item.IsNamed("Item") ? item["Key"] : null;
                if (key == null) continue;
                int first = seen != null ? (seen.TryGetValue(key, out int known) ? known : -1) : FirstIndex(items, i, key);
                if (first < 0)
                {
                    seen?.Add(key, i);
                    continue;
                }
                // The same value twice: dropping the later item changes nothing, whichever the service takes.
                var fix = string.Equals(items[first].Text, item.Text, System.StringComparison.Ordinal)
                    ? new CodeFix($"Remove the repeated '{key}' item", true, FileEdit.RemoveElement(item))
                    : null;
                context.Report(fix, item, key, profile["Id"], items[first].StartTag.Start.Line + 1);
            }
        });

        private const int MaxCompared = 32;

        /// <summary>The index of the first Item before <paramref name="end"/> with the key; -1 when none.</summary>
        private static int FirstIndex(PolicyNodeList items, int end, string key)
        {
            for (int j = 0; j < end; j++)
                if (items[j].IsNamed("Item") && string.Equals(items[j]["Key"], key, System.StringComparison.Ordinal)) return j;
            return -1;
        }
    }
}
