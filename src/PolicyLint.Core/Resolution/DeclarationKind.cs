namespace PolicyLint.Resolution
{
    /// <summary>The kinds of element that policies declare by Id and reference by Id.</summary>
    public enum DeclarationKind
    {
        ClaimType,
        Predicate,
        InputValidation,
        PredicateValidation,
        ClaimsTransformation,
        ClientDefinition,
        ContentDefinition,
        LocalizedResources,
        DisplayControl,
        TechnicalProfile,
        UserJourney,
        SubJourney,
    }

    public static class DeclarationKinds
    {
        public static readonly DeclarationKind[] All = (DeclarationKind[])System.Enum.GetValues(typeof(DeclarationKind));

        /// <summary>The element path under TrustFrameworkPolicy where each kind is declared (one array per kind, shared: do not change it).</summary>
        public static string[] PathOf(DeclarationKind kind) => Paths[(int)kind];

        private static readonly string[][] Paths = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(All, MakePath));

        private static string[] MakePath(DeclarationKind kind) => kind switch
        {
            DeclarationKind.ClaimType => new[] { "BuildingBlocks", "ClaimsSchema", "ClaimType" },
            DeclarationKind.Predicate => new[] { "BuildingBlocks", "Predicates", "Predicate" },
            DeclarationKind.InputValidation => new[] { "BuildingBlocks", "InputValidations", "InputValidation" },
            DeclarationKind.PredicateValidation => new[] { "BuildingBlocks", "PredicateValidations", "PredicateValidation" },
            DeclarationKind.ClaimsTransformation => new[] { "BuildingBlocks", "ClaimsTransformations", "ClaimsTransformation" },
            DeclarationKind.ClientDefinition => new[] { "BuildingBlocks", "ClientDefinitions", "ClientDefinition" },
            DeclarationKind.ContentDefinition => new[] { "BuildingBlocks", "ContentDefinitions", "ContentDefinition" },
            DeclarationKind.LocalizedResources => new[] { "BuildingBlocks", "Localization", "LocalizedResources" },
            DeclarationKind.DisplayControl => new[] { "BuildingBlocks", "DisplayControls", "DisplayControl" },
            DeclarationKind.TechnicalProfile => new[] { "ClaimsProviders", "ClaimsProvider", "TechnicalProfiles", "TechnicalProfile" },
            DeclarationKind.UserJourney => new[] { "UserJourneys", "UserJourney" },
            DeclarationKind.SubJourney => new[] { "SubJourneys", "SubJourney" },
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>How messages name a kind.</summary>
        public static string DisplayName(DeclarationKind kind) => kind switch
        {
            DeclarationKind.LocalizedResources => "LocalizedResources",
            _ => kind.ToString(),
        };
    }
}

namespace PolicyLint.Resolution
{
    /// <summary>A declaration's kind and Id as one key: Ids compare as the service compares them, ignoring case.</summary>
    public static class KindAndId
    {
        public static readonly System.Collections.Generic.IEqualityComparer<(DeclarationKind Kind, string Id)> Comparer = new KindAndIdComparer();

        private sealed class KindAndIdComparer : System.Collections.Generic.IEqualityComparer<(DeclarationKind Kind, string Id)>
        {
            public bool Equals((DeclarationKind Kind, string Id) x, (DeclarationKind Kind, string Id) y)
                => x.Kind == y.Kind && System.StringComparer.OrdinalIgnoreCase.Equals(x.Id, y.Id);

            public int GetHashCode((DeclarationKind Kind, string Id) value)
                => (int)value.Kind * 397 ^ System.StringComparer.OrdinalIgnoreCase.GetHashCode(value.Id);
        }
    }
}
