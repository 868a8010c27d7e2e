using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// A technical profile as the service sees it after merging: every declaration of its Id along the
    /// chain (base first), with the profile it includes folded in before its own parts.
    /// Lists (InputClaims, ValidationTechnicalProfiles, ...) are appended; Metadata items and keys merge by key, the child winning.
    /// </summary>
    public sealed class MergedTechnicalProfile
    {
        private MergedTechnicalProfile(string id, PolicyNodes parts, PolicyNodes ownParts, IReadOnlyList<string>? included)
        {
            Id = id;
            Parts = parts;
            OwnParts = ownParts;
            Included = included ?? Array.Empty<string>();
        }

        public string Id { get; }
        /// <summary>Declarations that make up the profile, included profiles first, base first.</summary>
        public PolicyNodes Parts { get; }
        /// <summary>Declarations of this Id itself (no included profiles), base first.</summary>
        public PolicyNodes OwnParts { get; }
        /// <summary>
        /// The Ids its includes were looked up by, nearest include first, an Id that nothing declares included: the merge
        /// depends on their declarations as well as on its own.
        /// </summary>
        public IReadOnlyList<string> Included { get; }
        /// <summary>The declaration nearest the policy being checked: where profile-level diagnostics point.</summary>
        public PolicyNode Nearest => OwnParts[OwnParts.Count - 1];

        public static MergedTechnicalProfile? Resolve(PolicyChain chain, string id)
        {
            var own = chain.All(DeclarationKind.TechnicalProfile, id);
            if (own.Count == 0) return null;
            // Most profiles include none: their parts are their own declarations.
            bool includes = false;
            foreach (var part in own) includes |= part.Child("IncludeTechnicalProfile") != null;
            // Named as declared (the nearest declaration), whichever spelling of the Id asked: scopes share merged profiles.
            id = own[own.Count - 1]["Id"] ?? id;
            if (!includes) return new MergedTechnicalProfile(id, own, own, null);
            var parts = new List<PolicyNode>();
            var visited = new List<string>();
            AddWithIncludes(chain, id, parts, visited);
            visited.RemoveAt(0);
            return new MergedTechnicalProfile(id, PolicyNodes.From(parts), own, visited);
        }

        /// <summary>
        /// Includes followed per profile. Real policies nest a handful; without a bound, 100,000 profiles each including
        /// the next cost 100,000 squared steps when every profile is merged.
        /// </summary>
        public const int MaxIncludeDepth = 100;

        private static void AddWithIncludes(PolicyChain chain, string id, List<PolicyNode> parts, List<string> visited)
        {
            // Follow the include chain with a loop, not recursion: an input can chain 100,000 includes.
            var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var chainOfIncludes = new List<PolicyNodes>();
            for (string? current = id; current != null && chainOfIncludes.Count < MaxIncludeDepth && visiting.Add(current);)
            {
                visited.Add(current);
                var own = chain.All(DeclarationKind.TechnicalProfile, current);
                chainOfIncludes.Add(own);
                string? include = null;
                foreach (var part in own)
                    include = part.Child("IncludeTechnicalProfile")?["ReferenceId"] ?? include;
                current = include; // an include cycle stops at the first repeat: PL2002-style rules report it
            }
            // The most deeply included profile comes first.
            for (int i = chainOfIncludes.Count - 1; i >= 0; i--) parts.AddRange(chainOfIncludes[i]);
        }

        /// <summary>The effective Protocol element (the last one declared).</summary>
        public PolicyNode? Protocol
        {
            get
            {
                // Every rule asks every profile for its protocol: found once.
                if (!_protocolKnown)
                {
                    _protocol = Last("Protocol");
                    _protocolKnown = true;
                }
                return _protocol;
            }
        }
        private PolicyNode? _protocol;
        private bool _protocolKnown;

        public string? ProtocolName => Protocol?["Name"];
        public string? Handler => Protocol?["Handler"];

        /// <summary>The handler's type name without its assembly ("Web.TPEngine.Providers.RestfulProvider"), or null.</summary>
        public string? HandlerTypeName => Handler is string handler ? _handlerTypeName ??= Catalogs.TechnicalProfileCatalog.HandlerTypeName(handler) : null;
        private string? _handlerTypeName;

        /// <summary>
        /// The catalog's type for the profile's protocol and handler (its OutputTokenFormat, metadata and keys telling an
        /// issuer from an identity provider of the same protocol), or null when it cannot be told; worked out once.
        /// </summary>
        public Catalogs.TechnicalProfileType? CatalogType
        {
            get
            {
                if (!_catalogTypeKnown)
                {
                    _catalogType = Catalogs.TechnicalProfileCatalog.TypeOf(ProtocolName, Handler, Last("OutputTokenFormat")?.Text, Metadata.Keys, Keys.Keys);
                    _catalogTypeKnown = true;
                }
                return _catalogType;
            }
        }
        private Catalogs.TechnicalProfileType? _catalogType;
        private bool _catalogTypeKnown;

        public PolicyNode? Last(string childName)
        {
            for (int i = Parts.Count - 1; i >= 0; i--)
            {
                var child = Parts[i].Child(childName);
                if (child != null) return child;
            }
            return null;
        }

        /// <summary>Metadata items by Key (case-sensitive, as the service reads them); the last declaration wins.</summary>
        public IReadOnlyDictionary<string, PolicyNode> Metadata => _metadata ??= ByKey("Metadata", "Item", "Key");
        private IReadOnlyDictionary<string, PolicyNode>? _metadata;

        public string? MetadataValue(string key) => Metadata.TryGetValue(key, out var item) ? item.Text ?? string.Empty : null;

        /// <summary><see cref="MetadataValue"/> as a delegate, made once (the catalog's conditions take one).</summary>
        public Func<string, string?> MetadataLookup => _metadataLookup ??= MetadataValue;
        private Func<string, string?>? _metadataLookup;

        /// <summary>CryptographicKeys/Key by Id; the last declaration wins.</summary>
        public IReadOnlyDictionary<string, PolicyNode> Keys => _keys ??= ByKey("CryptographicKeys", "Key", "Id");
        private IReadOnlyDictionary<string, PolicyNode>? _keys;

        /// <summary>The items of a list merged by a key attribute (case-sensitive), the last declaration winning.</summary>
        private IReadOnlyDictionary<string, PolicyNode> ByKey(string listName, string itemName, string keyAttribute) => KeyedItems.Of(Parts, listName, itemName, keyAttribute);

        /// <summary>An appended list, e.g. Items("OutputClaims", "OutputClaim"); built once per profile (profiles are shared by many rules and policies).</summary>
        public PolicyNodes Items(string listName, string itemName)
        {
            int slot = Array.IndexOf(KnownLists, listName);
            if (slot >= 0 && !string.Equals(KnownItems[slot], itemName, StringComparison.Ordinal)) slot = -1;
            if (slot >= 0 && _known[slot] is PolicyNode[] known) return new PolicyNodes(known);
            var key = (listName, itemName);
            if (slot < 0 && _other != null && _other.TryGetValue(key, out var other)) return other;
            // Counted, then filled: a growing list per profile and list was 15% of what a full analysis allocated.
            int count = Collect(listName, itemName, null);
            var array = count == 0 ? Array.Empty<PolicyNode>() : new PolicyNode[count];
            Collect(listName, itemName, array);
            if (slot >= 0) _known[slot] = array;
            else (_other ??= new Dictionary<(string, string), PolicyNodes>())[key] = new PolicyNodes(array);
            return new PolicyNodes(array);
        }

        private int Collect(string listName, string itemName, PolicyNode[]? into)
        {
            int count = 0;
            foreach (var part in Parts)
                foreach (var item in part.Path(listName, itemName))
                {
                    if (into != null) into[count] = item;
                    count++;
                }
            return count;
        }

        // The lists rules ask for, each in its own slot (a dictionary per profile cost more than the lists).
        private static readonly string[] KnownLists = { "InputClaims", "OutputClaims", "PersistedClaims", "DisplayClaims", "InputClaimsTransformations", "OutputClaimsTransformations", "ValidationTechnicalProfiles" };
        private static readonly string[] KnownItems = { "InputClaim", "OutputClaim", "PersistedClaim", "DisplayClaim", "InputClaimsTransformation", "OutputClaimsTransformation", "ValidationTechnicalProfile" };
        private readonly PolicyNode[]?[] _known = new PolicyNode[]?[7];
        private Dictionary<(string, string), PolicyNodes>? _other;

        public PolicyNodes InputClaims => Items("InputClaims", "InputClaim");
        public PolicyNodes OutputClaims => Items("OutputClaims", "OutputClaim");
        public PolicyNodes PersistedClaims => Items("PersistedClaims", "PersistedClaim");
        public PolicyNodes DisplayClaims => Items("DisplayClaims", "DisplayClaim");
        public PolicyNodes InputClaimsTransformations => Items("InputClaimsTransformations", "InputClaimsTransformation");
        public PolicyNodes OutputClaimsTransformations => Items("OutputClaimsTransformations", "OutputClaimsTransformation");
        public PolicyNodes ValidationTechnicalProfiles => Items("ValidationTechnicalProfiles", "ValidationTechnicalProfile");
    }
}
