using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>What an outline entry stands for (the server maps it to the protocol's symbol kinds).</summary>
    public enum OutlineKind
    {
        /// <summary>A grouping element: BasePolicy, BuildingBlocks, ClaimsSchema, ClaimsProviders, UserJourneys, …</summary>
        Section,
        /// <summary>An element declared by Id: its kind is <see cref="OutlineSymbol.Declares"/>.</summary>
        Declaration,
        ClaimsProvider,
        OrchestrationStep,
        RelyingParty,
    }

    /// <summary>One entry of a document's outline.</summary>
    public sealed class OutlineSymbol
    {
        internal OutlineSymbol(string name, OutlineKind kind, DeclarationKind? declares, string? detail, SourceSpan span, SourceSpan selectionSpan, IReadOnlyList<OutlineSymbol> children)
        {
            Name = name;
            Kind = kind;
            Declares = declares;
            Detail = detail;
            Span = span;
            SelectionSpan = selectionSpan;
            Children = children;
        }

        public string Name { get; }
        public OutlineKind Kind { get; }
        /// <summary>For a <see cref="OutlineKind.Declaration"/>, what it declares; else null.</summary>
        public DeclarationKind? Declares { get; }
        /// <summary>A short addition shown beside the name (a DisplayName, a base policy's Id), or null.</summary>
        public string? Detail { get; }
        /// <summary>The whole element, from '&lt;' to the end of its end tag.</summary>
        public SourceSpan Span { get; }
        /// <summary>What the editor selects: the Id value, a step's Order value, else the start tag's name.</summary>
        public SourceSpan SelectionSpan { get; }
        public IReadOnlyList<OutlineSymbol> Children { get; }

        public override string ToString() => $"{Declares?.ToString() ?? Kind.ToString()} {Name}{Span}";
    }

    public static partial class PolicyNavigation
    {
        /// <summary>Declaration kinds by their element's name under BuildingBlocks' sections.</summary>
        private static readonly Dictionary<string, DeclarationKind> BuildingBlockKinds = DeclarationKinds.All
            .Where(k => DeclarationKinds.PathOf(k)[0] == "BuildingBlocks")
            .ToDictionary(k => DeclarationKinds.PathOf(k)[2], k => k, StringComparer.Ordinal);

        /// <summary>
        /// The document's outline, in document order: BasePolicy; BuildingBlocks → its sections (ClaimsSchema,
        /// ClaimsTransformations, ContentDefinitions, Localization, DisplayControls, …) → their declarations;
        /// ClaimsProviders → each ClaimsProvider (named by its DisplayName) → its technical profiles; UserJourneys and
        /// SubJourneys → each journey → its steps ("Step 2: ClaimsExchange SelfAsserted-Social, AAD-UserReadUsingObjectId",
        /// naming what the step runs: exchanges' profiles, the content definition, the issuer, the sub journeys);
        /// RelyingParty → its technical profile. Elements without an Id are left out, except steps. A file that does not
        /// parse gives the outline of what was read before the error.
        /// </summary>
        public static IReadOnlyList<OutlineSymbol> Outline(PolicyDocument document)
        {
            var result = new List<OutlineSymbol>();
            if (document.Root is not PolicyNode root) return result;
            foreach (var section in root.Children)
            {
                switch (section.Name)
                {
                    case "BasePolicy":
                        result.Add(Entry(section, "BasePolicy", OutlineKind.Section, section.ChildText("PolicyId"), null, Array.Empty<OutlineSymbol>()));
                        break;
                    case "BuildingBlocks":
                        var blocks = section.Children.Select(list => Entry(list, list.Name, OutlineKind.Section, null, null,
                            list.Children.Where(item => BuildingBlockKinds.ContainsKey(item.Name)).SelectMany(item => Declared(item, BuildingBlockKinds[item.Name], null)).ToList()));
                        result.Add(Entry(section, section.Name, OutlineKind.Section, null, null, blocks.Where(b => b.Children.Count > 0).ToList()));
                        break;
                    case "ClaimsProviders":
                        var providers = section.ChildrenNamed("ClaimsProvider").Select(provider => Entry(provider, provider.ChildText("DisplayName") ?? "ClaimsProvider", OutlineKind.ClaimsProvider, null, null,
                            provider.Path("TechnicalProfiles", "TechnicalProfile").SelectMany(p => Declared(p, DeclarationKind.TechnicalProfile, p.ChildText("DisplayName"))).ToList()));
                        result.Add(Entry(section, section.Name, OutlineKind.Section, null, null, providers.ToList()));
                        break;
                    case "UserJourneys":
                    case "SubJourneys":
                        var kind = section.Name == "UserJourneys" ? DeclarationKind.UserJourney : DeclarationKind.SubJourney;
                        var journeys = section.Children.SelectMany(j => Declared(j, kind, j["Type"], Steps(j)));
                        result.Add(Entry(section, section.Name, OutlineKind.Section, null, null, journeys.ToList()));
                        break;
                    case "RelyingParty":
                        var profiles = section.ChildrenNamed("TechnicalProfile").SelectMany(p => Declared(p, DeclarationKind.TechnicalProfile, p.ChildText("DisplayName"))).ToList();
                        result.Add(Entry(section, "RelyingParty", OutlineKind.RelyingParty, section.Child("DefaultUserJourney")?["ReferenceId"], null, profiles));
                        break;
                }
            }
            return result;
        }

        private static IReadOnlyList<OutlineSymbol> Steps(PolicyNode journey)
            => journey.Path("OrchestrationSteps", "OrchestrationStep").Select(step =>
            {
                string name = $"Step {step["Order"] ?? "?"}: {step["Type"] ?? "?"}";
                var runs = StepTargets(step).ToList();
                if (runs.Count > 0) name += " " + string.Join(", ", runs);
                return Entry(step, name, OutlineKind.OrchestrationStep, null, step.Attribute("Order")?.ValueSpan, Array.Empty<OutlineSymbol>());
            }).ToList();

        /// <summary>What a step runs, in document order of the places that say it.</summary>
        private static IEnumerable<string> StepTargets(PolicyNode step)
        {
            foreach (var exchange in step.Path("ClaimsExchanges", "ClaimsExchange"))
                if (exchange["TechnicalProfileReferenceId"] is string profile) yield return profile;
            foreach (var attribute in new[] { "ContentDefinitionReferenceId", "CpimIssuerTechnicalProfileReferenceId" })
                if (step[attribute] is string value && value.Length > 0) yield return value;
            foreach (var candidate in step.Path("JourneyList", "Candidate"))
                if (candidate["SubJourneyReferenceId"] is string journey) yield return journey;
        }

        /// <summary>An element declared by Id (none when it has no Id).</summary>
        private static IEnumerable<OutlineSymbol> Declared(PolicyNode node, DeclarationKind kind, string? detail, IReadOnlyList<OutlineSymbol>? children = null)
        {
            if (node.Attribute("Id") is PolicyAttribute id && id.Value.Length > 0)
                yield return Entry(node, id.Value, OutlineKind.Declaration, detail, id.ValueSpan, children ?? Array.Empty<OutlineSymbol>(), kind);
        }

        private static OutlineSymbol Entry(PolicyNode node, string name, OutlineKind kind, string? detail, SourceSpan? selection, IReadOnlyList<OutlineSymbol> children, DeclarationKind? declares = null)
        {
            var whole = node.Document.Span(node.StartTag.Span.Start, node.EndOffset);
            return new OutlineSymbol(name, kind, declares, detail, whole, selection ?? NameOf(node), children);
        }

        /// <summary>The element's name in its start tag (after '&lt;').</summary>
        private static SourceSpan NameOf(PolicyNode node)
        {
            var tag = node.StartTag.Span;
            return node.Document.Span(tag.Start + 1, tag.End);
        }
    }
}
