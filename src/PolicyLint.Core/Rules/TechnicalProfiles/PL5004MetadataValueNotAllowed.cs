using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// Empty metadata values and values outside a key's documented set (technical-profiles.md §4-15). Only an item the
    /// profile cannot work without (client_id, ServiceUrl, Operation, AuthenticationType...) is an error: the upload
    /// rejects an empty client_id (upload-errors.md U10), while working samples clear an inherited optional item
    /// (SignUpTarget) with an empty value and upload values such as 'None' for a boolean setting.
    /// </summary>
    public sealed class PL5004MetadataValueNotAllowed : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5004",
            "Metadata value not allowed",
            "{0}",
            DiagnosticSeverity.Error,
            "A metadata item with an empty value, or a value outside the values documented for its key (HttpBinding, AuthenticationType, SendClaimsIn, response_mode, Operation...): an error for an item the profile type requires, a warning for an optional one (a suggestion for an empty optional item that clears nothing).");

        public override void Initialize(RuleRegistration registration) => ProfileFacts.OnProfileItem(registration, "Metadata", "Item", (context, node, profileId, profile, type) =>
        {
            string? key = node["Key"];
            if (string.IsNullOrEmpty(key)) return;
            var info = type.FindMetadata(key!);
            bool required = info != null && info.IsRequired(ProfileFacts.MetadataOf(profile));
            string value = node.Text ?? "";
            if (value.Trim().Length == 0)
            {
                // An empty language.* override can deliberately blank a label.
                if (key!.StartsWith(MetadataKeys.LanguagePrefix, StringComparison.Ordinal)) return;
                if (required)
                    context.Report(DiagnosticSeverity.Error, node, $"Metadata item '{key}' of technical profile '{profileId}' is empty; {type.Name} technical profiles need a value for it, and the service rejects an empty one.");
                // An empty optional item is how an extension clears a value its base sets (SignUpTarget hides the sign-up link).
                // One that clears nothing does nothing: tidiness.
                else if (!ClearsInheritedValue(profile, node, key!))
                    context.Report(DiagnosticSeverity.Info, node, $"Metadata item '{key}' of technical profile '{profileId}' is empty and clears no value set before it, so it does nothing; remove it or set a value.");
                return;
            }
            if (info == null || info.AllowedValues == null || Placeholders.IsDynamic(value) || info.Allows(value)) return;
            string consequence = required
                ? "the profile cannot run with another value"
                : "the upload accepts other values, but whether the provider then uses its default is not documented";
            context.Report(required ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, node,
                $"Metadata item '{key}' of technical profile '{profileId}' is '{value}'; {type.Name} technical profiles accept {Describe(info)} ({consequence}).{DidYouMean.Hint(value, info.AllowedValues)}");
        });

        /// <summary>Whether a declaration merged before this item's (a base, an included profile) gives the key a value.</summary>
        private static bool ClearsInheritedValue(MergedTechnicalProfile profile, PolicyNode item, string key)
        {
            var owner = item.Parent?.Parent;
            foreach (var part in profile.Parts)
            {
                if (owner != null && part.Equals(owner.Value)) return false;
                foreach (var earlier in part.Path("Metadata", "Item"))
                    if (string.Equals(earlier["Key"], key, StringComparison.Ordinal) && (earlier.Text ?? "").Trim().Length > 0) return true;
            }
            return false;
        }

        private static string Describe(MetadataKeyInfo info)
            => ReferenceEquals(info.AllowedValues, TechnicalProfileCatalog.BooleanValues) ? "true or false" : string.Join(", ", info.AllowedValues!);
    }
}
