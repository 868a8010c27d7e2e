using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyLint.Model;

namespace PolicyLint.Common
{
    /// <summary>A {Settings:Key} token outside attribute values: inside a tag, or in an element's content.</summary>
    public readonly struct MarkupToken
    {
        public MarkupToken(SettingsToken token, bool inTag)
        {
            Token = token;
            InTag = inTag;
        }

        public SettingsToken Token { get; }
        /// <summary>Between '&lt;' and '&gt;' outside quotes: where attributes or a name are expected.</summary>
        public bool InTag { get; }
        public int Start => Token.Start;
        public int End => Token.Start + Token.Length;
    }

    /// <summary>
    /// Tokens that stand for markup. The B2C VS Code extension replaces {Settings:Key} in a policy's text before the
    /// upload, wherever it is, so a token may stand for attributes (`&lt;TrustFrameworkPolicy … {Settings:DeploymentMode}&gt;`
    /// with the value `DeploymentMode="Development"`) or for elements. Such a file is parsed as each environment
    /// deploys it: those tokens are replaced in the text first and positions are mapped back to the file.
    /// Tokens inside attribute values and plain-text values stay in the parsed values: the rules substitute them
    /// (<see cref="SettingsTokens.Expand"/>), so every environment shares one parse of the file.
    /// </summary>
    public static class MarkupTokens
    {
        /// <summary>A replaced text longer than this is not parsed (a setting repeated into gigabytes); the file is read as written.</summary>
        public const int MaxSubstitutedLength = 16 * 1024 * 1024;

        /// <summary>
        /// The tokens of a file's text that are not inside an attribute value, a comment, CDATA or a processing
        /// instruction, in order. One pass, whatever the text: a malformed file is read as far as it goes.
        /// </summary>
        public static List<MarkupToken> Find(string text)
        {
            var found = new List<MarkupToken>();
            int n = text.Length;
            int i = 0;
            while (i < n)
            {
                int next = text.IndexOfAny(ContentStops, i);
                if (next < 0) break;
                i = next;
                if (text[i] == '{')
                {
                    if (SettingsTokens.TryRead(text, i, n, out var token))
                    {
                        found.Add(new MarkupToken(token, inTag: false));
                        i += token.Length;
                    }
                    else i++;
                    continue;
                }
                if (Skip(text, i, "<!--", "-->", out i) || Skip(text, i, "<![CDATA[", "]]>", out i) || Skip(text, i, "<?", "?>", out i) || Skip(text, i, "<!", ">", out i))
                    continue;
                i = ReadTag(text, i + 1, found);
            }
            return found;
        }

        private static readonly char[] ContentStops = { '<', '{' };
        private static readonly char[] TagStops = { '>', '<', '"', '\'', '{' };

        /// <summary>Past the construct that starts with <paramref name="open"/> at <paramref name="at"/>, if one does.</summary>
        private static bool Skip(string text, int at, string open, string close, out int after)
        {
            after = at;
            if (string.CompareOrdinal(text, at, open, 0, open.Length) != 0) return false;
            int end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
            after = end < 0 ? text.Length : end + close.Length;
            return true;
        }

        /// <summary>Reads a start or end tag from just after its '&lt;'; returns the offset after its '&gt;' (or where a new tag starts).</summary>
        private static int ReadTag(string text, int i, List<MarkupToken> found)
        {
            int n = text.Length;
            while (i < n)
            {
                int next = text.IndexOfAny(TagStops, i);
                if (next < 0) return n;
                char c = text[next];
                if (c == '>') return next + 1;
                if (c == '<') return next;
                if (c == '"' || c == '\'')
                {
                    int close = text.IndexOf(c, next + 1);
                    if (close < 0) return n;
                    i = close + 1;
                    continue;
                }
                if (SettingsTokens.TryRead(text, next, n, out var token))
                {
                    found.Add(new MarkupToken(token, inTag: true));
                    i = next + token.Length;
                }
                else i = next + 1;
            }
            return n;
        }

        /// <summary>
        /// The tokens an environment replaces before parsing: every defined token inside a tag, and a defined token in
        /// content whose value holds markup ('&lt;'). Empty when the file is parsed as written.
        /// </summary>
        public static List<(MarkupToken Token, string Value)> Replaced(IReadOnlyList<MarkupToken> tokens, IReadOnlyDictionary<string, string> settings)
        {
            var replaced = new List<(MarkupToken, string)>();
            foreach (var token in tokens)
            {
                if (!SettingsTokens.TryGetValue(token.Token, settings, out var value)) continue;
                if (token.InTag || value.IndexOf('<') >= 0) replaced.Add((token, value));
            }
            return replaced;
        }

        /// <summary>The text with these tokens replaced, and the way back to it; null when the result would be too long.</summary>
        public static SourceMap? Replace(string text, IReadOnlyList<(MarkupToken Token, string Value)> replaced)
            => SourceMap.Create(text, replaced.Select(r => (r.Token.Start, r.Token.Token.Length, r.Value)).ToList(), MaxSubstitutedLength);

        /// <summary>Some value holds markup: only then can a token in a well-formed file's text stand for markup.</summary>
        public static bool AnyValueHoldsMarkup(IReadOnlyDictionary<string, string> settings)
        {
            foreach (var value in settings.Values)
                if (value.IndexOf('<') >= 0) return true;
            return false;
        }

        /// <summary>
        /// The tokens of a parsed file that may stand for markup. A well-formed file cannot hold one inside a tag, so
        /// its text is read again only when some element's text holds a token.
        /// </summary>
        public static List<MarkupToken> Of(PolicyDocument document)
        {
            if (document.IsWellFormed && !document.Texts.Any(PolicyLint.Common.Placeholders.HasSettingsToken)) return new List<MarkupToken>();
            string text = document.Text;
            if (text.IndexOf(SettingsTokens.Prefix, StringComparison.OrdinalIgnoreCase) < 0) return new List<MarkupToken>();
            return Find(text);
        }

        /// <summary>
        /// The file as this environment deploys it: <paramref name="document"/> itself when no token of it stands for
        /// markup with these settings, else the file parsed with those tokens replaced (positions in the file).
        /// </summary>
        /// <param name="cache">Shares the tokens of a file, and the parse of a replaced text, between environments.</param>
        /// <remarks>The replaced text gets a name table of its own: the parse may be shared with another thread.</remarks>
        internal static PolicyDocument Substitute(PolicyDocument document, IReadOnlyDictionary<string, string>? settings, ISubstitutionCache? cache)
        {
            if (settings == null || settings.Count == 0) return document;
            if (document.IsWellFormed && !AnyValueHoldsMarkup(settings)) return document;
            var replaced = Replaced(cache != null ? cache.MarkupTokens(document) : Of(document), settings);
            if (replaced.Count == 0) return document;

            PolicyDocument Parse()
            {
                var map = Replace(document.Text, replaced);
                return map == null ? document : PolicyParser.ParseSubstituted(document.FilePath, map);
            }
            if (cache == null) return Parse();
            // Environments that give these tokens the same values deploy the same text.
            var key = new StringBuilder();
            foreach (var (token, value) in replaced) key.Append(token.Start).Append('=').Append(value.Length).Append(':').Append(value);
            return cache.Substituted(document, key.ToString(), Parse);
        }

        /// <summary>The token inside a tag that holds <paramref name="offset"/>, if any (where the parser stopped on a token left in).</summary>
        public static MarkupToken? InTagAt(PolicyDocument document, int offset)
        {
            if (document.Text.IndexOf(SettingsTokens.Prefix, StringComparison.OrdinalIgnoreCase) < 0) return null;
            foreach (var token in Find(document.Text))
                if (token.InTag && offset >= token.Start && offset < token.End) return token;
            return null;
        }
    }

    /// <summary>Shares the tokens of a file, and the parse of a replaced text, between environments (the engine's loaded files).</summary>
    internal interface ISubstitutionCache
    {
        List<MarkupToken> MarkupTokens(PolicyDocument document);
        PolicyDocument Substituted(PolicyDocument document, string key, Func<PolicyDocument> parse);
    }
}
