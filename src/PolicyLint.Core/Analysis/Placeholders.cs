using System;

namespace PolicyLint.Analysis
{
    /// <summary>Values that are filled in later: build-time settings tokens and the service's claim resolvers.</summary>
    public static class Placeholders
    {
        /// <summary>Contains a {Settings:Name} token (B2C VS Code extension / deployment pipelines).</summary>
        public static bool HasSettingsToken(string? value)
            => value != null && value.IndexOf('{') >= 0 && value.IndexOf("{Settings:", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Contains a claim resolver such as {Context:CorrelationId} or {OIDC:ClientId}.</summary>
        public static bool HasClaimResolver(string? value)
        {
            if (value == null) return false;
            int open = value.IndexOf('{');
            while (open >= 0)
            {
                int colon = value.IndexOf(':', open);
                int close = value.IndexOf('}', open);
                if (colon > open + 1 && close > colon) return true;
                open = value.IndexOf('{', open + 1);
            }
            return false;
        }

        /// <summary>Any {Prefix:Name} token: the literal value is not known at build time.</summary>
        public static bool IsDynamic(string? value) => value != null && value.IndexOf('{') >= 0 && (HasSettingsToken(value) || HasClaimResolver(value));
    }
}
