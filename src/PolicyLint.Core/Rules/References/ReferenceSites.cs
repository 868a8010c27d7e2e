using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.References
{
    /// <summary>A value in a policy that names a declaration by Id.</summary>
    public readonly struct Reference
    {
        private readonly string? _attributeName;

        public Reference(string value, string? attributeName, PolicyNode node)
        {
            Value = value;
            _attributeName = attributeName;
            Node = node;
        }

        public string Value { get; }
        /// <summary>The attribute holding the value (made when asked: most references are read, few reported); null when the value is the element's text.</summary>
        public PolicyAttribute? Attribute => _attributeName == null ? null : Node.Attribute(_attributeName);
        public PolicyNode Node { get; }
    }

    /// <summary>Where a reference to each kind of declaration can appear (schema.md, "References from a TechnicalProfile" and §4-5).</summary>
    public sealed class ReferenceSite
    {
        private readonly Func<PolicyNode, Reference?> _read;

        private ReferenceSite(string element, DeclarationKind kind, string description, Func<PolicyNode, Reference?> read, bool mustResolve = true)
        {
            MustResolve = mustResolve;
            Element = element;
            Kind = kind;
            Description = description;
            _read = read;
        }

        public string Element { get; }
        public DeclarationKind Kind { get; }
        public string Description { get; }
        /// <summary>
        /// False where the service tolerates a dangling name: localization of an undeclared claim is accepted
        /// (the starter pack's SocialAccounts localizes signInName and password, which it never declares).
        /// </summary>
        public bool MustResolve { get; }

        public Reference? Read(PolicyNode node) => _read(node);

        /// <summary>Every place a policy references a declaration.</summary>
        public static IReadOnlyList<ReferenceSite> All => Sites;

        private static readonly ImmutableArray<ReferenceSite> Sites = ImmutableArray.Create(
            Attr("InputClaim", "ClaimTypeReferenceId", DeclarationKind.ClaimType),
            Attr("OutputClaim", "ClaimTypeReferenceId", DeclarationKind.ClaimType),
            Attr("PersistedClaim", "ClaimTypeReferenceId", DeclarationKind.ClaimType),
            Attr("DisplayClaim", "ClaimTypeReferenceId", DeclarationKind.ClaimType),
            new ReferenceSite("Value", DeclarationKind.ClaimType, "Precondition Value", PreconditionClaim),
            Localized("LocalizedString", "ClaimType", DeclarationKind.ClaimType),
            Localized("LocalizedCollection", "ClaimType", DeclarationKind.ClaimType),
            Localized("LocalizedString", "Predicate", DeclarationKind.Predicate),
            Localized("LocalizedString", "PredicateValidation", DeclarationKind.PredicateValidation),
            Localized("LocalizedString", "DisplayControl", DeclarationKind.DisplayControl),
            MetadataItem("ClaimTypeOnWhichToEnable", DeclarationKind.ClaimType),

            Attr("ClaimsExchange", "TechnicalProfileReferenceId", DeclarationKind.TechnicalProfile),
            Attr("ValidationTechnicalProfile", "ReferenceId", DeclarationKind.TechnicalProfile),
            Attr("IncludeTechnicalProfile", "ReferenceId", DeclarationKind.TechnicalProfile),
            Attr("UseTechnicalProfileForSessionManagement", "ReferenceId", DeclarationKind.TechnicalProfile),
            Attr("OrchestrationStep", "CpimIssuerTechnicalProfileReferenceId", DeclarationKind.TechnicalProfile),
            Attr("UserJourney", "DefaultCpimIssuerTechnicalProfileReferenceId", DeclarationKind.TechnicalProfile),
            Attr("AuthorizationTechnicalProfile", "ReferenceId", DeclarationKind.TechnicalProfile),
            Attr("ValidationClaimsExchangeTechnicalProfile", "TechnicalProfileReferenceId", DeclarationKind.TechnicalProfile),

            Attr("InputClaimsTransformation", "ReferenceId", DeclarationKind.ClaimsTransformation),
            Attr("OutputClaimsTransformation", "ReferenceId", DeclarationKind.ClaimsTransformation),

            Attr("OrchestrationStep", "ContentDefinitionReferenceId", DeclarationKind.ContentDefinition),
            MetadataItem(MetadataKeys.ContentDefinitionReferenceId, DeclarationKind.ContentDefinition),

            Attr("DefaultUserJourney", "ReferenceId", DeclarationKind.UserJourney),
            Attr("Endpoint", "UserJourneyReferenceId", DeclarationKind.UserJourney),
            Attr("Candidate", "SubJourneyReferenceId", DeclarationKind.SubJourney),

            Attr("PredicateReference", "Id", DeclarationKind.Predicate),
            Attr("PredicateValidationReference", "Id", DeclarationKind.PredicateValidation),
            Attr("InputValidationReference", "Id", DeclarationKind.InputValidation),

            Attr("DisplayClaim", "DisplayControlReferenceId", DeclarationKind.DisplayControl),
            Attr("LocalizedResourcesReference", "LocalizedResourcesReferenceId", DeclarationKind.LocalizedResources),
            Attr("ClientDefinition", "ReferenceId", DeclarationKind.ClientDefinition));

        private static readonly FrozenDictionary<string, ImmutableArray<ReferenceSite>> ByElement = ByElementName(Sites);

        /// <summary>The sites on elements of this local name (none for most elements): for rules that scan every node.</summary>
        public static ImmutableArray<ReferenceSite> On(string element) => ByElement.TryGetValue(element, out var sites) ? sites : ImmutableArray<ReferenceSite>.Empty;

        /// <summary>Whether elements of this local name hold a reference (with <see cref="PolicyDocument.Elements"/>: only those are visited).</summary>
        public static bool IsSite(string element) => ByElement.ContainsKey(element);

        /// <summary>Sites by the local name of the element that holds them, in their order.</summary>
        public static FrozenDictionary<string, ImmutableArray<ReferenceSite>> ByElementName(IEnumerable<ReferenceSite> sites)
            => sites.GroupBy(s => s.Element, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

        private static ReferenceSite Attr(string element, string attribute, DeclarationKind kind)
            => new ReferenceSite(element, kind, element + " " + attribute, node =>
            {
                string? value = node[attribute];
                return string.IsNullOrEmpty(value) ? (Reference?)null : new Reference(value!, attribute, node);
            });

        private static ReferenceSite MetadataItem(string key, DeclarationKind kind)
            => new ReferenceSite("Item", kind, "Metadata item " + key, node =>
            {
                if (node["Key"] != key || node.Parent?.IsNamed("Metadata") != true || string.IsNullOrEmpty(node.Text)) return null;
                // Only technical-profile metadata names declarations; content-definition metadata does not.
                if (node.Parent!.Value.Parent?.IsNamed("TechnicalProfile") != true) return null;
                return new Reference(node.Text!, null, node);
            });

        private static Reference? PreconditionClaim(PolicyNode node)
        {
            if (node.Parent is not PolicyNode precondition || !precondition.IsNamed("Precondition") || string.IsNullOrEmpty(node.Text)) return null;
            // The first Value names a claim (ClaimsExist, ClaimEquals); the second is a literal.
            if (!Nullable.Equals(precondition.Child("Value"), node)) return null;
            return new Reference(node.Text!, null, node);
        }

        /// <summary>LocalizedString/LocalizedCollection ElementId, which names a declaration for some ElementTypes (user-interface.md §2.2).</summary>
        private static ReferenceSite Localized(string element, string elementType, DeclarationKind kind)
            => new ReferenceSite(element, kind, $"{element} ElementType=\"{elementType}\" ElementId", node =>
            {
                if (!string.Equals(node["ElementType"], elementType, StringComparison.Ordinal)) return null;
                string? value = node["ElementId"];
                return string.IsNullOrEmpty(value) ? (Reference?)null : new Reference(value!, "ElementId", node);
            }, mustResolve: false);
    }
}
