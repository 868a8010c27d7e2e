using System;
using System.Threading;

namespace PolicyLint.Common
{
    /// <summary>
    /// Values that are filled in later: build-time settings tokens, deploy-time tokens of other tools, and the
    /// service's claim resolvers. Such a value is not syntax-checked, not resolved as a reference, and not a secret.
    /// Every rule asks here.
    /// </summary>
    public static class Placeholders
    {
        // The token shapes of the build being analyzed (PolicyLintTokenPatterns): set by the analyzer for its run, so that
        // every rule and the schema tables see the same set without each taking the options.
        private static readonly AsyncLocal<DeployTokens?> CurrentTokens = new AsyncLocal<DeployTokens?>();

        /// <summary>The deploy-time token shapes in force: the build's, else the built-in ones.</summary>
        public static DeployTokens Tokens => CurrentTokens.Value ?? DeployTokens.Default;

        /// <summary>Uses these token shapes until the result is disposed (one analysis run).</summary>
        public static IDisposable Use(DeployTokens tokens)
        {
            var previous = CurrentTokens.Value;
            CurrentTokens.Value = tokens;
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly DeployTokens? _previous;
            public Restore(DeployTokens? previous) => _previous = previous;
            public void Dispose() => CurrentTokens.Value = _previous;
        }

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

        /// <summary>Contains a token another deployment tool replaces ({{ tenantId }}, #{Tenant}#, __Tenant__, ${TENANT}, a whole-value {AADSecret}).</summary>
        public static bool HasDeployToken(string? value) => Tokens.Contains(value);

        /// <summary>Not known at build time: a settings token, a deploy-time token or a claim resolver, anywhere in the value.</summary>
        public static bool IsDynamic(string? value)
            => value != null && (HasSettingsToken(value) || HasClaimResolver(value) || HasDeployToken(value));

        /// <summary>
        /// A value Microsoft's samples or docs ship for the user to replace ('yourtenant.onmicrosoft.com',
        /// 'your_tenant', 'add your InstrumentationKey here'): PL7001 reports it, once; no other rule checks it.
        /// </summary>
        public static bool IsSamplePlaceholder(string? value)
            => value != null && PolicyLint.Common.SamplePlaceholders.MayBePlaceholder(value) && PolicyLint.Common.SamplePlaceholders.Describe(value, inSetting: true) != null;

        /// <summary>
        /// Holds a name in single braces ("{AADTenantName}.onmicrosoft.com"). IEFPolicies replaces such a token anywhere
        /// in a value, but inside a URL it may as well be the service's own ({tenant}, a REST ServiceUrl's claim), so it
        /// counts as a token only where braces cannot be part of the value (a TenantId, an enumeration).
        /// </summary>
        public static bool HasBracedName(string? value)
        {
            if (value == null) return false;
            int open = value.IndexOf('{');
            while (open >= 0)
            {
                int i = open + 1;
                while (i < value.Length && (char.IsLetterOrDigit(value[i]) || value[i] == '_' || value[i] == '-' || value[i] == '.')) i++;
                if (i > open + 1 && i < value.Length && value[i] == '}' && char.IsLetter(value[open + 1])) return true;
                open = value.IndexOf('{', open + 1);
            }
            return false;
        }

        /// <summary>The value with its sample placeholder replaced by a plain name; null when the whole value is the placeholder.</summary>
        public static string? WithoutSamplePlaceholder(string value) => PolicyLint.Common.SamplePlaceholders.WithoutPlaceholder(value);

        /// <summary>Not a final literal: dynamic, or a sample placeholder left in.</summary>
        public static bool IsNotFinal(string? value) => IsDynamic(value) || IsSamplePlaceholder(value);
    }
}
