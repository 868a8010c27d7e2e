using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.IdentityProviders;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.IdentityProviders
{
    /// <summary>The scope item lacks a value the provider needs, or asks for one that does not fit its endpoint.</summary>
    public sealed class PL6002WrongScope : IdentityProviderRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL6002",
            "Wrong scope for the provider",
            "{0} profile '{1}' scope '{2}': {3} (see {4})",
            DiagnosticSeverity.Error,
            "The scope must contain the values the provider's documented configuration requests, and none that belong to a different endpoint of the provider.");

        protected override void Check(PolicyContext context, MergedTechnicalProfile profile, IdentityProvider provider)
        {
            var item = MetadataValues.Item(profile, "scope");
            if (item == null || Placeholders.IsDynamic(item.Value.Text)) return; // a missing scope is PL6004's when required
            string scope = item.Value.Text ?? string.Empty;
            var tokens = scope.Split(new[] { ' ', ',', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            string expected = string.Join(" ", provider.RequiredScopes);

            var problems = new List<string>();
            foreach (var token in tokens)
            {
                var mistake = provider.Mistakes.FirstOrDefault(m => m.Key == "scope" && string.Equals(m.Value, token, StringComparison.Ordinal));
                if (mistake != null) problems.Add(mistake.Explanation);
            }
            var missing = provider.RequiredScopes.Where(r => !tokens.Contains(r, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0) problems.Add(string.Join(", ", missing.Select(m => $"'{m}'")) + (missing.Count == 1 ? " is" : " are") + " missing");
            if (problems.Count == 0) return;
            context.ReportText(item, provider.Name, NameOf(profile), scope,
                string.Join("; ", problems) + (expected.Length > 0 ? $"; the documented scope includes '{expected}'" : ""), provider.DocsUrl);
        }
    }
}
