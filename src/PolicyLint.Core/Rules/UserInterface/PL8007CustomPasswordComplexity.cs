using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>
    /// Custom password complexity on a claim that a directory-write profile stores as the password, while that profile
    /// does not persist passwordPolicies with DisableStrongPassword (password-complexity.md; user-interface.md §3.4).
    /// </summary>
    public sealed class PL8007CustomPasswordComplexity : PolicyRule
    {
        private const string DirectoryHandler = "Web.TPEngine.Providers.AzureActiveDirectoryProvider";
        private const string DisableStrongPassword = "DisableStrongPassword";

        /// <summary>Entra ID's strong-password rule: at least 8 characters (user-interface.md §3.4, "Strong").</summary>
        private const int StrongMinimumLength = 8;

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8007",
            "Custom password complexity without DisableStrongPassword",
            "Password claim '{0}' has custom complexity ({1}), but {2} {3} it without a PersistedClaim 'passwordPolicies' whose DefaultValue contains DisableStrongPassword",
            DiagnosticSeverity.Error,
            "A password claim with a PredicateValidation (or a Pattern that allows fewer than 8 characters) needs every directory-write technical profile that stores it to persist passwordPolicies with DisablePasswordExpiration, DisableStrongPassword.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            // Declarations alone decide it: relying parties that share their base's scope would find the same.
            if (!context.Scope.FirstTime(this)) return;
            // Password claim → the write profiles that store it without the opt-out.
            var missing = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in context.Scope.TechnicalProfiles())
            {
                if (!IsDirectoryWrite(profile)) continue;
                var persisted = profile.PersistedClaims.ToList();
                bool optedOut = persisted.Any(DisablesStrongPassword);
                foreach (var claim in persisted.Where(IsPassword).Select(c => c["ClaimTypeReferenceId"]).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (optedOut) continue;
                    if (!missing.TryGetValue(claim!, out var writers)) missing[claim!] = writers = new List<string>();
                    writers.Add(profile.Id);
                }
            }

            foreach (var pair in missing)
            {
                var complexity = CustomComplexity(context.Chain, pair.Key);
                if (complexity == null) continue;
                string profiles = (pair.Value.Count == 1 ? "technical profile " : "technical profiles ") + string.Join(", ", pair.Value.Select(p => $"'{p}'"));
                context.Report(complexity.Value.At, pair.Key, complexity.Value.What, profiles, pair.Value.Count == 1 ? "stores" : "store");
            }
        });

        private static bool IsDirectoryWrite(MergedTechnicalProfile profile)
            => PageProfiles.HasHandler(profile, DirectoryHandler)
               && string.Equals(profile.MetadataValue("Operation")?.Trim(), "Write", StringComparison.OrdinalIgnoreCase);

        /// <summary>Stored as the directory's password (starter pack: newPassword with PartnerClaimType="password").</summary>
        private static bool IsPassword(PolicyNode claim)
            => string.Equals(claim["PartnerClaimType"] ?? claim["ClaimTypeReferenceId"], "password", StringComparison.OrdinalIgnoreCase);

        private static bool DisablesStrongPassword(PolicyNode claim)
        {
            string? name = claim["PartnerClaimType"] ?? claim["ClaimTypeReferenceId"];
            if (!string.Equals(name, "passwordPolicies", StringComparison.OrdinalIgnoreCase)) return false;
            string value = claim["DefaultValue"] ?? string.Empty;
            // Tokens may hold {Settings:...}: give them the benefit of the doubt.
            return Placeholders.IsDynamic(value) || value.Split(',').Any(v => string.Equals(v.Trim(), DisableStrongPassword, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The nearest declaration of the claim's complexity, when it is custom; null for none or a Strong-like pattern.</summary>
        private static (PolicyAttribute At, string What)? CustomComplexity(PolicyChain chain, string claim)
        {
            var parts = chain.All(DeclarationKind.ClaimType, claim);
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                var predicate = parts[i].Child("PredicateValidationReference")?.Attribute("Id") ?? parts[i].Child("InputValidationReference")?.Attribute("Id");
                if (predicate != null) return (predicate, $"{predicate.Owner.Name} '{predicate.Value}'");
            }
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                var pattern = parts[i].Child("Restriction")?.Child("Pattern")?.Attribute("RegularExpression");
                if (pattern == null) continue;
                int? minimum = MinimumLength(pattern.Value);
                return minimum < StrongMinimumLength ? (pattern, $"a Pattern that accepts {minimum} characters, fewer than Entra ID's {StrongMinimumLength}") : ((PolicyAttribute, string)?)null;
            }
            return null;
        }

        private static readonly Regex Quantifier = new Regex(@"(?<!\\)\{(\d+)(,\d*)?\}", RegexOptions.CultureInvariant);

        /// <summary>The lower bound of the pattern's last counted repetition ({4,8}): how short a password it lets through; null when unknown.</summary>
        internal static int? MinimumLength(string pattern)
        {
            var matches = Quantifier.Matches(pattern);
            if (matches.Count == 0) return null;
            return int.TryParse(matches[matches.Count - 1].Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : (int?)null;
        }
    }
}
