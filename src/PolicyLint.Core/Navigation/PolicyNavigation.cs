using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>
    /// Navigation over a policy set for an editor: what is under the cursor, where it is declared, who uses it, renaming,
    /// outline, hover and completion. Every answer is computed from the set's model (the last good parse of each file);
    /// offsets and spans are those of the model's text. Ids match ignoring case, as the service matches them.
    /// A path names a file of the set: compared exactly first, then ignoring case; a path not in the set finds nothing.
    /// A set caches its chains and this index unlocked: call for one set from one thread at a time.
    /// </summary>
    public static partial class PolicyNavigation
    {
        /// <summary>The declaration Id or reference value whose span holds <paramref name="offset"/> (its end included), or null.</summary>
        public static SymbolAt? Find(PolicySet set, string path, int offset)
            => FileOf(set, path) is PolicyFile file ? SymbolIndex.Of(set).At(file, offset) : null;

        /// <summary>
        /// Where the symbol at the offset is declared. A reference: every declaration of its Id along the file's chain, the
        /// nearest first (the one it resolves to), then each base's, base-most last. A reference in a base to an Id that only
        /// a policy inheriting the base declares (PL2001: the service validates the base on its own) gets those
        /// declarations, nearest to the base first: that is where the user will look. A declaration: the declarations it overrides in the file's bases, nearest first; a
        /// declaration that overrides nothing answers itself (VS Code then offers its references). Nothing at the offset,
        /// or an Id declared nowhere: empty.
        /// </summary>
        public static IReadOnlyList<SymbolLocation> Definition(PolicySet set, string path, int offset)
        {
            if (FileOf(set, path) is not PolicyFile file || SymbolIndex.Of(set).At(file, offset) is not SymbolAt symbol) return Array.Empty<SymbolLocation>();
            if (symbol.Role == SymbolRole.Reference)
                return DeclarationsSeenFrom(set, file, symbol.Kind, symbol.Id).Select(d => Located(d.File, d.Node, symbol.Kind)).ToList();
            var chain = set.ChainOf(file);
            var bases = new List<SymbolLocation>();
            for (int i = 1; i < chain.Policies.Count; i++)
                AddDeclarations(chain.Policies[i], symbol.Kind, symbol.Id, bases);
            if (bases.Count == 0) bases.Add(symbol);
            return bases;
        }

        /// <summary>
        /// Every occurrence of the symbol at the offset: its declarations (when <paramref name="includeDeclaration"/>) and
        /// references, in the set's file order then by position. The files searched are the chains of every policy of the set
        /// whose chain holds a file declaring the Id (the file's own chain, and each relying party of a base), widened while a
        /// file found this way declares the Id too (a base that references an Id each extension declares joins those
        /// declarations into one symbol: renaming one must rename the other). An Id declared nowhere is searched along the
        /// chains that hold the file.
        /// </summary>
        public static IReadOnlyList<SymbolLocation> References(PolicySet set, string path, int offset, bool includeDeclaration)
        {
            if (FileOf(set, path) is not PolicyFile file || SymbolIndex.Of(set).At(file, offset) is not SymbolAt symbol) return Array.Empty<SymbolLocation>();
            return SymbolScope.Of(set, file, symbol).Occurrences
                .Where(o => includeDeclaration || o.Role == SymbolRole.Reference).ToList<SymbolLocation>();
        }

        /// <summary>The file of the set at a path: an exact match first, then one ignoring case (Windows and macOS paths).</summary>
        internal static PolicyFile? FileOf(PolicySet set, string path)
        {
            PolicyFile? loose = null;
            foreach (var file in set.Files)
            {
                if (string.Equals(file.FilePath, path, StringComparison.Ordinal)) return file;
                if (loose == null && string.Equals(file.FilePath, path, StringComparison.OrdinalIgnoreCase)) loose = file;
            }
            return loose;
        }

        /// <summary>
        /// The declarations a reference in <paramref name="file"/> resolves to: along its chain, nearest first; when none,
        /// those of the policies that inherit the file, nearest to it first.
        /// </summary>
        internal static List<(PolicyFile File, PolicyNode Node)> DeclarationsSeenFrom(PolicySet set, PolicyFile file, DeclarationKind kind, string id)
        {
            var found = new List<(PolicyFile, PolicyNode)>();
            foreach (var policy in set.ChainOf(file).Policies) AddDeclarations(policy, kind, id, found);
            if (found.Count > 0) return found;
            var seen = new HashSet<PolicyFile>();
            foreach (var other in set.Files)
            {
                var policies = set.ChainOf(other).Policies;
                for (int at = IndexOf(policies, file), i = at - 1; at > 0 && i >= 0; i--)
                    if (seen.Add(policies[i])) AddDeclarations(policies[i], kind, id, found);
            }
            return found;
        }

        internal static int IndexOf(IReadOnlyList<PolicyFile> policies, PolicyFile file)
        {
            for (int i = 0; i < policies.Count; i++)
                if (ReferenceEquals(policies[i], file)) return i;
            return -1;
        }

        private static void AddDeclarations(PolicyFile policy, DeclarationKind kind, string id, List<(PolicyFile, PolicyNode)> found)
        {
            if (policy.Declarations(kind).TryGetValue(id, out var nodes))
                foreach (var node in nodes) found.Add((policy, node));
        }

        private static void AddDeclarations(PolicyFile policy, DeclarationKind kind, string id, List<SymbolLocation> found)
        {
            if (policy.Declarations(kind).TryGetValue(id, out var nodes))
                foreach (var node in nodes) found.Add(Located(policy, node, kind));
        }

        /// <summary>A declaration's Id value as a location.</summary>
        internal static SymbolLocation Located(PolicyFile file, PolicyNode declaration, DeclarationKind kind)
        {
            var id = declaration.Attribute("Id")!;
            return new SymbolLocation(file.FilePath, id.ValueSpan, kind, id.Value, SymbolRole.Declaration);
        }
    }
}
