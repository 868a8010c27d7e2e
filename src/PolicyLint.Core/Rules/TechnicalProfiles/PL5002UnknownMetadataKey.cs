using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>Metadata keys documented for each profile type (technical-profiles.md §4-15); the service ignores others.</summary>
    public sealed class PL5002UnknownMetadataKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5002",
            "Unknown metadata key",
            "Metadata key '{0}' of technical profile '{1}' is not documented for {2} technical profiles; the service ignores it.{3}",
            DiagnosticSeverity.Warning,
            "A Metadata Item Key that the profile's type does not read is ignored: usually a typo or a key meant for another profile type.");

        public override void Initialize(RuleRegistration registration) => ProfileFacts.OnProfileItem(registration, "Metadata", "Item", (context, node, profileId, _, type) =>
        {
            string? key = node["Key"];
            if (string.IsNullOrEmpty(key) || Placeholders.IsDynamic(key) || type.KnowsMetadata(key!)) return;
            context.Report(node, key, profileId, type.Name, DidYouMean.Hint(key!, type.Metadata.Select(m => m.Key)));
        });
    }
}
