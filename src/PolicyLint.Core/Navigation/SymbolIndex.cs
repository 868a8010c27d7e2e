using System;
using System.Collections.Generic;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Rules.References;

namespace PolicyLint.Navigation
{
    /// <summary>
    /// Every declaration Id and reference value of each file of a set, in document order, made when a file is first asked
    /// about and kept with the set (a new set, after an edit, indexes anew).
    /// </summary>
    internal sealed class SymbolIndex
    {
        private readonly PolicySet _set;
        private readonly Dictionary<PolicyFile, SymbolAt[]> _byFile = new Dictionary<PolicyFile, SymbolAt[]>();

        private SymbolIndex(PolicySet set) => _set = set;

        public static SymbolIndex Of(PolicySet set) => set.GetOrAdd(s => new SymbolIndex(s));

        public SymbolAt[] In(PolicyFile file)
        {
            lock (_byFile)
            {
                if (!_byFile.TryGetValue(file, out var symbols)) _byFile[file] = symbols = Build(file);
                return symbols;
            }
        }

        /// <summary>The occurrence whose span holds the offset (its end counts: the cursor just after a value is on it).</summary>
        public SymbolAt? At(PolicyFile file, int offset)
        {
            foreach (var symbol in In(file))
            {
                var span = symbol.Span.Span;
                if (span.Start > offset) break;
                if (offset <= span.End) return symbol;
            }
            return null;
        }

        /// <summary>The occurrences of one Id (ignoring case) of one kind in a file.</summary>
        public IEnumerable<SymbolAt> Of(PolicyFile file, DeclarationKind kind, string id)
        {
            foreach (var symbol in In(file))
                if (symbol.Kind == kind && string.Equals(symbol.Id, id, StringComparison.OrdinalIgnoreCase)) yield return symbol;
        }

        private static SymbolAt[] Build(PolicyFile file)
        {
            var list = new List<SymbolAt>();
            string path = file.FilePath;
            foreach (var kind in DeclarationKinds.All)
            {
                string site = DeclarationKinds.DisplayName(kind) + " Id";
                foreach (var pair in file.Declarations(kind))
                    foreach (var node in pair.Value)
                        if (node.Attribute("Id") is PolicyAttribute id) list.Add(new SymbolAt(path, id.ValueSpan, kind, id.Value, SymbolRole.Declaration, site, node));
            }
            foreach (var node in file.Document.Elements(ReferenceSite.IsSite))
                foreach (var site in ReferenceSite.On(node.Name))
                    if (site.Read(node) is Reference reference)
                    {
                        var span = reference.Attribute?.ValueSpan ?? node.TextSpan;
                        list.Add(new SymbolAt(path, span, site.Kind, reference.Value, SymbolRole.Reference, site.Description, node));
                    }
            list.Sort((a, b) => a.Span.Span.Start.CompareTo(b.Span.Span.Start));
            return list.ToArray();
        }
    }
}
