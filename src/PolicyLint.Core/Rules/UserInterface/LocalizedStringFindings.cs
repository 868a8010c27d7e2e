using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.UserInterface;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A LocalizedString attribute to report, and why.</summary>
    internal sealed class LocalizedStringFinding
    {
        public LocalizedStringFinding(PolicyAttribute at, string reason)
        {
            At = at;
            Reason = reason;
        }

        public PolicyAttribute At { get; }
        public string Reason { get; }
    }

    /// <summary>
    /// Checks every LocalizedString of the chain against the catalog once per resolution scope (the relying parties of
    /// one extensions file share it): ids that are certainly invalid (PL8004) and ids of element types whose documented
    /// lists are known to be incomplete (PL8008).
    /// </summary>
    internal sealed class LocalizedStringFindings
    {
        public List<LocalizedStringFinding> Invalid { get; } = new List<LocalizedStringFinding>();
        public List<LocalizedStringFinding> Undocumented { get; } = new List<LocalizedStringFinding>();

        /// <summary>A scope fact: PL8004 and PL8008 each report their part, once per scope (OnScope).</summary>
        public static readonly ScopeFact<LocalizedStringFindings> Of = Fact.OfScope(Compute);

        private static LocalizedStringFindings Compute(ResolutionScope scope)
        {
            var findings = new LocalizedStringFindings();
            var usedBy = PagesByResources(scope.Chain);
            foreach (var policy in scope.Chain.Policies)
                foreach (var resources in policy.Declarations(DeclarationKind.LocalizedResources).Values.SelectMany(list => list))
                {
                    usedBy.TryGetValue(resources["Id"] ?? string.Empty, out var pages);
                    foreach (var text in resources.Path("LocalizedStrings", "LocalizedString"))
                        findings.Check(scope.Chain, text, pages ?? (IReadOnlyList<MergedContentDefinition>)Array.Empty<MergedContentDefinition>());
                }
            return findings;
        }

        /// <summary>LocalizedResources Id → the merged content definitions that reference it.</summary>
        private static Dictionary<string, List<MergedContentDefinition>> PagesByResources(PolicyChain chain)
        {
            var map = new Dictionary<string, List<MergedContentDefinition>>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in MergedContentDefinition.All(chain))
                foreach (var id in definition.LocalizedResources.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!map.TryGetValue(id, out var list)) map[id] = list = new List<MergedContentDefinition>();
                    list.Add(definition);
                }
            return map;
        }

        private void Check(PolicyChain chain, PolicyNode text, IReadOnlyList<MergedContentDefinition> pages)
        {
            // Attribute objects are made only for strings worth a look (each is a finding's location).
            if (text["ElementType"] == null || string.IsNullOrEmpty(text["StringId"]) || Placeholders.IsDynamic(text["StringId"])) return;
            var elementType = text.Attribute("ElementType")!;
            var stringId = text.Attribute("StringId")!;
            string id = stringId.Value;
            switch (elementType.Value)
            {
                case "ClaimType":
                    Fixed(stringId, "ClaimType", LocalizedStringIds.ClaimTypeStringIds);
                    break;
                case "Predicate":
                    Fixed(stringId, "Predicate", LocalizedStringIds.PredicateStringIds);
                    break;
                case "PredicateValidation":
                case "InputValidation":
                    CheckGroup(chain, text, stringId);
                    break;
                case "UxElement":
                    CheckUxElement(stringId, pages, text.Parent?.Parent?["Id"]);
                    break;
                case "ErrorMessage":
                    if (!LocalizedStringIds.ErrorMessageIds.Contains(id, StringComparer.Ordinal))
                        Undocumented.Add(new LocalizedStringFinding(stringId, $"is not among the documented ErrorMessage ids; undocumented ids sometimes work, so check the spelling.{DidYouMean.Hint(id, LocalizedStringIds.ErrorMessageIds)}"));
                    break;
                case "DisplayControl":
                    if (!LocalizedStringIds.DisplayControlStringIds.Contains(id, StringComparer.Ordinal))
                        Undocumented.Add(new LocalizedStringFinding(stringId, $"is not among the documented DisplayControl string ids; check the spelling.{DidYouMean.Hint(id, LocalizedStringIds.DisplayControlStringIds)}"));
                    break;
                default:
                    if (!LocalizedStringIds.ElementTypes.Contains(elementType.Value, StringComparer.Ordinal) && !Placeholders.IsDynamic(elementType.Value))
                        Invalid.Add(new LocalizedStringFinding(elementType, $"is not a LocalizedString ElementType ({string.Join(", ", LocalizedStringIds.ElementTypes)}).{DidYouMean.Hint(elementType.Value, LocalizedStringIds.ElementTypes)}"));
                    break;
            }
        }

        private void Fixed(PolicyAttribute stringId, string elementType, IReadOnlyList<string> allowed)
        {
            if (allowed.Contains(stringId.Value, StringComparer.Ordinal)) return;
            Invalid.Add(new LocalizedStringFinding(stringId, $"is not a {elementType} string ({string.Join(", ", allowed)}).{DidYouMean.Hint(stringId.Value, allowed)}"));
        }

        /// <summary>A PredicateValidation string is keyed by one of its PredicateGroup Ids.</summary>
        private void CheckGroup(PolicyChain chain, PolicyNode text, PolicyAttribute stringId)
        {
            string? validationId = text["ElementId"];
            if (string.IsNullOrEmpty(validationId)) return;
            var parts = chain.All(DeclarationKind.PredicateValidation, validationId!);
            if (parts.Count == 0) return; // an undeclared ElementId is a reference problem, not a string-id one
            var groups = parts.SelectMany(p => p.Path("PredicateGroups", "PredicateGroup")).Select(g => g["Id"]).Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).Distinct().ToList();
            if (groups.Contains(stringId.Value, StringComparer.Ordinal)) return;
            Invalid.Add(new LocalizedStringFinding(stringId, $"is not a PredicateGroup of PredicateValidation '{validationId}' (groups: {string.Join(", ", groups)}).{DidYouMean.Hint(stringId.Value, groups)}"));
        }

        /// <summary>
        /// UxElement ids are validated against the page and version of the content definitions that use the strings. One
        /// LocalizedResources may serve several pages (a sign-up page and a password-reset page share their strings in many
        /// repositories), each reading the ids it knows: an id is invalid only when no page that uses it accepts it. A page
        /// whose ids cannot be judged (unknown page or version, an incomplete list) may accept it.
        /// </summary>
        private void CheckUxElement(PolicyAttribute stringId, IReadOnlyList<MergedContentDefinition> definitions, string? resourcesId)
        {
            if (definitions.Count == 0) return;
            var rejections = new List<string>();
            var candidates = new List<string>();
            foreach (var definition in definitions)
            {
                var page = definition.Page;
                if (page == null || !page.IsKnown) return; // an unknown page or version: PL8001's job, and the strings cannot be judged
                var strings = LocalizedStringIds.ForPage(page.Page);
                if (strings == null || !strings.IsComplete) return;
                var entry = strings.Find(stringId.Value);
                if (entry != null && entry.AppliesTo(page.Version)) return;
                string where = $"content definition '{definition.Id}' ({definition.DataUriText})";
                if (entry == null)
                {
                    rejections.Add($"not a UxElement string of the {page.Page} page that {where} shows");
                    candidates.AddRange(strings.Entries.Where(e => e.AppliesTo(page.Version)).Select(e => e.Id));
                }
                else
                {
                    rejections.Add($"a UxElement string of the {page.Page} page for {entry.Range} only, but {where} uses version {page.Version}");
                }
            }
            string uses = definitions.Count == 1 ? "the content definition that uses" : $"any of the {definitions.Count} content definitions that use";
            Invalid.Add(new LocalizedStringFinding(stringId,
                $"fits no page of {uses} LocalizedResources '{resourcesId}': it is {string.Join("; ", rejections)}.{DidYouMean.Hint(stringId.Value, candidates.Distinct())}"));
        }
    }
}
