using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// Recognises literal secrets and says how to quote them: a diagnostic (and so the console, the IDE and
    /// the SARIF log) shows at most a secret's first two characters.
    /// </summary>
    public static class Secrets
    {
        /// <summary>How many leading characters a message may show.</summary>
        public const int ShownCharacters = 2;

        /// <summary>"'ab…' (40 characters)": enough to find the value, never enough to use it.</summary>
        public static string Mask(string secret)
        {
            secret = secret.Trim();
            // A short secret shows nothing: two characters of five is too much of it.
            string shown = secret.Length >= 8 ? secret.Substring(0, ShownCharacters) : string.Empty;
            return $"'{shown}…' ({secret.Length} characters)";
        }

        /// <summary>A URL safe to quote: credentials and the query string's values replaced by '…'.</summary>
        public static string RedactUrl(string url)
        {
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            int hostStart = scheme < 0 ? 0 : scheme + 3;
            int pathStart = url.IndexOfAny(new[] { '/', '?', '#' }, hostStart);
            if (pathStart < 0) pathStart = url.Length;
            int at = url.LastIndexOf('@', pathStart - 1, pathStart - hostStart);
            string head = at >= 0 ? url.Substring(0, hostStart) + "…@" + url.Substring(at + 1, pathStart - at - 1) : url.Substring(0, pathStart);
            int query = url.IndexOfAny(new[] { '?', '#' }, pathStart);
            string path = query < 0 ? url.Substring(pathStart) : url.Substring(pathStart, query - pathStart);
            return query < 0 ? head + path : head + path + url[query] + "…";
        }

        private static string Normalize(string name)
        {
            var chars = new char[name.Length];
            int n = 0;
            foreach (char c in name)
                if (char.IsLetterOrDigit(c)) chars[n++] = char.ToLowerInvariant(c);
            return new string(chars, 0, n);
        }

        // Names (normalized: lower case, letters and digits only) whose value is a credential.
        private static readonly ImmutableArray<string> SecretNames = ImmutableArray.Create<string>(
            "secret", "password", "passwd", "pwd", "token", "apikey", "accesskey", "accesstoken", "authtoken", "bearertoken",
            "connectionstring", "sharedaccesskey", "subscriptionkey", "functionkey", "functionskey", "privatekey", "accountkey",
            "signingkey", "clientassertion", "sastoken");

        private static readonly ImmutableArray<string> TextMarkers = ImmutableArray.Create<string>("message", "error", "helptext", "label", "text");

        private static readonly ImmutableArray<string> SecretSuffixes = ImmutableArray.Create<string>(
            "secret", "password", "passwd", "apikey", "accesskey", "accesstoken", "authtoken", "bearertoken", "connectionstring",
            "subscriptionkey", "functionkey", "functionskey", "privatekey", "accountkey", "sharedaccesskey", "sastoken");

        /// <summary>
        /// True for a metadata key or claim name that holds a credential: client_secret, BasicAuthenticationPassword,
        /// x-functions-key, ApiKey, ConnectionString... but not ClientSecretParamName (a parameter's name) or
        /// UseClaimAsBearerToken (a claim's name).
        /// </summary>
        /// <remarks>Metadata keys and claim names repeat in every file: each is judged once (Remembered).</remarks>
        public static bool IsSecretName(string? name) => !string.IsNullOrEmpty(name) && Remembered.Answer(JudgeName, name!);

        private static bool JudgeName(string name)
        {
            string n = Normalize(name!);
            if (n.StartsWith("useclaimas", StringComparison.Ordinal)) return false;
            // UserMessageIfInvalidPassword and the like are texts shown to the user.
            foreach (var text in TextMarkers)
                if (n.IndexOf(text, StringComparison.Ordinal) >= 0) return false;
            foreach (var s in SecretNames)
                if (n == s) return true;
            foreach (var s in SecretSuffixes)
                if (n.EndsWith(s, StringComparison.Ordinal)) return true;
            // x-functions-key, x-api-key, Ocp-Apim-Subscription-Key style header names.
            return name!.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && n.EndsWith("key", StringComparison.Ordinal);
        }

        private static readonly Regex Jwt = new Regex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant, PolicyLint.Common.RegexGuard.Limit);
        private static readonly Regex Bearer = new Regex(@"\bBearer\s+(?<v>[A-Za-z0-9._~+/=-]{16,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);
        private static readonly Regex ConnectionPart = new Regex(@"(?:^|;)\s*(?<k>AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*(?<v>[^;]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);
        private static readonly Regex UrlCredentials = new Regex(@"^[a-z][a-z0-9+.-]*://[^/?#@\s:]+:(?<v>[^/?#@\s]+)@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);
        private static readonly Regex NamedPair = new Regex(@"(?:^|[;&?,\s])(?<k>[A-Za-z][A-Za-z0-9_.-]*)\s*[=:]\s*(?<v>[^;&\s,""']{8,})", RegexOptions.CultureInvariant, PolicyLint.Common.RegexGuard.Limit);
        private static readonly Regex QuerySecret = new Regex(@"[?&](?<k>code|sig|key|apikey|api_key|api-key|subscription-key|access_token|client_secret|password)=(?<v>[^&#]{8,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PolicyLint.Common.RegexGuard.Limit);

        // Keys whose issuer gives them a recognisable shape: an Entra ID client secret ("abc8Q~..."), SendGrid, AWS, Google,
        // GitHub, Slack and Stripe keys.
        private static readonly ImmutableArray<(string Telltale, string Kind, Regex Shape)> KnownKeys = ImmutableArray.Create<(string, string, Regex)>(
            ("Q~", "Microsoft Entra client secret", new Regex(@"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("SG.", "SendGrid API key", new Regex(@"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("AKIA", "AWS access key", new Regex(@"\bAKIA[0-9A-Z]{16}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("AIza", "Google API key", new Regex(@"\bAIza[0-9A-Za-z_-]{35}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("_", "GitHub token", new Regex(@"\bgh[pousr]_[A-Za-z0-9]{36,}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("xox", "Slack token", new Regex(@"\bxox[abprs]-[A-Za-z0-9-]{10,}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)),
            ("_live_", "Stripe secret key", new Regex(@"\b[sr]k_live_[A-Za-z0-9]{20,}\b", RegexOptions.CultureInvariant, RegexGuard.Limit)));

        /// <summary>A key of a known issuer's shape anywhere in the text: what it is, where, and how long; or null.</summary>
        public static (string Kind, int Start, int Length)? FindKnownKey(string text)
        {
            foreach (var (telltale, kind, shape) in KnownKeys)
            {
                if (text.IndexOf(telltale, StringComparison.Ordinal) < 0) continue;
                var m = RegexGuard.Match(shape, text);
                if (m.Success) return (kind, m.Index, m.Length);
            }
            return null;
        }

        // Values people put where a secret goes when they have none at hand ("password", "P@ssw0rd", "changeme").
        private static readonly ImmutableArray<string> DummyValues = ImmutableArray.Create<string>(
            "password", "passwd", "pwd", "secret", "clientsecret", "test", "testing", "dummy", "example", "sample", "changeme",
            "value", "string", "none", "null", "empty", "placeholder", "todo", "tbd", "notused", "notset", "undefined", "default");

        /// <summary>
        /// Whether a value under a credential's name is itself credential-like: at least 8 characters without spaces, not
        /// a token or placeholder, not a stand-in word ("password", "P@ssw0rd", the claim's own name), and mixing
        /// letter cases, digits and symbols or long enough to be random. Test data fails this; a real key passes.
        /// </summary>
        public static bool LooksLikeCredential(string value, string? name)
        {
            string v = value.Trim();
            if (v.Length < 8 || IsNotASecret(v)) return false;
            bool lower = false, upper = false, digit = false, symbol = false, varied = false;
            foreach (char c in v)
            {
                if (char.IsWhiteSpace(c)) return false;
                if (char.IsLower(c)) lower = true;
                else if (char.IsUpper(c)) upper = true;
                else if (char.IsDigit(c)) digit = true;
                else symbol = true;
                varied |= c != v[0];
            }
            if (!varied) return false;
            string plain = Deleet(v);
            foreach (var dummy in DummyValues)
                if (plain == dummy) return false;
            if (name != null && (plain == Normalize(name) || string.Equals(v, name, StringComparison.OrdinalIgnoreCase))) return false;
            int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
            return classes >= 3 || (classes >= 2 && v.Length >= 12) || v.Length >= 20;
        }

        // "P@ssw0rd" -> "password": lower case, look-alike digits and symbols read as letters, separators dropped.
        private static string Deleet(string value)
        {
            var chars = new char[value.Length];
            int n = 0;
            foreach (char raw in value)
            {
                char c = char.ToLowerInvariant(raw);
                c = c switch { '@' => 'a', '4' => 'a', '$' => 's', '5' => 's', '0' => 'o', '3' => 'e', '1' => 'i', '!' => 'i', '7' => 't', _ => c };
                if (c == '-' || c == '_' || c == '.' || c == ' ') continue;
                chars[n++] = c;
            }
            return new string(chars, 0, n);
        }

        /// <summary>
        /// A secret recognisable by its shape whatever the key: a JWT, a bearer header, a connection string's
        /// key or password, credentials in a URL, an Azure Functions code or SAS signature in a query string.
        /// Returns what it is and the secret part, or null.
        /// </summary>
        public static (string Kind, string Secret)? FindByShape(string value)
        {
            // Each pattern runs only where the text it cannot match without is there: most values are plain words.
            if (FindKnownKey(value) is var (knownKind, knownStart, knownLength)) return (knownKind, value.Substring(knownStart, knownLength));
            Match m;
            if (value.IndexOf("eyJ", StringComparison.Ordinal) >= 0)
            {
                m = RegexGuard.Match(Jwt, value);
                if (m.Success) return ("bearer token (JWT)", m.Value);
            }
            if (value.IndexOf("bearer", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                m = RegexGuard.Match(Bearer, value);
                if (m.Success) return ("bearer token", m.Groups["v"].Value);
            }
            if (value.IndexOf('=') < 0 && value.IndexOf('@') < 0) return null;
            m = RegexGuard.Match(ConnectionPart, value);
            if (m.Success && !IsNotASecret(m.Groups["v"].Value)) return ($"connection string ({m.Groups["k"].Value}=)", m.Groups["v"].Value);
            m = RegexGuard.Match(UrlCredentials, value);
            if (m.Success) return ("password in the URL", m.Groups["v"].Value);
            m = RegexGuard.Match(QuerySecret, value);
            if (m.Success && !IsNotASecret(m.Groups["v"].Value)) return ($"key in the URL's query string ({m.Groups["k"].Value}=)", m.Groups["v"].Value);
            // "auth_token=...", "api-key: ..." inside a longer value (a claims transformation's string, a header line).
            for (m = RegexGuard.Match(NamedPair, value); m.Success; m = RegexGuard.Match(NamedPair, value, m.Groups["v"].Index))
                if (IsSecretName(m.Groups["k"].Value) && LooksLikeCredential(m.Groups["v"].Value, m.Groups["k"].Value))
                    return ($"credential ({m.Groups["k"].Value}=)", m.Groups["v"].Value);
            return null;
        }

        /// <summary>Values that are clearly not credentials even under a secret's name.</summary>
        public static bool IsNotASecret(string value)
        {
            string v = value.Trim();
            if (v.Length == 0) return true;
            if (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)) return true;
            // A policy key's name in the wrong place is a configuration mistake, not a leaked secret.
            if (v.StartsWith("B2C_1A_", StringComparison.OrdinalIgnoreCase)) return true;
            return PolicyLint.Common.Placeholders.IsDynamic(v) || SamplePlaceholders.Describe(v, inSetting: true) != null;
        }
    }
}
