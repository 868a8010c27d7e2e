using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// A rule's page (docs/rules/PLnnnn.md, embedded in the assembly) as SARIF help: code scanning shows it beside each
    /// alert, so the page's hand-written body travels with the log.
    /// </summary>
    public static class RuleHelp
    {
        private const string EndOfHeader = "<!-- END GENERATED -->";
        private static readonly ConcurrentDictionary<string, string?> Pages = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>The page's body under its title, or null when the assembly has no page for the id.</summary>
        public static string? Markdown(string id, string title)
        {
            var page = Pages.GetOrAdd(id, Load);
            if (page == null) return null;
            int end = page.IndexOf(EndOfHeader, StringComparison.Ordinal);
            var body = end < 0 ? page : page.Substring(end + EndOfHeader.Length);
            return $"# {id}: {title}\n\n{body.Trim()}\n";
        }

        /// <summary>The same help as plain text: no code fences, emphasis or link targets.</summary>
        public static string? Text(string id, string title)
        {
            var markdown = Markdown(id, title);
            if (markdown == null) return null;
            var sb = new StringBuilder(markdown.Length);
            foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal)) continue;
                sb.Append(line.TrimStart('#', ' ').Replace("**", "").Replace("`", "")).Append('\n');
            }
            return sb.ToString().Trim() + "\n";
        }

        private static string? Load(string id)
        {
            using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream("PolicyLint.Docs." + id + ".md");
            if (stream == null) return null;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
