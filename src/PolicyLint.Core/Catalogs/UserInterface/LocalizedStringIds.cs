using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs.UserInterface
{
    /// <summary>A documented StringId, valid from <see cref="Since"/> and before <see cref="Until"/> (page versions).</summary>
    public sealed class StringIdEntry
    {
        internal StringIdEntry(string id, string? since, string? until)
        {
            Id = id;
            Since = since == null ? (PageVersion?)null : PageVersion.Parse(since);
            Until = until == null ? (PageVersion?)null : PageVersion.Parse(until);
        }

        public string Id { get; }
        public PageVersion? Since { get; }
        /// <summary>Exclusive upper bound: the id was removed in this version.</summary>
        public PageVersion? Until { get; }

        public bool AppliesTo(PageVersion version)
            => (Since == null || version >= Since.Value) && (Until == null || version < Until.Value);

        public string Range => Since != null && Until != null ? $"{Since} up to (not including) {Until}"
            : Since != null ? $"{Since} and later" : Until != null ? $"versions before {Until}" : "every version";
    }

    /// <summary>The UxElement StringIds of one family of pages.</summary>
    public sealed class PageStrings
    {
        internal PageStrings(string[] pages, bool isComplete, string source, StringIdEntry[] entries)
        {
            Pages = pages;
            IsComplete = isComplete;
            Source = source;
            Entries = entries;
            _byId = new Lazy<Dictionary<string, StringIdEntry>>(() => Index(entries));
        }

        public IReadOnlyList<string> Pages { get; }
        /// <summary>False where the docs give no full table (error page, consent page, provider selection): ids are not judged.</summary>
        public bool IsComplete { get; }
        public string Source { get; }
        public IReadOnlyList<StringIdEntry> Entries { get; }

        /// <summary>The first entry with this id (an id may have entries for different version ranges).</summary>
        public StringIdEntry? Find(string id) => _byId.Value.TryGetValue(id, out var entry) ? entry : null;

        private readonly Lazy<Dictionary<string, StringIdEntry>> _byId;

        private static Dictionary<string, StringIdEntry> Index(IReadOnlyList<StringIdEntry> entries)
        {
            var index = new Dictionary<string, StringIdEntry>(StringComparer.Ordinal);
            foreach (var entry in entries)
                if (!index.ContainsKey(entry.Id)) index[entry.Id] = entry;
            return index;
        }
    }

    /// <summary>
    /// Localization StringIds per ElementType and page (user-interface.md §2.2–§2.4: localization.md,
    /// localization-string-ids.md 2018–2022, language-customization.md; issues #53589, #89767, #58704, #125037).
    /// </summary>
    public static class LocalizedStringIds
    {
        private static StringIdEntry[] All(params string[] ids) => ids.Select(id => new StringIdEntry(id, null, null)).ToArray();
        private static StringIdEntry[] Since(string version, params string[] ids) => ids.Select(id => new StringIdEntry(id, version, null)).ToArray();
        private static StringIdEntry[] Before(string version, params string[] ids) => ids.Select(id => new StringIdEntry(id, null, version)).ToArray();
        private static StringIdEntry[] Join(params StringIdEntry[][] parts) => parts.SelectMany(p => p).ToArray();

        /// <summary>Every LocalizedString ElementType the docs describe (schema.md §2.6, user-interface.md §2.2).</summary>
        public static readonly IReadOnlyList<string> ElementTypes = new[]
        {
            "ClaimsProvider", "ClaimType", "ErrorMessage", "UxElement", "Predicate", "PredicateValidation",
            "InputValidation", // legacy spelling of PredicateValidation in older localization pages
            "FormatLocalizedStringTransformationClaimType", "GetLocalizedStringsTransformationClaimType", "DisplayControl",
        };

        /// <summary>ElementType ClaimType (localization.md).</summary>
        public static readonly IReadOnlyList<string> ClaimTypeStringIds = new[] { "DisplayName", "UserHelpText", "PatternHelpText", "AdminHelpText" };

        /// <summary>ElementType Predicate (localization.md).</summary>
        public static readonly IReadOnlyList<string> PredicateStringIds = new[] { "HelpText" };

        public static readonly IReadOnlyList<PageStrings> Pages = new[]
        {
            new PageStrings(new[] { "unifiedssp", "unifiedssd" }, isComplete: true,
                "localization-string-ids.md, sign-up or sign-in page (2020-06, 2022-04); removed ids rejected on 2.x layouts: MicrosoftDocs/azure-docs#53589, #89767",
                Join(
                    All("forgotpassword_link", "createaccount_intro", "button_signin", "social_intro", "remember_me", "unknown_error", "divider_title",
                        // Listed as "< 2.0.0" in the table, but the doc's own 2.x examples and the starter pack (unifiedssp 2.1.5) use it.
                        "requiredField_password"),
                    Before("2.0.0", "local_intro_email", "logonIdentifier_email", "requiredField_email", "invalid_email", "email_pattern",
                        "local_intro_username", "logonIdentifier_username", "requiredField_username", "password", "createaccount_link",
                        "cancel_message", "invalid_password"),
                    Since("2.0.0", "createaccount_one_link", "createaccount_two_links", "createaccount_three_links"),
                    Since("2.1.0", "local_intro_generic", "requiredField_generic"),
                    Since("2.1.1", "invalid_generic", "heading"))),
            new PageStrings(new[] { "selfasserted" }, isComplete: true,
                "localization-string-ids.md, sign-up and self-asserted pages (2020-06, 2022-04); page-layout.md for heading and disclaimers (2.1.1)",
                Join(
                    All("ver_sent", "ver_but_default", "cancel_message", "preloader_alt", "ver_but_send", "alert_yes", "error_fieldIncorrect", "year",
                        "verifying_blurb", "button_cancel", "ver_fail_no_retry", "month", "ver_success_msg", "months", "ver_fail_server",
                        "error_requiredFieldMissing", "initial_intro", "ver_but_resend", "button_continue", "error_passwordEntryMismatch",
                        "ver_incorrect_format", "ver_but_edit", "ver_but_verify", "alert_no", "ver_info_msg", "day", "ver_fail_throttled",
                        "helplink_text", "ver_fail_retry", "alert_title", "required_field", "alert_message", "ver_intro_msg", "ver_input",
                        "required_field_descriptive",
                        // In the doc's examples and the starter pack, not in its table.
                        "ver_fail_code_expired",
                        // Deprecated verification-control strings (selfasserted 2.0.0); DisplayControl strings replace them.
                        "verification_control_but_change_claims", "verification_control_fail_send_code", "verification_control_fail_verify_code",
                        "verification_control_but_send_code", "verification_control_but_send_new_code", "verification_control_but_verify_code",
                        "verification_control_code_sent"),
                    Since("2.1.1", "heading", "disclaimer_msg_intro", "disclaimer_link_1_text", "disclaimer_link_1_url", "disclaimer_link_2_text", "disclaimer_link_2_url"))),
            new PageStrings(new[] { "multifactor" }, isComplete: true,
                "localization-string-ids.md, phone factor page; page-layout.md multifactor 1.2.3 (throttling strings)",
                Join(
                    All("button_verify", "country_code_label", "cancel_message", "text_button_send_second_code", "code_pattern", "intro_mixed",
                        "intro_mixed_p", "button_verify_code", "requiredField_code", "invalid_code", "button_cancel", "local_number_input_placeholder_text",
                        "button_retry", "alternative_text", "intro_phone_p", "intro_phone", "enter_code_text_intro", "intro_entry_phone", "intro_entry_sms",
                        "button_send_code", "invalid_number", "intro_sms", "intro_entry_mixed", "number_pattern", "intro_sms_p", "requiredField_countryCode",
                        "requiredField_number", "country_code_input_placeholder_text", "number_label", "error_tryagain", "error_incorrect_code",
                        "countryList", "error_448", "error_449", "verification_code_input_placeholder_text"),
                    Since("1.2.3", "error_sms_throttled", "error_phone_throttled", "error_throttled"))),
            new PageStrings(new[] { "providerselection", "idpselection" }, isComplete: false,
                "no table in the docs; the starter pack localizes 'intro'",
                All("intro")),
            new PageStrings(new[] { "globalexception", "claimsconsent" }, isComplete: false,
                "no StringId list in any stored doc version",
                new StringIdEntry[0]),
        };

        public static PageStrings? ForPage(string page) => Pages.FirstOrDefault(p => p.Pages.Contains(page));

        /// <summary>
        /// ElementType ErrorMessage: the documented message ids (localization-string-ids.md; the same names are
        /// technical-profile metadata keys, technical-profiles.md §6, §7, §10, §11; claims-transformations.md §3).
        /// Known incomplete: undocumented ids work (samples#358), so unknown ones are only a warning.
        /// </summary>
        public static readonly IReadOnlyList<string> ErrorMessageIds = new[]
        {
            // Sign-in (unifiedssp and local-account sign-in pages)
            "UserMessageIfInvalidPassword", "UserMessageIfPasswordExpired", "UserMessageIfClaimsPrincipalDoesNotExist", "UserMessageIfOldPasswordUsed",
            "DefaultMessage", "UserMessageIfUserAccountDisabled", "UserMessageIfUserAccountLocked", "AADRequestsThrottled",
            "ResourceOwnerFlowInvalidCredentials", // starter pack and language-customization.md examples
            // Self-asserted pages
            "UserMessageIfClaimsPrincipalAlreadyExists", "UserMessageIfClaimNotVerified", "UserMessageIfIncorrectPattern",
            "UserMessageIfMissingRequiredElement", "UserMessageIfValidationError", "UserMessageIfInvalidInput", "ServiceThrottled",
            "UserMessageIfVerificationControlClaimsNotVerified",
            // Self-asserted TP error metadata for its validation profiles
            "AssertNumberError", "LookupNotFound", "UserMessageIfClaimsTransformationInvalidPhoneNumber", "UserMessageIfPhoneNumberParseFailure",
            // RESTful TP
            "DefaultUserMessageIfRequestFailed", "UserMessageIfCircuitOpen", "UserMessageIfDnsResolutionFailed", "UserMessageIfRequestTimeout",
            // Entra MFA TP
            "UserMessageIfCouldntSendSms", "UserMessageIfInvalidFormat", "UserMessageIfMaxAllowedCodeRetryReached", "UserMessageIfServerError",
            "UserMessageIfThrottled", "UserMessageIfWrongCodeEntered",
            // Entra SSPR TP
            "UserMessageIfChallengeExpired", "UserMessageIfInternalError", "UserMessageIfVerificationFailedNoRetry",
            "UserMessageIfVerificationFailedRetryAllowed",
            // One-time password TP
            "UserMessageIfSessionDoesNotExist", "UserMessageIfMaxRetryAttempted", "UserMessageIfMaxNumberOfCodeGenerated", "UserMessageIfInvalidCode",
            "UserMessageIfSessionConflict",
            "UserMessageIfIncorrectOTPCodeEntered", // undocumented but working (azure-ad-b2c/samples#358)
            // Assert claims transformations
            "UserMessageIfClaimsTransformationBooleanValueIsNotEqual", "DateTimeGreaterThan", "UserMessageIfClaimsTransformationStringsAreNotEqual",
        };

        /// <summary>
        /// ElementType DisplayControl (localization-string-ids.md: verification display control, selfasserted ≥ 2.1.0;
        /// TOTP display controls, selfasserted ≥ 2.1.9; phone verification disclaimers). Known incomplete (CAPTCHA strings were not retrieved).
        /// </summary>
        public static readonly IReadOnlyList<string> DisplayControlStringIds = new[]
        {
            "intro_msg", "success_send_code_msg", "failure_send_code_msg", "success_verify_code_msg", "failure_verify_code_msg",
            "but_send_code", "but_verify_code", "but_send_new_code", "but_change_claims",
            "title_text", "DN", "info_msg", "link_text", "account_name", "display_prefix", "collapse_text",
            // Disclaimer strings of a phone VerificationControl: Microsoft's phone-number-passwordless sample
            // (starter pack scenarios/phone-number-passwordless/Phone_Email_Base.xml, phoneVerificationControl).
            "disclaimer_msg_intro", "disclaimer_link_1_text", "disclaimer_link_1_url", "disclaimer_link_2_text", "disclaimer_link_2_url",
        };
    }
}
