using System;
using System.Collections.Generic;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>A parsed policy with its identity and an index of what it declares.</summary>
    public sealed class PolicyFile
    {
        private readonly Dictionary<string, PolicyNodes>?[] _declarations;

        public PolicyFile(PolicyDocument document, bool isReference)
        {
            Document = document;
            IsReference = isReference;
            var maybeRoot = document.Root;
            _declarations = new Dictionary<string, PolicyNodes>?[DeclarationKinds.All.Length];
            if (maybeRoot is not PolicyNode root || !document.HasPolicyRootName) return;

            PolicyIdAttribute = root.Attribute("PolicyId");
            TenantIdAttribute = root.Attribute("TenantId");
            BasePolicy = root.Child("BasePolicy");
            BasePolicyIdNode = BasePolicy?.Child("PolicyId");
            BaseTenantIdNode = BasePolicy?.Child("TenantId");
            RelyingParty = root.Child("RelyingParty");

            foreach (var kind in DeclarationKinds.All)
            {
                // Counted first: the map is made at its size, and the declarations share one array that each Id's list is a slice of.
                var path = DeclarationKinds.PathOf(kind);
                int count = 0;
                foreach (var node in root.Path(path))
                    if (!string.IsNullOrEmpty(node["Id"])) count++;
                if (count == 0) continue;
                var all = new PolicyNode[count];
                count = 0;
                foreach (var node in root.Path(path))
                    if (!string.IsNullOrEmpty(node["Id"])) all[count++] = node;
                var map = new Dictionary<string, PolicyNodes>(count, StringComparer.OrdinalIgnoreCase);
                // An Id declared more than once (PL0104) collects its declarations here; almost every Id has one.
                Dictionary<string, List<PolicyNode>>? repeated = null;
                for (int i = 0; i < all.Length; i++)
                {
                    var node = all[i];
                    string id = node["Id"]!;
                    if (!map.TryGetValue(id, out var earlier)) map[id] = new PolicyNodes(all, i, 1);
                    else
                    {
                        repeated ??= new Dictionary<string, List<PolicyNode>>(StringComparer.OrdinalIgnoreCase);
                        if (!repeated.TryGetValue(id, out var list)) repeated[id] = list = new List<PolicyNode>(earlier);
                        list.Add(node);
                    }
                }
                if (repeated != null)
                    foreach (var pair in repeated) map[pair.Key] = PolicyNodes.From(pair.Value);
                _declarations[(int)kind] = map;
                DeclaresNothing = false;
            }
        }

        public PolicyDocument Document { get; }
        /// <summary>No declaration of any kind (a typical relying party): it resolves every Id exactly as its base does.</summary>
        public bool DeclaresNothing { get; } = true;
        public string FilePath => Document.FilePath;
        /// <summary>A B2CPolicyReference: resolved against, never reported on.</summary>
        public bool IsReference { get; }
        public PolicyAttribute? PolicyIdAttribute { get; }
        public string? PolicyId => PolicyIdAttribute?.Value;
        public PolicyAttribute? TenantIdAttribute { get; }
        public string? TenantId => TenantIdAttribute?.Value;
        public PolicyNode? BasePolicy { get; }
        public PolicyNode? BasePolicyIdNode { get; }
        public string? BasePolicyId => BasePolicyIdNode?.Text;
        public PolicyNode? BaseTenantIdNode { get; }
        public PolicyNode? RelyingParty { get; }

        /// <summary>Declarations of one kind in this file, by Id (case-insensitive), in document order.</summary>
        public IReadOnlyDictionary<string, PolicyNodes> Declarations(DeclarationKind kind)
            => _declarations[(int)kind] ?? (IReadOnlyDictionary<string, PolicyNodes>)EmptyMap;

        public PolicyNode? Find(DeclarationKind kind, string id)
            => _declarations[(int)kind] is { } map && map.TryGetValue(id, out var list) ? list[0] : null;

        private static readonly Dictionary<string, PolicyNodes> EmptyMap = new Dictionary<string, PolicyNodes>();

        /// <summary>Values of file facts (Analysis/Facts.cs): computed from this file alone, kept as long as it.</summary>
        internal FactStore Facts { get; } = new FactStore();

        public override string ToString() => PolicyId ?? FilePath;
    }
}
