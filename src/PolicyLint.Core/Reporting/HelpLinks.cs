using System;
using System.IO;
using PolicyLint.Analysis;

namespace PolicyLint.Reporting
{
    /// <summary>
    /// Rule page links from one configurable base (PolicyLintHelpLinkBase): a URL, or a folder such as the rule pages
    /// the package ships (docs/rules in the package), made a file URI.
    /// </summary>
    public static class HelpLinks
    {
        public static string For(string id, string? linkBase)
        {
            if (string.IsNullOrWhiteSpace(linkBase)) return RuleDescriptors.HelpLink(id);
            string b = linkBase!.Trim();
            // MSBuild hands Windows separators to a task as written, also on Linux and macOS.
            if (b.IndexOf("://", StringComparison.Ordinal) < 0 && Path.DirectorySeparatorChar == '/') b = b.Replace('\\', '/');
            if (b.IndexOf("://", StringComparison.Ordinal) < 0 && Path.IsPathRooted(b))
                b = new Uri(Path.GetFullPath(b).TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri;
            if (!b.EndsWith("/", StringComparison.Ordinal)) b += "/";
            return b + id + ".md";
        }
    }
}
