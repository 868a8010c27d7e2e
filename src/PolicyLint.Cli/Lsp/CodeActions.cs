using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Cli.Lsp.Protocol;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// Quick fixes for the findings in a range: the rule's own fixes (safe ones preferred), then the host's (suppress
    /// with a comment, set the severity in .editorconfig), each as a WorkspaceEdit.
    /// </summary>
    internal static class CodeActions
    {
        public static List<CodeAction>? For(LanguageServer server, CodeActionParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return null;
            if (p.Context.Only != null && !p.Context.Only.Any(k => k == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(k + ".", StringComparison.Ordinal))) return new List<CodeAction>();
            lock (server.Gate)
            {
                var folder = server.Current(path);
                if (folder == null) return null;
                string projectDirectory = folder.Configuration?.Options.ProjectDirectory ?? folder.Root;
                var actions = new List<CodeAction>();
                var texts = new Dictionary<string, LineMap>(StringComparer.Ordinal);
                foreach (var diagnostic in Diagnostics.In(folder, path))
                {
                    var lsp = Diagnostics.ToLsp(diagnostic);
                    if (!Diagnostics.Touches(lsp.Range, p.Range)) continue;
                    bool preferred = false;
                    foreach (var fix in CodeFix.Of(diagnostic))
                    {
                        var edit = Edit(server, fix.Edits, texts);
                        if (edit == null) continue;
                        bool prefer = fix.IsSafe && !preferred;
                        preferred |= prefer;
                        actions.Add(new CodeAction { Title = fix.Title, Diagnostics = new List<Diagnostic> { lsp }, IsPreferred = prefer ? true : (bool?)null, Edit = edit });
                    }
                    foreach (var fix in HostFixes.For(diagnostic, projectDirectory, server.TextOf))
                    {
                        var edit = Edit(server, fix.Edits, texts);
                        if (edit != null) actions.Add(new CodeAction { Title = fix.Title, Diagnostics = new List<Diagnostic> { lsp }, Edit = edit });
                    }
                }
                return actions;
            }
        }

        /// <summary>
        /// The edits in protocol form, positions from each file's text as analyzed. A file that does not exist yet (a new
        /// .editorconfig) is created first, when the client can; else the fix is not offered (null).
        /// </summary>
        internal static WorkspaceEdit? Edit(LanguageServer server, IEnumerable<FileEdit> edits, Dictionary<string, LineMap> texts)
        {
            var byFile = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
            var created = new List<string>();
            foreach (var edit in edits)
            {
                if (!texts.TryGetValue(edit.Path, out var map)) texts[edit.Path] = map = new LineMap(server.TextOf(edit.Path));
                if (!server.Open.ContainsKey(edit.Path) && !File.Exists(edit.Path) && !created.Contains(edit.Path)) created.Add(edit.Path);
                if (!byFile.TryGetValue(edit.Path, out var list)) byFile[edit.Path] = list = new List<TextEdit>();
                list.Add(new TextEdit { Range = map.RangeOf(edit.Span.Start, edit.Span.End), NewText = edit.NewText });
            }
            if (created.Count == 0)
                return new WorkspaceEdit { Changes = byFile.ToDictionary(f => server.UriOf(f.Key), f => f.Value, StringComparer.Ordinal) };
            if (!Capabilities.Has(server.Client, "workspace.workspaceEdit.documentChanges") || !Capabilities.Lists(server.Client, "workspace.workspaceEdit.resourceOperations", "create"))
                return null;
            var changes = new List<object>();
            foreach (var path in created) changes.Add(new CreateFile { Uri = server.UriOf(path) });
            foreach (var file in byFile)
                changes.Add(new TextDocumentEdit
                {
                    TextDocument = new VersionedTextDocumentIdentifier { Uri = server.UriOf(file.Key), Version = server.Open.TryGetValue(file.Key, out var open) ? open.Version : (int?)null },
                    Edits = file.Value,
                });
            return new WorkspaceEdit { DocumentChanges = changes };
        }
    }
}
