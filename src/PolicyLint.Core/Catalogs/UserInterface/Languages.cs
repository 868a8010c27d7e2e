using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs.UserInterface
{
    /// <summary>
    /// Languages for SupportedLanguage / DefaultLanguage (user-interface.md §2.5).
    /// </summary>
    public static class Languages
    {
        /// <summary>
        /// The codes Microsoft translates (user flows) or sends MFA messages in: language-customization.md,
        /// "Supported languages" (code → name).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> Documented = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ar"] = "Arabic", ["bg"] = "Bulgarian", ["bn"] = "Bangla", ["ca"] = "Catalan", ["cs"] = "Czech", ["da"] = "Danish",
            ["de"] = "German", ["el"] = "Greek", ["en"] = "English", ["es"] = "Spanish", ["et"] = "Estonian", ["eu"] = "Basque",
            ["fi"] = "Finnish", ["fr"] = "French", ["gl"] = "Galician", ["gu"] = "Gujarati", ["he"] = "Hebrew", ["hi"] = "Hindi",
            ["hr"] = "Croatian", ["hu"] = "Hungarian", ["id"] = "Indonesian", ["it"] = "Italian", ["ja"] = "Japanese", ["kk"] = "Kazakh",
            ["kn"] = "Kannada", ["ko"] = "Korean", ["lt"] = "Lithuanian", ["lv"] = "Latvian", ["ml"] = "Malayalam", ["mr"] = "Marathi",
            ["ms"] = "Malay", ["nb"] = "Norwegian Bokmål", ["nl"] = "Dutch", ["no"] = "Norwegian", ["pa"] = "Punjabi", ["pl"] = "Polish",
            ["pt-br"] = "Portuguese (Brazil)", ["pt-pt"] = "Portuguese (Portugal)", ["ro"] = "Romanian", ["ru"] = "Russian",
            ["sk"] = "Slovak", ["sl"] = "Slovenian", ["sr-cryl-cs"] = "Serbian Cyrillic", ["sr-latn-cs"] = "Serbian Latin",
            ["sv"] = "Swedish", ["ta"] = "Tamil", ["te"] = "Telugu", ["th"] = "Thai", ["tr"] = "Turkish", ["uk"] = "Ukrainian",
            ["vi"] = "Vietnamese", ["zh-hans"] = "Chinese Simplified", ["zh-hant"] = "Chinese Traditional",
        };

        /// <summary>
        /// Custom languages: language-customization.md says a custom language is an ISO 639-1 code with an optional
        /// region (en-GB). These are the ISO 639-1 two-letter codes.
        /// </summary>
        public static readonly IReadOnlyCollection<string> Iso639_1 = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs",
            "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff",
            "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id",
            "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku",
            "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my",
            "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu",
            "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv",
            "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
            "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
        };

        /// <summary>Well-formed tags the service rejected: "de-BE is an invalid culture identifier" (MicrosoftDocs/azure-docs#27490, 2019).</summary>
        public static readonly IReadOnlyCollection<string> Rejected = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "de-BE" };

        /// <summary>Codes for did-you-mean.</summary>
        public static IEnumerable<string> Candidates => Documented.Keys;
    }
}
