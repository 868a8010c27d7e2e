using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyLint.Cli.Lsp.Protocol;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>Hover: the findings under the cursor (rule, title, message, page), then what navigation knows of the reference there.</summary>
    internal static class Hovers
    {
        public static Hover? For(LanguageServer server, TextDocumentPositionParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return null;
            lock (server.Gate)
            {
                var folder = server.Current(path);
                if (folder == null) return null;
                var at = new Range(p.Position, p.Position);
                var parts = new List<string>();
                Range? range = null;
                foreach (var diagnostic in Diagnostics.In(folder, path))
                {
                    var lsp = Diagnostics.ToLsp(diagnostic);
                    if (!Diagnostics.Touches(lsp.Range, at)) continue;
                    range ??= lsp.Range;
                    var text = new StringBuilder();
                    text.Append("**").Append(diagnostic.Id).Append("** ").Append(diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
                    text.Append(diagnostic.GetMessage(CultureInfo.InvariantCulture));
                    if (lsp.CodeDescription != null) text.Append("\n\n[").Append(diagnostic.Id).Append(" rule page](").Append(lsp.CodeDescription.Href).Append(')');
                    parts.Add(text.ToString());
                }
                var navigation = server.Navigation.Hover(p);
                if (navigation != null)
                {
                    parts.Add(navigation.Contents.Value);
                    range ??= navigation.Range;
                }
                if (parts.Count == 0) return null;
                return new Hover { Contents = new MarkupContent { Value = string.Join("\n\n---\n\n", parts) }, Range = range };
            }
        }
    }
}
