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
        public static MergedContentDefinition? For(Analysis.PolicyContext context, string id)
        {
            var known = context.Scope.GetOrAdd(_ => new Merged());
            if (!known.TryGetValue(id, out var definition)) known[id] = definition = Resolve(context.Scope.Chain, id);
            return definition;
        }

        /// <summary>A scope's merged definitions by Id (a type of its own: scope state is keyed by type).</summary>
        private sealed class Merged : Dictionary<string, MergedContentDefinition?>
        {
            public Merged() : base(StringComparer.OrdinalIgnoreCase) { }
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
