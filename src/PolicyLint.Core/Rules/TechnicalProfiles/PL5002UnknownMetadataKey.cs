using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// Metadata keys documented for each profile type (technical-profiles.md §4-15); the service ignores others. A typo of
    /// a documented key is an error (the setting it meant never applies); any other key is a warning, since working
    /// policies use keys the reference tables omit.
    /// </summary>
    public sealed class PL5002UnknownMetadataKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5002",
            "Unknown metadata key",
            "Metadata key '{0}' of technical profile '{1}' is not documented for {2} technical profiles; the service ignores it.{3}",
            DiagnosticSeverity.Warning,
            "A Metadata Item Key that the profile's type does not read is ignored: an error when it is a typo of a documented key, otherwise a warning (a key meant for another profile type, or one the docs omit).");

        public override void Initialize(RuleRegistration registration) => ProfileFacts.OnProfileItem(registration, "Metadata", "Item", (context, node, profileId, _, type) =>
        {
            string? key = node["Key"];
            if (string.IsNullOrEmpty(key) || Placeholders.IsDynamic(key) || type.KnowsMetadata(key!)) return;
            var (severity, hint) = DidYouMean.JudgeUnknown(key!, type.Metadata.Select(m => m.Key));
            context.Report(severity, node, key, profileId, type.Name, hint);
        });
    }
}
