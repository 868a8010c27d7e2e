using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Catalogs.UserInterface;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A ContentDefinition as the service sees it after merging its declarations along the chain.</summary>
    internal sealed class MergedContentDefinition
    {
        private MergedContentDefinition(string id, PolicyNode? dataUriNode, IReadOnlyList<string> localizedResources)
        {
            Id = id;
            DataUriNode = dataUriNode;
            LocalizedResources = localizedResources;
        }

        public string Id { get; }
        /// <summary>The DataUri of the nearest declaration that has one (a child may redeclare only its localization).</summary>
        public PolicyNode? DataUriNode { get; }
        public string? DataUriText => DataUriNode?.Text;
        public DataUri? Page => DataUri.Parse(DataUriText?.ToLowerInvariant());
        /// <summary>LocalizedResources Ids referenced, after MergeBehavior (ReplaceAll drops the base's references).</summary>
        public IReadOnlyList<string> LocalizedResources { get; }

        /// <summary>Merged once per resolution scope and Id: every page a journey runs asks for its definition.</summary>
        public static MergedContentDefinition? For(Analysis.PolicyContext context, string id) => context.Get(Merged.Of).Find(id);

        /// <summary>A scope's merged definitions by Id, each merged on first use (a scope fact).</summary>
        private sealed class Merged
        {
            public static readonly Analysis.ScopeFact<Merged> Of = Analysis.Fact.OfScope(scope => new Merged(scope.Chain));

            private readonly PolicyChain _chain;
            private readonly Dictionary<string, MergedContentDefinition?> _byId = new Dictionary<string, MergedContentDefinition?>(StringComparer.OrdinalIgnoreCase);

            private Merged(PolicyChain chain) => _chain = chain;

            public MergedContentDefinition? Find(string id)
            {
                if (!_byId.TryGetValue(id, out var definition)) _byId[id] = definition = Resolve(_chain, id);
                return definition;
            }
        }

        /// <summary>Null when no policy of the chain declares the Id.</summary>
        public static MergedContentDefinition? Resolve(PolicyChain chain, string id)
        {
            var parts = chain.All(DeclarationKind.ContentDefinition, id);
            if (parts.Count == 0) return null;
            PolicyNode? dataUri = null;
            var resources = new List<string>();
            foreach (var part in parts)
            {
                dataUri = part.Child("DataUri") ?? dataUri;
                foreach (var list in part.ChildrenNamed("LocalizedResourcesReferences"))
                {
                    if (list["MergeBehavior"] == "ReplaceAll") resources.Clear();
                    foreach (var reference in list.ChildrenNamed("LocalizedResourcesReference"))
                    {
                        string? target = reference["LocalizedResourcesReferenceId"];
                        if (!string.IsNullOrEmpty(target)) resources.Add(target!);
                    }
                }
            }
            return new MergedContentDefinition(parts[parts.Count - 1]["Id"] ?? id, dataUri, resources);
        }

        public static IEnumerable<MergedContentDefinition> All(PolicyChain chain)
            => chain.Ids(DeclarationKind.ContentDefinition).Select(id => Resolve(chain, id)!).Where(cd => cd != null);
    }
}
