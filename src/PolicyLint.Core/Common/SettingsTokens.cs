using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyLint.Common
{
    /// <summary>A {Settings:Key} token found in a policy's source text.</summary>
    public readonly struct SettingsToken
    {
        public SettingsToken(int start, int length, string key, bool exactPrefix)
        {
            Start = start;
            Length = length;
            Key = key;
            ExactPrefix = exactPrefix;
        }

        /// <summary>Offset of '{' in the text searched.</summary>
        public int Start { get; }
        public int Length { get; }
        public string Key { get; }
        /// <summary>Written "{Settings:" exactly; the extension's replacement is case-sensitive, so "{settings:" is never replaced.</summary>
        public bool ExactPrefix { get; }
    }

    /// <summary>Finds and substitutes {Settings:Key} tokens the way the B2C VS Code extension's build does.</summary>
    public static class SettingsTokens
    {
        public const string Prefix = "{Settings:";

        /// <summary>Tokens in text[start, end), e.g. the raw source of an attribute value.</summary>
        public static IEnumerable<SettingsToken> Find(string text, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                int open = text.IndexOf(Prefix, i, end - i, StringComparison.OrdinalIgnoreCase);
                if (open < 0) yield break;
                if (TryRead(text, open, end, out var token))
                {
                    yield return token;
                    i = open + token.Length;
                }
                else
                {
                    i = open + Prefix.Length;
                }
            }
        }

        /// <summary>The token that starts at <paramref name="open"/> and ends before <paramref name="end"/>, if one does.</summary>
        public static bool TryRead(string text, int open, int end, out SettingsToken token)
        {
            token = default;
            if (open < 0 || open + Prefix.Length >= end || string.Compare(text, open, Prefix, 0, Prefix.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
            int keyStart = open + Prefix.Length;
            int close = keyStart;
            while (close < end && text[close] != '}' && text[close] != '{' && text[close] != '<' && text[close] != '"' && !char.IsWhiteSpace(text[close])) close++;
            if (close >= end || text[close] != '}' || close == keyStart) return false;
            bool exact = string.CompareOrdinal(text, open, Prefix, 0, Prefix.Length) == 0;
            token = new SettingsToken(open, close + 1 - open, text.Substring(keyStart, close - keyStart), exact);
            return true;
        }

        public static IEnumerable<SettingsToken> Find(string text) => Find(text, 0, text.Length);

        /// <summary>The value is one or more tokens and nothing else but white space.</summary>
        public static bool IsOnlyTokens(string value)
        {
            int last = 0;
            bool any = false;
            foreach (var token in Find(value))
            {
                if (!string.IsNullOrWhiteSpace(value.Substring(last, token.Start - last))) return false;
                last = token.Start + token.Length;
                any = true;
            }
            return any && string.IsNullOrWhiteSpace(value.Substring(last));
        }

        /// <summary>True when the extension would replace this token with a value from these settings.</summary>
        public static bool TryGetValue(SettingsToken token, IReadOnlyDictionary<string, string>? settings, out string value)
        {
            value = string.Empty;
            if (settings == null || !token.ExactPrefix) return false;
            if (!settings.TryGetValue(token.Key, out var v)) return false;
            value = v;
            return true;
        }

        /// <summary>
        /// The value as the environment will deploy it: every {Settings:Key} replaced. Null when there are no
        /// settings or when a token has no value (PL7008 reports that), so rules keep treating the value as unknown.
        /// </summary>
        public static string? Expand(string? value, IReadOnlyDictionary<string, string>? settings)
        {
            if (value == null) return null;
            if (!Placeholders.HasSettingsToken(value)) return value;
            if (settings == null) return null;
            var sb = new StringBuilder(value.Length);
            int last = 0;
            foreach (var token in Find(value))
            {
                if (!TryGetValue(token, settings, out var replacement)) return null;
                sb.Append(value, last, token.Start - last).Append(replacement);
                last = token.Start + token.Length;
            }
            sb.Append(value, last, value.Length - last);
            return sb.ToString();
        }
    }
}
