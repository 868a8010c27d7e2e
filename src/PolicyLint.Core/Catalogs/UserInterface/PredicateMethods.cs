using System;
using System.Collections.Generic;

namespace PolicyLint.Catalogs.UserInterface
{
    /// <summary>Predicate methods and their parameter Ids (predicates.md 2024-01; user-interface.md §3.1, §3.2).</summary>
    public static class PredicateMethods
    {
        public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["IsLengthRange"] = new[] { "Minimum", "Maximum" },
            ["MatchesRegex"] = new[] { "RegularExpression" },
            ["IncludesCharacters"] = new[] { "CharacterSet" },
            ["IsDateRange"] = new[] { "Minimum", "Maximum" },
        };

        public const string CharacterSet = "CharacterSet";

        /// <summary>Inside a CharacterSet, a backslash may only escape a backslash or a hyphen (MicrosoftDocs/azure-docs#40785).</summary>
        public static readonly IReadOnlyList<char> AllowedEscapes = new[] { '\\', '-' };
    }
}
