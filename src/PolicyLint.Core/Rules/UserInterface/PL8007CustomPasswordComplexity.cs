using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>
    /// A password claim that a directory-write profile stores without persisting passwordPolicies with DisableStrongPassword, while
    /// the claim's own rule is weaker than Entra ID's strong-password rule (8+ characters, 3 of 4 character classes). The upload
    /// rejects it: "DisableStrongPassword is required in Technical Profile '…' for custom password complexity or legacy password
    /// restriction with weak custom regular expression" (U28, azure-ad-b2c/user-migration#32, where the stored claim was the
    /// starter pack's sign-in password claim, which has no rule at all). An error when the rule is certainly weaker (no rule, or a
    /// pattern or predicate that admits fewer than 8 characters); a warning when the predicates cannot be shown to be as strict
    /// (fewer than 3 classes, or a regular-expression predicate); nothing for a rule at least as strict as Strong.
    /// </summary>
    public sealed class PL8007CustomPasswordComplexity : PolicyRule
    {
        private const string DirectoryHandler = HandlerNames.AzureActiveDirectory;
        private const string DisableStrongPassword = "DisableStrongPassword";

        /// <summary>Entra ID's strong-password rule: 8 to 256 characters and 3 of the 4 classes (user-interface.md §3.4, "Strong").</summary>
        private const int StrongMinimumLength = 8;
        private const int StrongClasses = 3;

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8007",
            "Custom password complexity without DisableStrongPassword",
            "Password claim '{0}' has {1}, but {2} {3} it without a PersistedClaim 'passwordPolicies' whose DefaultValue contains DisableStrongPassword{4}",
            DiagnosticSeverity.Error,
            "A password claim whose rule is weaker than Entra ID's Strong (no rule, a Pattern or predicates admitting fewer than 8 characters or fewer than 3 character classes) needs every directory-write technical profile that stores it to persist passwordPolicies with DisablePasswordExpiration, DisableStrongPassword. A rule at least as strict as Strong needs no opt-out.");

        public override RuleFix Fix { get; } = new RuleFix("adds DisableStrongPassword to each writer's passwordPolicies DefaultValue, or persists passwordPolicies with DisablePasswordExpiration, DisableStrongPassword after the password, when passwordPolicies is declared", isSafe: true);

        // Declarations alone decide it: relying parties that share their base's scope would find the same.
        public override void Initialize(RuleRegistration registration) => registration.OnScope(context =>
        {
            // Password claim → the write profiles that store it without the opt-out.
            var missing = new Dictionary<string, List<MergedTechnicalProfile>>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in context.Scope.TechnicalProfiles())
            {
                if (!IsDirectoryWrite(profile)) continue;
                var persisted = profile.PersistedClaims.ToList();
                if (persisted.Any(DisablesStrongPassword)) continue;
                foreach (var claim in persisted.Where(IsPassword).Select(c => c["ClaimTypeReferenceId"]).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!missing.TryGetValue(claim!, out var writers)) missing[claim!] = writers = new List<MergedTechnicalProfile>();
                    writers.Add(profile);
                }
            }

            foreach (var pair in missing)
            {
                var complexity = Complexity(context.Chain, pair.Key);
                if (complexity == null) continue;
                string profiles = (pair.Value.Count == 1 ? "technical profile " : "technical profiles ") + string.Join(", ", pair.Value.Select(p => $"'{p.Id}'"));
                string verb = pair.Value.Count == 1 ? "stores" : "store";
                var (severity, what, why, found) = complexity.Value;
                // A claim with no rule of its own is reported where it is stored.
                var at = found ?? StoredAt(pair.Value[0], pair.Key);
                if (at == null) continue;
                context.Report(severity, at.Owner.Document, at.ValueSpan, AddOptOut(context, pair.Value), pair.Key, what, profiles, verb, why);
            }
        });

        /// <summary>
        /// DisableStrongPassword added to each writer: to its passwordPolicies DefaultValue, or as a new PersistedClaim after the
        /// password's. Only when passwordPolicies is declared (a new reference to an undeclared claim would be PL2001).
        /// </summary>
        private static CodeFix? AddOptOut(PolicyContext context, List<MergedTechnicalProfile> writers)
        {
            if (!context.Chain.IsDeclared(DeclarationKind.ClaimType, PasswordPolicies)) return null;
            var edits = new List<FileEdit>();
            foreach (var profile in writers)
            {
                var persisted = profile.PersistedClaims.ToList();
                var policies = persisted.FirstOrDefault(IsPasswordPolicies);
                if (policies.Document != null)
                {
                    var value = policies.Attribute("DefaultValue");
                    if (value == null) return null; // the value comes from the claim bag: adding a default would change what is stored
                    string current = value.Value.Trim();
                    edits.Add(FileEdit.ReplaceValue(value, current.Length == 0 ? DisableStrongPassword : current + ", " + DisableStrongPassword));
                    continue;
                }
                var password = persisted.FirstOrDefault(IsPassword);
                if (password.Document == null) return null;
                edits.Add(FileEdit.InsertLineAfter(password, $"<PersistedClaim ClaimTypeReferenceId=\"{PasswordPolicies}\" DefaultValue=\"DisablePasswordExpiration, {DisableStrongPassword}\" />"));
            }
            return edits.Count == 0 ? null : new CodeFix("Persist passwordPolicies with DisableStrongPassword", true, edits);
        }

        private const string PasswordPolicies = "passwordPolicies";

        private static bool IsPasswordPolicies(PolicyNode claim)
            => string.Equals(claim["PartnerClaimType"] ?? claim["ClaimTypeReferenceId"], PasswordPolicies, StringComparison.OrdinalIgnoreCase);

        private static PolicyAttribute? StoredAt(MergedTechnicalProfile profile, string claim)
        {
            foreach (var persisted in profile.PersistedClaims)
                if (IsPassword(persisted) && string.Equals(persisted["ClaimTypeReferenceId"], claim, StringComparison.OrdinalIgnoreCase))
                    return persisted.Attribute("ClaimTypeReferenceId");
            return null;
        }

        private static bool IsDirectoryWrite(MergedTechnicalProfile profile)
            => PageProfiles.HasHandler(profile, DirectoryHandler)
               && string.Equals(profile.MetadataValue(MetadataKeys.Operation)?.Trim(), DirectoryOperations.Write, StringComparison.OrdinalIgnoreCase);

        /// <summary>Stored as the directory's password (starter pack: newPassword with PartnerClaimType="password").</summary>
        private static bool IsPassword(PolicyNode claim)
            => string.Equals(claim["PartnerClaimType"] ?? claim["ClaimTypeReferenceId"], "password", StringComparison.OrdinalIgnoreCase);

        private static bool DisablesStrongPassword(PolicyNode claim)
        {
            if (!IsPasswordPolicies(claim)) return false;
            string value = claim["DefaultValue"] ?? string.Empty;
            // Tokens may hold {Settings:...}: give them the benefit of the doubt.
            return Placeholders.IsDynamic(value) || value.Split(',').Any(v => string.Equals(v.Trim(), DisableStrongPassword, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The claim's rule and how it compares with Strong: null when at least as strict (or a pattern whose minimum is unknown);
        /// At is null when the claim has no rule (reported at the profile that stores it).
        /// </summary>
        private static (DiagnosticSeverity Severity, string What, string Why, PolicyAttribute? At)? Complexity(PolicyChain chain, string claim)
        {
            var parts = chain.All(DeclarationKind.ClaimType, claim);
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                var predicate = parts[i].Child("PredicateValidationReference")?.Attribute("Id") ?? parts[i].Child("InputValidationReference")?.Attribute("Id");
                if (predicate == null) continue;
                string what = $"custom complexity ({predicate.Owner.Name} '{predicate.Value}')";
                var strength = PredicateStrength(chain, predicate.Value);
                if (strength.MinimumLength is int min && min < StrongMinimumLength)
                    return (DiagnosticSeverity.Error, what, $": it admits {min} characters, fewer than Entra ID's {StrongMinimumLength}, so the upload rejects it", predicate);
                if (strength.MinimumLength >= StrongMinimumLength && strength.Classes >= StrongClasses && strength.Known) return null;
                string unsure = !strength.Known
                    ? "PolicyLint cannot tell whether its predicates are as strict as Entra ID's strong rule"
                    : $"its predicates require {(strength.MinimumLength is int m ? m + " characters" : "no minimum length")} and {strength.Classes} of the 4 character classes, less than Entra ID's strong rule ({StrongMinimumLength} characters, {StrongClasses} classes)";
                return (DiagnosticSeverity.Warning, what, $": {unsure}; the upload may reject it, or the directory the weaker passwords", predicate);
            }
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                var pattern = parts[i].Child("Restriction")?.Child("Pattern")?.Attribute("RegularExpression");
                if (pattern == null) continue;
                int? minimum = MinimumLength(pattern.Value);
                return minimum < StrongMinimumLength
                    ? (DiagnosticSeverity.Error, $"custom complexity (a Pattern that accepts {minimum} characters, fewer than Entra ID's {StrongMinimumLength})", ": the upload rejects it", pattern)
                    : ((DiagnosticSeverity, string, string, PolicyAttribute?)?)null;
            }
            // No rule at all: the service treats it as weak (azure-ad-b2c/user-migration#32 stored the starter pack's sign-in password).
            return (DiagnosticSeverity.Error, "no complexity rule of its own (no PredicateValidationReference or Pattern)", ": the upload rejects it", null);
        }

        /// <summary>What a PredicateValidation guarantees: the least length and how many character classes every accepted value has.</summary>
        private readonly struct Strength
        {
            public Strength(int? minimumLength, int classes, bool known)
            {
                MinimumLength = minimumLength;
                Classes = classes;
                Known = known;
            }

            public int? MinimumLength { get; }
            public int Classes { get; }
            /// <summary>Every predicate was one PolicyLint understands (IsLengthRange, IncludesCharacters).</summary>
            public bool Known { get; }
        }

        /// <summary>
        /// Every group must pass; within a group at least MatchAtLeast of its references (all when absent, predicates.md). A length
        /// counts when its group needs all its references; classes count as the matches a group forces among its IncludesCharacters.
        /// </summary>
        private static Strength PredicateStrength(PolicyChain chain, string validationId)
        {
            int? minimum = null;
            int classes = 0;
            bool known = true;
            var validations = chain.All(DeclarationKind.PredicateValidation, validationId);
            if (validations.Count == 0) return new Strength(null, 0, false);
            foreach (var group in validations[validations.Count - 1].Path("PredicateGroups", "PredicateGroup"))
            {
                var references = group.Child("PredicateReferences");
                if (references == null) continue;
                var ids = references.Value.ChildrenNamed("PredicateReference").Select(r => r["Id"]).Where(id => !string.IsNullOrEmpty(id)).ToList();
                int need = int.TryParse(references.Value["MatchAtLeast"], NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? Math.Min(k, ids.Count) : ids.Count;
                int classPredicates = 0;
                int? groupMinimum = null;
                foreach (var id in ids)
                {
                    var predicates = chain.All(DeclarationKind.Predicate, id!);
                    var predicate = predicates.Count == 0 ? (PolicyNode?)null : predicates[predicates.Count - 1];
                    switch (predicate?["Method"])
                    {
                        case "IncludesCharacters":
                            classPredicates++;
                            break;
                        case "IsLengthRange" when need == ids.Count:
                            string? text = null;
                            foreach (var parameter in predicate.Value.Path("Parameters", "Parameter"))
                                if (parameter["Id"] == "Minimum") text = parameter.Text;
                            if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int m)) groupMinimum = Math.Max(groupMinimum ?? 0, m);
                            else known = false;
                            break;
                        case "IsLengthRange":
                            break;
                        default:
                            known = false;
                            break;
                    }
                }
                classes += Math.Max(0, need - (ids.Count - classPredicates));
                if (groupMinimum is int g) minimum = Math.Max(minimum ?? 0, g);
            }
            return new Strength(minimum, classes, known);
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
