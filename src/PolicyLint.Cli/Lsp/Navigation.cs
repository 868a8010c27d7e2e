using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Cli.Lsp.Protocol;
using PolicyLint.Model;
using PolicyLint.Navigation;
using PolicyLint.Resolution;
using StreamJsonRpc;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// Navigation requests, answered by <see cref="PolicyNavigation"/> over the last well-formed model of each file: while a
    /// file is malformed mid-edit, the policy set of its last good analysis answers for it. Positions in and out are the
    /// model's (its text's lines). Called under the server's lock (a set is used from one thread at a time).
    /// </summary>
    internal sealed class Navigation
    {
        /// <summary>The protocol's error code for a request that is valid but cannot be carried out.</summary>
        private const int RequestFailed = -32803;

        private readonly LanguageServer _server;
        /// <summary>For each open file, the last policy set in which it was well-formed.</summary>
        private readonly Dictionary<string, PolicySet> _lastGood = new Dictionary<string, PolicySet>(StringComparer.Ordinal);

        public Navigation(LanguageServer server) => _server = server;

        /// <summary>After an analysis: the open files of the folder that are well-formed now keep this set.</summary>
        public void Remember(PolicyFolder folder)
        {
            var set = folder.Last?.Set;
            if (set == null) return;
            foreach (var file in set.Files)
                if (file.Document.IsWellFormed && _server.Open.ContainsKey(file.Document.FilePath)) _lastGood[file.Document.FilePath] = set;
        }

        public void Forget(string path) => _lastGood.Remove(path);

        public List<Location>? Definition(TextDocumentPositionParams p)
            => At(p, (set, path, offset) => PolicyNavigation.Definition(set, path, offset).Select(Location).ToList());

        public List<Location>? References(ReferenceParams p)
            => At(p, (set, path, offset) => PolicyNavigation.References(set, path, offset, p.Context.IncludeDeclaration).Select(Location).ToList());

        /// <summary>The Id's range and text, or an error saying why it cannot be renamed (the client shows it).</summary>
        public PrepareRenameResult? PrepareRename(TextDocumentPositionParams p)
            => At(p, (set, path, offset) =>
            {
                var check = PolicyNavigation.PrepareRename(set, path, offset);
                if (!check.CanRename) throw new LocalRpcException(check.Reason) { ErrorCode = RequestFailed };
                return new PrepareRenameResult { Range = RangeOf(check.Symbol!.Span), Placeholder = check.Symbol.Id };
            });

        public WorkspaceEdit? Rename(RenameParams p)
            => At(p, (set, path, offset) =>
            {
                var result = PolicyNavigation.Rename(set, path, offset, p.NewName);
                if (!result.Succeeded) throw new LocalRpcException(result.Error) { ErrorCode = RequestFailed };
                return new WorkspaceEdit
                {
                    Changes = result.Edits.GroupBy(e => e.Path, StringComparer.Ordinal)
                        .ToDictionary(g => _server.UriOf(g.Key), g => g.Select(e => new TextEdit { Range = RangeOf(e.Span), NewText = e.NewText }).ToList(), StringComparer.Ordinal),
                };
            });

        public List<DocumentSymbol>? Outline(TextDocumentIdentifier document)
        {
            string? path = Paths.FromUri(document.Uri);
            if (path == null) return null;
            lock (_server.Gate)
            {
                var model = Model(path);
                return model == null ? null : PolicyNavigation.Outline(model.Value.File.Document).Select(Symbol).ToList();
            }
        }

        /// <summary>Completion reads the editor's current text (mid-edit), with the Ids of the last good model.</summary>
        public CompletionList? Complete(TextDocumentPositionParams p)
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return null;
            lock (_server.Gate)
            {
                var model = Model(path);
                if (model == null) return null;
                var map = new LineMap(_server.TextOf(path));
                var keys = _server.FolderOf(path)?.Configuration?.Options.PolicyKeys;
                var candidates = PolicyNavigation.Complete(model.Value.Set, path, map.Text, map.OffsetOf(p.Position),
                    keys == null || keys.Count == 0 ? null : new HashSet<string>(keys, StringComparer.Ordinal));
                return new CompletionList
                {
                    Items = candidates.Select(c => new CompletionItem
                    {
                        Label = c.Label,
                        Kind = CompletionKind(c.Kind),
                        Detail = c.Detail,
                        TextEdit = new TextEdit { Range = map.RangeOf(c.ReplaceSpan.Span.Start, c.ReplaceSpan.Span.End), NewText = c.Label },
                    }).ToList(),
                };
            }
        }

        public Hover? Hover(TextDocumentPositionParams p)
            => At<Hover?>(p, (set, path, offset) => PolicyNavigation.Hover(set, path, offset) is HoverInfo info
                ? new Hover { Contents = new MarkupContent { Value = info.Markdown }, Range = RangeOf(info.Span) }
                : null);

        /// <summary>A request at a position: the model of the file and the offset there; null for a file the server does not know.</summary>
        private T? At<T>(TextDocumentPositionParams p, Func<PolicySet, string, int, T> answer) where T : class?
        {
            string? path = Paths.FromUri(p.TextDocument.Uri);
            if (path == null) return null;
            lock (_server.Gate)
            {
                var model = Model(path);
                if (model == null) return null;
                var (set, file) = model.Value;
                int offset = new LineMap(file.Document.Text).OffsetOf(p.Position);
                return answer(set, path, offset);
            }
        }

        /// <summary>The set to navigate a file in, and the file in it: the current analysis when the file is well-formed there, else its last good one.</summary>
        private (PolicySet Set, PolicyFile File)? Model(string path)
        {
            var set = _server.Current(path)?.Last?.Set;
            var file = set == null ? null : FileIn(set, path);
            if (file != null && file.Document.IsWellFormed) return (set!, file);
            if (_lastGood.TryGetValue(path, out var good) && FileIn(good, path) is PolicyFile goodFile) return (good, goodFile);
            return file == null ? ((PolicySet, PolicyFile)?)null : (set!, file);
        }

        private static PolicyFile? FileIn(PolicySet set, string path)
            => set.Files.FirstOrDefault(f => string.Equals(f.Document.FilePath, path, StringComparison.Ordinal));

        private Location Location(SymbolLocation symbol) => new Location { Uri = _server.UriOf(symbol.Path), Range = RangeOf(symbol.Span) };

        private static Range RangeOf(SourceSpan span)
            => new Range(new Position(span.Start.Line, span.Start.Character), new Position(span.End.Line, span.End.Character));

        private static DocumentSymbol Symbol(OutlineSymbol symbol) => new DocumentSymbol
        {
            Name = symbol.Name,
            Detail = symbol.Detail,
            Kind = SymbolKindOf(symbol),
            Range = RangeOf(symbol.Span),
            SelectionRange = RangeOf(symbol.SelectionSpan),
            Children = symbol.Children.Count == 0 ? null : symbol.Children.Select(Symbol).ToList(),
        };

        private static int SymbolKindOf(OutlineSymbol symbol) => symbol.Kind switch
        {
            OutlineKind.Section => SymbolKind.Namespace,
            OutlineKind.ClaimsProvider => SymbolKind.Package,
            OutlineKind.OrchestrationStep => SymbolKind.Event,
            OutlineKind.RelyingParty => SymbolKind.Interface,
            _ => symbol.Declares switch
            {
                DeclarationKind.ClaimType => SymbolKind.Field,
                DeclarationKind.TechnicalProfile => SymbolKind.Class,
                DeclarationKind.ClaimsTransformation => SymbolKind.Function,
                DeclarationKind.UserJourney or DeclarationKind.SubJourney => SymbolKind.Module,
                DeclarationKind.DisplayControl => SymbolKind.Struct,
                DeclarationKind.ContentDefinition or DeclarationKind.LocalizedResources => SymbolKind.Object,
                _ => SymbolKind.Constant,
            },
        };

        /// <summary>CompletionItemKind: Field for a claim, Class for a profile, Function for a transformation, Reference otherwise, Value for a key.</summary>
        private static int CompletionKind(DeclarationKind? kind) => kind switch
        {
            null => 12,
            DeclarationKind.ClaimType => 5,
            DeclarationKind.TechnicalProfile => 7,
            DeclarationKind.ClaimsTransformation => 3,
            _ => 18,
        };
    }
}
