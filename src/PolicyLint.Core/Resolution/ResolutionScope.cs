using System;
using System.Collections.Generic;

namespace PolicyLint.Resolution
{
    /// <summary>
    /// What a chain's declarations resolve to (merged technical profiles, claim flows), shared by every policy whose
    /// chain declares the same things. Relying parties declare nothing of their own, so the four relying parties of a
    /// typical repository resolve exactly as their extensions file does: merging once for all of them keeps the
    /// analysis proportional to what is declared rather than to the number of relying parties.
    /// </summary>
    public sealed class ResolutionScope
    {
        private Dictionary<string, MergedTechnicalProfile?>? _profiles;

        internal ResolutionScope(PolicySet set, PolicyChain chain)
        {
            Set = set;
            Chain = chain;
        }

        public PolicySet Set { get; private set; }
        /// <summary>The chain from its first policy that declares anything: Find, All and Ids answer as the full chain does.</summary>
        public PolicyChain Chain { get; private set; }

        /// <summary>
        /// A technical profile merged along the chain (once per scope). A profile whose declarations, and those of the
        /// profiles it includes, all lie in a base is the one that base's scope merged: shared rather than merged again.
        /// </summary>
        public MergedTechnicalProfile? TechnicalProfile(string id)
        {
            // Made at the size the chain's declarations suggest: most scopes merge every profile, and regrowing cost as much again.
            _profiles ??= new Dictionary<string, MergedTechnicalProfile?>(DeclarationCount(DeclarationKind.TechnicalProfile), StringComparer.OrdinalIgnoreCase);
            if (_profiles.TryGetValue(id, out var profile)) return profile;
            var home = HomeOf(DeclarationKind.TechnicalProfile, id, out int at);
            profile = home?.TechnicalProfile(id);
            if (profile != null && !DeclaredOnlyFrom(DeclarationKind.TechnicalProfile, profile.Included, at)) profile = null;
            profile ??= MergedTechnicalProfile.Resolve(Chain, id);
            _profiles[id] = profile;
            return profile;
        }

        private int DeclarationCount(DeclarationKind kind)
        {
            int count = 0;
            foreach (var policy in Chain.Policies) count += policy.Declarations(kind).Count;
            return count;
        }

        /// <summary>No policy of the chain before <paramref name="at"/> declares any of the Ids.</summary>
        private bool DeclaredOnlyFrom(DeclarationKind kind, IReadOnlyList<string> ids, int at)
        {
            foreach (var id in ids)
                if (Chain.DeclaredBefore(kind, id, at)) return false;
            return true;
        }

        /// <summary>A user or sub journey merged along the chain (once per scope and spelling of the Id; shared with the scope of its nearest declaration).</summary>
        public MergedJourney? Journey(DeclarationKind kind, string id)
        {
            if (_journeys.TryGetValue((kind, id), out var journey)) return journey;
            journey = HomeOf(kind, id, out _) is ResolutionScope home ? home.Journey(kind, id) : MergedJourney.Resolve(Chain, kind, id);
            _journeys[(kind, id)] = journey;
            return journey;
        }

        /// <summary>
        /// The scope of the chain that starts at the nearest policy declaring the Id, when that is a base of this chain's
        /// first policy: every declaration of the Id lies there, so it merges the Id exactly as this chain does.
        /// </summary>
        private ResolutionScope? HomeOf(DeclarationKind kind, string id, out int at)
        {
            var policies = Chain.Policies;
            for (int i = 0; i < policies.Count; i++)
            {
                if (!policies[i].Declarations(kind).ContainsKey(id)) continue;
                at = i;
                if (i == 0) return null;
                _homes ??= new ResolutionScope?[policies.Count];
                if (_homes[i] == null && Set.Suffix(Chain, i) is PolicyChain tail) _homes[i] = Set.ScopeOf(tail);
                return _homes[i];
            }
            at = -1;
            return null;
        }

        // The scopes of this chain's bases, by their place in the chain (null where the rest is not a chain of its own).
        private ResolutionScope?[]? _homes;

        /// <summary>
        /// Moves a scope to the next analysis's set (PolicySet.ScopeOf): its chain is made of the same parsed files, so what
        /// it merged still holds; the scopes of its bases are looked up again there.
        /// </summary>
        internal void Rebind(PolicySet set, PolicyChain chain)
        {
            Set = set;
            Chain = chain;
            _homes = null;
        }

        /// <summary>Every technical profile declared along the chain, merged; once per scope (several rules check them all).</summary>
        public IReadOnlyList<MergedTechnicalProfile> TechnicalProfiles()
        {
            if (_allProfiles != null) return _allProfiles;
            var all = new List<MergedTechnicalProfile>(DeclarationCount(DeclarationKind.TechnicalProfile));
            foreach (var id in Chain.Ids(DeclarationKind.TechnicalProfile))
                if (TechnicalProfile(id) is MergedTechnicalProfile profile) all.Add(profile);
            return _allProfiles = all;
        }

        private List<MergedTechnicalProfile>? _allProfiles;

        private readonly Dictionary<(DeclarationKind, string), MergedJourney?> _journeys = new Dictionary<(DeclarationKind, string), MergedJourney?>();

        /// <summary>The values of scope facts (Analysis/Facts.cs): computed from the chain's declarations alone, let go with the scope.</summary>
        internal FactStore Facts { get; } = new FactStore();

        /// <summary>
        /// The scope of a chain: its leading policies that declare nothing are skipped when the rest is exactly the chain
        /// of the next policy (not so in a cycle, where each policy's chain starts elsewhere).
        /// </summary>
        internal static PolicyChain DeclaringChain(PolicySet set, PolicyChain chain)
        {
            var policies = chain.Policies;
            int skip = 0;
            while (skip < policies.Count - 1 && policies[skip].DeclaresNothing) skip++;
            return skip > 0 && set.Suffix(chain, skip) is PolicyChain tail ? tail : chain;
        }

        /// <summary>
        /// The declaring chains whose scopes analyzing this one may use: its own and those of its bases that declare
        /// something (see <see cref="HomeOf"/>). The engine lets a scope go once no chain left to analyze uses it.
        /// </summary>
        internal static IEnumerable<PolicyChain> ScopesUsedBy(PolicySet set, PolicyChain declaring)
        {
            yield return declaring;
            var policies = declaring.Policies;
            for (int i = 1; i < policies.Count; i++)
                if (!policies[i].DeclaresNothing && set.Suffix(declaring, i) is PolicyChain tail) yield return tail;
        }
    }
}
