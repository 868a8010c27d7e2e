using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>
    /// The files where a symbol can be declared or referenced, and its occurrences there (see
    /// <see cref="PolicyNavigation.References"/> for how the files are chosen).
    /// </summary>
    internal sealed class SymbolScope
    {
        private SymbolScope(DeclarationKind kind, string id, List<PolicyFile> files, List<PolicyFile> declaring, List<SymbolAt> occurrences)
        {
            Kind = kind;
            Id = id;
            Files = files;
            Declaring = declaring;
            Occurrences = occurrences;
        }

        public DeclarationKind Kind { get; }
        public string Id { get; }
        /// <summary>The files searched, in the set's order.</summary>
        public IReadOnlyList<PolicyFile> Files { get; }
        /// <summary>The files of <see cref="Files"/> that declare the Id.</summary>
        public IReadOnlyList<PolicyFile> Declaring { get; }
        public IReadOnlyList<SymbolAt> Occurrences { get; }

        public static SymbolScope Of(PolicySet set, PolicyFile file, SymbolAt symbol)
        {
            var kind = symbol.Kind;
            string id = symbol.Id;
            var anchors = new HashSet<PolicyFile>(PolicyNavigation.DeclarationsSeenFrom(set, file, kind, id).Select(d => d.File));
            if (symbol.Role == SymbolRole.Declaration) anchors.Add(file);
            if (anchors.Count == 0) anchors.Add(file);
            var inScope = new HashSet<PolicyFile>();
            // Each round adds the chains that hold an anchor; a file of those chains that declares the Id is an anchor too.
            while (true)
            {
                foreach (var policy in set.Files)
                {
                    var chain = set.ChainOf(policy).Policies;
                    if (chain.Any(anchors.Contains)) inScope.UnionWith(chain);
                }
                int before = anchors.Count;
                anchors.UnionWith(inScope.Where(f => f.Declarations(kind).ContainsKey(id)));
                if (anchors.Count == before) break;
            }
            var files = set.Files.Where(inScope.Contains).ToList();
            var index = SymbolIndex.Of(set);
            var occurrences = files.SelectMany(f => index.Of(f, kind, id)).ToList();
            var declaring = files.Where(f => f.Declarations(kind).ContainsKey(id)).ToList();
            return new SymbolScope(kind, id, files, declaring, occurrences);
        }
    }
}
