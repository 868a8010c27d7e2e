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
        private readonly Dictionary<string, MergedTechnicalProfile?> _profiles = new Dictionary<string, MergedTechnicalProfile?>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<object> _done = new HashSet<object>();

        internal ResolutionScope(PolicySet set, PolicyChain chain)
        {
            Set = set;
            Chain = chain;
        }

        public PolicySet Set { get; }
        /// <summary>The chain from its first policy that declares anything: Find, All and Ids answer as the full chain does.</summary>
        public PolicyChain Chain { get; }

        /// <summary>A technical profile merged along the chain (once per scope).</summary>
        public MergedTechnicalProfile? TechnicalProfile(string id)
        {
            if (!_profiles.TryGetValue(id, out var profile))
                _profiles[id] = profile = MergedTechnicalProfile.Resolve(Chain, id);
            return profile;
        }

        /// <summary>A user or sub journey merged along the chain (once per scope and spelling of the Id).</summary>
        public MergedJourney? Journey(DeclarationKind kind, string id)
        {
            if (!_journeys.TryGetValue((kind, id), out var journey))
                _journeys[(kind, id)] = journey = MergedJourney.Resolve(Chain, kind, id);
            return journey;
        }

        private readonly Dictionary<(DeclarationKind, string), MergedJourney?> _journeys = new Dictionary<(DeclarationKind, string), MergedJourney?>();

        /// <summary>State computed from the chain's declarations alone (keyed by type); never from the policy being checked.</summary>
        public T GetOrAdd<T>(Func<ResolutionScope, T> create) where T : class => (_state ??= new StateByType<ResolutionScope>(this)).GetOrAdd(create);
        private StateByType<ResolutionScope>? _state;

        /// <summary>True the first time a key is given: work whose findings lie only in declarations is done once per scope.</summary>
        public bool FirstTime(object key) => _done.Add(key);

        /// <summary>
        /// The scope of a chain: its leading policies that declare nothing are skipped when the rest is exactly the chain
        /// of the next policy (not so in a cycle, where each policy's chain starts elsewhere).
        /// </summary>
        internal static PolicyChain DeclaringChain(PolicySet set, PolicyChain chain)
        {
            var policies = chain.Policies;
            int skip = 0;
            while (skip < policies.Count - 1 && policies[skip].DeclaresNothing) skip++;
            if (skip == 0) return chain;
            var tail = set.ChainOf(policies[skip]);
            if (tail.Status != chain.Status || tail.Policies.Count != policies.Count - skip) return chain;
            for (int i = 0; i < tail.Policies.Count; i++)
                if (!ReferenceEquals(tail.Policies[i], policies[skip + i])) return chain;
            return tail;
        }
    }
}
