namespace PolicyLint.Analysis
{
    /// <summary>Categories, by the thousands digit of the id. The names are the ones `.editorconfig` uses
    /// in dotnet_analyzer_diagnostic.category-NAME.severity.</summary>
    public static class RuleCategory
    {
        public const string Files = "Files";
        public const string Policies = "Policies";
        public const string References = "References";
        public const string Journeys = "Journeys";
        public const string ClaimsTransformations = "ClaimsTransformations";
        public const string TechnicalProfiles = "TechnicalProfiles";
        public const string IdentityProviders = "IdentityProviders";
        public const string Security = "Security";
        public const string UserInterface = "UserInterface";

        public static string ForId(string id) => id.Length >= 3 ? id[2] switch
        {
            '0' => Files,
            '1' => Policies,
            '2' => References,
            '3' => Journeys,
            '4' => ClaimsTransformations,
            '5' => TechnicalProfiles,
            '6' => IdentityProviders,
            '7' => Security,
            '8' => UserInterface,
            _ => Files,
        } : Files;
    }
}
