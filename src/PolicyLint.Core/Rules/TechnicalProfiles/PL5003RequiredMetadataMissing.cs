using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// Metadata each profile type requires, checked on the profile merged along the whole chain: only at the end
    /// of a chain (a policy nothing inherits from), since a base may leave keys for its extensions to set. A profile that
    /// nothing in the chain runs gets a warning: the gap fails no sign-in until something runs it.
    /// </summary>
    public sealed class PL5003RequiredMetadataMissing : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5003",
            "Required metadata missing",
            "Technical profile '{0}' ({1}) has no metadata item '{2}'{3}, in any of its declarations or included profiles.{4}",
            DiagnosticSeverity.Error,
            "A metadata item the profile's type requires is missing from the profile as merged along the inheritance chain: an error when something runs the profile (it fails when it runs), a warning when nothing in the chain does.");

        public override void Initialize(RuleRegistration registration) => ProfileFacts.OnCompleteProfiles(registration, (context, profile, type, includeOnly) =>
        {
            var metadata = ProfileFacts.MetadataOf(profile);
            // A plain loop: this runs for every profile of every leaf chain.
            foreach (var key in type.Metadata)
            {
                if (key.IsRequired(metadata) && metadata(key.Key) == null) Report(context, profile, type, includeOnly, key);
            }
        });

        private static void Report(PolicyContext context, MergedTechnicalProfile profile, TechnicalProfileType type, ISet<string> includeOnly, MetadataKeyInfo key)
        {
            if (ProfileFacts.InheritedFromInclude(context, profile, type, includeOnly, source => source.MetadataValue(key.Key) == null)) return;
            string condition = key.Condition == null ? " (required)" : $" (required {key.Condition})";
            context.Report(ProfileFacts.GapSeverity(context, profile), profile.Nearest, profile.Id, type.Name, key.Key, condition, ProfileFacts.NotRunNote(context, profile));
        }
    }
}
