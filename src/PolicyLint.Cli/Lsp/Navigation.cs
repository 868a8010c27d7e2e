using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Cli.Lsp.Protocol;
using Range = PolicyLint.Cli.Lsp.Protocol.Range;
using PolicyLint.Resolution;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// Navigation requests over the last well-formed model of each file: while a file is malformed mid-edit, the policy set
    /// of its last good analysis answers for it.
    /// </summary>
    internal sealed class Navigation
    {
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

        /// <summary>The set to navigate a file in, and the file in it: the current analysis when the file is well-formed there, else its last good one.</summary>
        private (PolicySet Set, PolicyFile File)? Model(string path)
        {
            var folder = _server.Current(path);
            var set = folder?.Last?.Set;
            var file = set?.Files.FirstOrDefault(f => string.Equals(f.Document.FilePath, path, StringComparison.Ordinal));
            if (file != null && file.Document.IsWellFormed) return (set!, file);
            if (_lastGood.TryGetValue(path, out var good))
            {
                var goodFile = good.Files.FirstOrDefault(f => string.Equals(f.Document.FilePath, path, StringComparison.Ordinal));
                if (goodFile != null) return (good, goodFile);
            }
            return file == null ? ((PolicySet, PolicyFile)?)null : (set!, file);
        }

        public List<Location>? Definition(TextDocumentPositionParams p) => null;

        public List<Location>? References(ReferenceParams p) => null;

        public PrepareRenameResult? PrepareRename(TextDocumentPositionParams p) => null;

        public WorkspaceEdit? Rename(RenameParams p) => null;

        public List<DocumentSymbol>? Outline(TextDocumentIdentifier document) => null;

        public CompletionList? Complete(TextDocumentPositionParams p) => null;

        public Hover? Hover(TextDocumentPositionParams p) => null;
    }
}
