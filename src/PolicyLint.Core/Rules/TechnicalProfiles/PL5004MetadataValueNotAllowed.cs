using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>Empty metadata values and values outside a key's documented set (technical-profiles.md §4-15).</summary>
    public sealed class PL5004MetadataValueNotAllowed : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5004",
            "Metadata value not allowed",
            "{0}",
            DiagnosticSeverity.Error,
            "A metadata item with an empty value, or a value outside the values documented for its key (HttpBinding, AuthenticationType, SendClaimsIn, response_mode, Operation...).");

        public override void Initialize(RuleRegistration registration) => ProfileFacts.OnProfileItem(registration, "Metadata", "Item", (context, node, profileId, _, type) =>
        {
            string? key = node["Key"];
            if (string.IsNullOrEmpty(key)) return;
            string value = node.Text ?? "";
            if (value.Trim().Length == 0)
            {
                // An empty language.* override can deliberately blank a label.
                if (key!.StartsWith("language.", System.StringComparison.Ordinal)) return;
                context.Report(node, $"Metadata item '{key}' of technical profile '{profileId}' is empty; set a value or remove the item.");
                return;
            }
            var info = type.FindMetadata(key!);
            if (info == null || info.AllowedValues == null || Placeholders.IsDynamic(value) || info.Allows(value)) return;
            context.Report(node, $"Metadata item '{key}' of technical profile '{profileId}' is '{value}'; {type.Name} technical profiles accept {Describe(info)}.{DidYouMean.Hint(value, info.AllowedValues)}");
        });

        private static string Describe(MetadataKeyInfo info)
            => ReferenceEquals(info.AllowedValues, TechnicalProfileCatalog.BooleanValues) ? "true or false" : string.Join(", ", info.AllowedValues!);
    }
}
