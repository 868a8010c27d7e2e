using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// Metadata each profile type requires, checked on the profile merged along the whole chain: only at the end
    /// of a chain (a policy nothing inherits from), since a base may leave keys for its extensions to set.
    /// </summary>
    public sealed class PL5003RequiredMetadataMissing : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5003",
            "Required metadata missing",
            "Technical profile '{0}' ({1}) has no metadata item '{2}'{3}, in any of its declarations or included profiles.",
            DiagnosticSeverity.Error,
            "A metadata item the profile's type requires is missing from the profile as merged along the inheritance chain; the profile fails when it runs.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            if (!ProfileFacts.IsLeaf(context)) return;
            var includeOnly = ProfileFacts.IncludeOnlyProfiles(context);
            foreach (var id in context.Chain.Ids(DeclarationKind.TechnicalProfile).ToList())
            {
                if (includeOnly.Contains(id)) continue;
                var profile = context.TechnicalProfile(id);
                var type = profile == null ? null : ProfileFacts.TypeOf(profile);
                if (profile == null || type == null) continue;
                var metadata = ProfileFacts.MetadataOf(profile);
                foreach (var key in type.Metadata.Where(k => k.IsRequired(metadata) && metadata(k.Key) == null))
                {
                    if (ProfileFacts.InheritedFromInclude(context, profile, type, includeOnly, source => source.MetadataValue(key.Key) == null)) continue;
                    string condition = key.Condition == null ? " (required)" : $" (required {key.Condition})";
                    context.Report(profile.Nearest, profile.Id, type.Name, key.Key, condition);
                }
            }
        });
    }
}
