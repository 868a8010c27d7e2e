using System.Collections.Generic;
using System;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;

namespace PolicyLint.Common
{
    /// <summary>
    /// The values Microsoft's starter pack and identity-provider docs ship for users to replace
    /// (upload-errors.md S08, S11, S12, S15).
    /// </summary>
    public static class SamplePlaceholders
    {
        private static readonly (string Value, string Reason)[] ExactValues =
        {
            ("facebook_clientid", "the starter pack's placeholder for the Facebook application id"),
            ("ProxyIdentityExperienceFrameworkAppId", "the starter pack's placeholder for the application id of the ProxyIdentityExperienceFramework app registration"),
            ("IdentityExperienceFrameworkAppId", "the starter pack's placeholder for the application id of the IdentityExperienceFramework app registration"),
            ("00000000-0000-0000-0000-000000000000", "the all-zero GUID, a documentation placeholder: use the real application or tenant id"),
        };

        // "Your WeChat application ID", "You Apple ID", "{Your Application Insights Key}", "add your InstrumentationKey here",
        // "{your_tenant_name}": a few words, "your" among the first, naming an id, key, secret, name... at the end.
        private static readonly Regex YourSomething = new Regex(
            @"^\{?\s*(?:(?:please\s+)?(?:add|enter|insert|put|paste|replace|set|type|use)\s+(?:with\s+|in\s+)?)?(?:the\s+)?your?[\s_-]+(?:[A-Za-z0-9.]+[\s_-]+){0,5}?[A-Za-z0-9.]*?(?:id|key|secret|name|password|url|uri|domain|tenant)s?(?:\s+(?:here|value))?\s*\}?\s*\.?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        // "your_tenant", "your-tenant": the docs' spellings of the starter pack's "yourtenant" (with a space it is prose:
        // "your tenant name" is YourSomething's, in settings only).
        private static readonly Regex YourTenant = new Regex(@"your[_-]tenant", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        // "tenant-name.onmicrosoft.com", "mytenant.b2clogin.com": a tenant name that names no tenant.
        private static readonly Regex TenantNameHost = new Regex(@"(?<![A-Za-z0-9-])(?:tenant(?:[-_]?name)?|my[-_]?tenant(?:[-_]?name)?)\.(?:onmicrosoft\.com|b2clogin\.com)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        // "<your-client-id>", "https://<tenant>.b2clogin.com": a word in angle brackets (the value as read, entities
        // decoded), but not a regular expression's named group "(?<name>" or "\k<name>".
        private static readonly Regex AngleBrackets = new Regex(@"(?<!\?|\\k)<[A-Za-z][A-Za-z0-9 _.-]*>", RegexOptions.CultureInvariant, PolicyLint.Common.RegexGuard.Limit);

        /// <summary>
        /// Why the value is a sample placeholder, or null. <paramref name="inSetting"/> is true for a metadata item,
        /// an attribute value or a setting; the free-text patterns ("Your ... ID", "&lt;...&gt;") apply only there,
        /// never to display text such as UserHelpText ("Your display name.").
        /// </summary>
        private static readonly char[] YorY = { 'y', 'Y' };

        // Every placeholder holds one of these ('y' of "yourtenant" and "Your", '<', '{' of a settings token), or "tenant",
        // or is as long as an exact value.
        private static readonly char[] Telltales = { 'y', 'Y', '<', '{' };

        /// <summary>
        /// False when <see cref="Describe"/> cannot find anything in the value, even once its settings tokens are
        /// expanded: a quick test that spares most of a policy's values the full one.
        /// </summary>
        public static bool MayBePlaceholder(string raw)
        {
            if (raw.IndexOfAny(Telltales) >= 0 || raw.IndexOf("tenant", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            int start = 0, end = raw.Length;
            while (start < end && char.IsWhiteSpace(raw[start])) start++;
            while (end > start && char.IsWhiteSpace(raw[end - 1])) end--;
            foreach (var (exact, _) in ExactValues)
                if (exact.Length == end - start) return true;
            return false;
        }

        // The part of a value that is the placeholder: the starter pack's and the docs' tenant spellings, a '<...>' or a
        // '{your ...}' inside a longer value.
        private static readonly Regex PlaceholderPart = new Regex(
            @"\{\s*your[^{}]*\}|your[_-]?tenant(?:[_-]?name)?|(?<![A-Za-z0-9-])(?:tenant(?:[-_]?name)?|my[-_]?tenant(?:[-_]?name)?)(?=\.(?:onmicrosoft\.com|b2clogin\.com))|(?<!\?|\\k)<[A-Za-z][A-Za-z0-9 _.-]*>",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        // The tenant name part of a value: the starter pack's 'yourtenant', the docs' 'your-tenant', 'tenant-name', 'mytenant'
        // before a tenant host. What `policylint fix --tenant NAME` replaces.
        private static readonly Regex TenantNamePart = new Regex(
            @"your[_-]?tenant(?:[_-]?name)?|(?<![A-Za-z0-9-])(?:tenant(?:[-_]?name)?|my[-_]?tenant(?:[-_]?name)?)(?=\.(?:onmicrosoft\.com|b2clogin\.com))",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        /// <summary>Where a tenant name placeholder stands in the text (offset and length), for the fix that puts the real name there.</summary>
        public static List<(int Index, int Length)> TenantNameParts(string text)
        {
            var parts = new List<(int, int)>();
            if (text.Length > RegexGuard.MaxInput) return parts;
            try
            {
                foreach (Match m in TenantNamePart.Matches(text)) parts.Add((m.Index, m.Length));
            }
            catch (RegexMatchTimeoutException) { parts.Clear(); }
            return parts;
        }

        private static readonly Regex PlaceholderTenant = new Regex(@"\Acontoso[0-9]*(?:\.onmicrosoft\.com|\.b2clogin\.com)?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        /// <summary>
        /// The value with its placeholder part replaced by a plain name ('yourtenant.on microsoft.com' becomes
        /// 'contoso.on microsoft.com'), so that what is wrong besides the placeholder can still be checked; null when the
        /// whole value is the placeholder ("add your InstrumentationKey here", facebook_clientid).
        /// </summary>
        public static string? WithoutPlaceholder(string value)
        {
            if (value.Length > RegexGuard.MaxInput) return null;
            string replaced;
            try { replaced = PlaceholderPart.Replace(value, "contoso"); }
            catch (RegexMatchTimeoutException) { return null; }
            // 'yourtenant.onmicrosoft.com' is a placeholder as a whole: the tenant's name (or its GUID) goes there.
            return replaced == value || RegexGuard.IsMatch(PlaceholderTenant, replaced.Trim()) ? null : replaced;
        }

        public static string? Describe(string? value, bool inSetting)
        {
            if (string.IsNullOrEmpty(value)) return null;
            string v = value!.Trim();
            if (v.IndexOfAny(YorY) >= 0 && v.IndexOf("yourtenant", StringComparison.OrdinalIgnoreCase) >= 0)
                return "the starter pack's tenant placeholder 'yourtenant': use your tenant's name, such as contoso.onmicrosoft.com";
            if (v.IndexOf("tenant", StringComparison.OrdinalIgnoreCase) >= 0
                && ((v.IndexOfAny(YorY) >= 0 && RegexGuard.IsMatch(YourTenant, v)) || RegexGuard.IsMatch(TenantNameHost, v)))
                return "a documentation's tenant placeholder: use your tenant's name, such as contoso.onmicrosoft.com";
            foreach (var (exact, reason) in ExactValues)
                if (string.Equals(v, exact, StringComparison.OrdinalIgnoreCase)) return reason;
            if (!inSetting) return null;
            // Cheap tests first: most values hold neither "you" nor a '<'.
            if (v.Length <= 100 && v.IndexOfAny(YorY) >= 0 && v.IndexOf("you", StringComparison.OrdinalIgnoreCase) >= 0 && RegexGuard.IsMatch(YourSomething, v))
                return "a documentation placeholder: replace it with the real value";
            if (v.IndexOf('<') >= 0 && v.IndexOf("</", StringComparison.Ordinal) < 0 && v.IndexOf("/>", StringComparison.Ordinal) < 0 && v.IndexOf("<!", StringComparison.Ordinal) < 0
                && v.IndexOf("<?", StringComparison.Ordinal) < 0 && v.IndexOf('\n') < 0 && RegexGuard.IsMatch(AngleBrackets, v))
                return "a '<...>' placeholder: replace it with the real value";
            return null;
        }
    }
}
