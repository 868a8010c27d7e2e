using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Resolution
{
    /// <summary>All policies of a build: the reported ones and the references they may inherit from.</summary>
    public sealed class PolicySet
    {
        /// <summary>The service allows 10 levels of inheritance (service-limits.md).</summary>
        public const int MaxInheritanceDepth = 10;

        private readonly Dictionary<string, PolicyFile> _byId = new Dictionary<string, PolicyFile>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<PolicyFile, PolicyChain> _chains = new Dictionary<PolicyFile, PolicyChain>();

        public PolicySet(IEnumerable<PolicyFile> files)
        {
            Files = files.ToList();
            // Reported policies win over references; among equals, the first one listed.
            foreach (var file in Files.Where(f => !f.IsReference).Concat(Files.Where(f => f.IsReference)))
            {
                string? id = file.PolicyId;
                if (string.IsNullOrEmpty(id)) continue;
                if (!_byId.ContainsKey(id!)) _byId[id!] = file;
            }
        }

        public IReadOnlyList<PolicyFile> Files { get; }

        public IEnumerable<PolicyFile> Reported => Files.Where(f => !f.IsReference);

        /// <summary>The policy that owns a PolicyId (case-insensitive, as the service matches).</summary>
        public PolicyFile? FindPolicy(string policyId) => _byId.TryGetValue(policyId, out var f) ? f : null;

        public IEnumerable<string> PolicyIds => _byId.Keys;

        /// <summary>
        /// The values of build facts (Analysis/Facts.cs): computed from every file once per build rather than once per
        /// policy, which keeps the analysis linear in the number of policies.
        /// </summary>
        internal FactStore Facts { get; } = new FactStore();

        private readonly Dictionary<PolicyChain, ResolutionScope> _scopes = new Dictionary<PolicyChain, ResolutionScope>();

        /// <summary>The shared resolution state of a chain (see <see cref="ResolutionScope"/>).</summary>
        public ResolutionScope ScopeOf(PolicyChain chain)
        {
            var declaring = ResolutionScope.DeclaringChain(this, chain);
            if (!_scopes.TryGetValue(declaring, out var scope))
                _scopes[declaring] = scope = Adopt(declaring) ?? new ResolutionScope(this, declaring);
            return scope;
        }

        /// <summary>
        /// The set of the workspace's previous analysis, when every file the rules read across chains kept its shape
        /// (Analysis/AnalysisState.cs): a scope of it whose chain is made of the same parsed files is taken over rather than
        /// merged again. Cleared once the analysis is done.
        /// </summary>
        internal PolicySet? Previous { get; set; }

        private ResolutionScope? Adopt(PolicyChain declaring)
        {
            if (Previous == null || !Previous.ScopesBySelf.TryGetValue(declaring.Self, out var candidates)) return null;
            foreach (var old in candidates)
            {
                if (!SameFiles(old.Chain, declaring)) continue;
                candidates.Remove(old);
                Previous._scopes.Remove(old.Chain);
                old.Rebind(this, declaring);
                return old;
            }
            return null;
        }

        private static bool SameFiles(PolicyChain a, PolicyChain b)
        {
            if (a.Status != b.Status || a.Policies.Count != b.Policies.Count) return false;
            for (int i = 0; i < a.Policies.Count; i++)
                if (!ReferenceEquals(a.Policies[i], b.Policies[i])) return false;
            return true;
        }

        /// <summary>
        /// Once an analysis with a previous set is done: takes over the previous scopes this analysis did not ask for (of
        /// policies whose findings were kept), so that the next edit finds them too; then lets the previous set go.
        /// </summary>
        internal void TakeOverPrevious()
        {
            if (Previous == null) return;
            var files = new HashSet<PolicyFile>(Files);
            foreach (var old in Previous._scopes.Values.ToList())
            {
                var self = old.Chain.Self;
                if (!files.Contains(self)) continue;
                var declaring = ResolutionScope.DeclaringChain(this, ChainOf(self));
                if (_scopes.ContainsKey(declaring) || !SameFiles(old.Chain, declaring)) continue;
                old.Rebind(this, declaring);
                _scopes[declaring] = old;
            }
            Previous = null;
        }

        // The scopes by the first policy of their chain, for the next analysis to find the ones it can take over.
        private Dictionary<PolicyFile, List<ResolutionScope>> ScopesBySelf => _bySelf ??= BuildBySelf();
        private Dictionary<PolicyFile, List<ResolutionScope>>? _bySelf;

        private Dictionary<PolicyFile, List<ResolutionScope>> BuildBySelf()
        {
            var map = new Dictionary<PolicyFile, List<ResolutionScope>>();
            foreach (var scope in _scopes.Values)
            {
                if (!map.TryGetValue(scope.Chain.Self, out var list)) map[scope.Chain.Self] = list = new List<ResolutionScope>();
                list.Add(scope);
            }
            return map;
        }

        /// <summary>
        /// The chain of the policy at <paramref name="skip"/> in the chain, when it is exactly the rest of the chain (not so
        /// in a cycle, where each policy's chain starts elsewhere); else null.
        /// </summary>
        internal PolicyChain? Suffix(PolicyChain chain, int skip)
        {
            var policies = chain.Policies;
            var tail = ChainOf(policies[skip]);
            if (tail.Status != chain.Status || tail.Policies.Count != policies.Count - skip) return null;
            for (int i = 0; i < tail.Policies.Count; i++)
                if (!ReferenceEquals(tail.Policies[i], policies[skip + i])) return null;
            return tail;
        }

        /// <summary>Drops a scope whose policies have all been analyzed; asking for it again builds it anew.</summary>
        internal void Forget(PolicyChain declaring) => _scopes.Remove(declaring);

        private Dictionary<string, int>? _derived, _reportedDerived;

        /// <summary>Whether another policy of the build (or only a reported one) names this one as its base.</summary>
        public bool IsBaseOfAnother(PolicyFile file, bool reportedOnly)
        {
            string? id = file.PolicyId;
            if (string.IsNullOrEmpty(id)) return false;
            var derived = reportedOnly ? _reportedDerived ??= CountDerived(Reported) : _derived ??= CountDerived(Files);
            if (!derived.TryGetValue(id!, out int count)) return false;
            // A policy naming itself as its base does not count.
            bool self = (!reportedOnly || !file.IsReference) && string.Equals(file.BasePolicyId, id, StringComparison.OrdinalIgnoreCase);
            return count > (self ? 1 : 0);
        }

        /// <summary>
        /// Whether a policy ends its chain, so that its merged profiles should be complete: no other policy names it as its
        /// base and, for a policy without a RelyingParty, nothing in the build hides what inherits from it. A BasePolicy that
        /// names no policy of the build (PL1001), or a policy file that cannot be parsed, may be the very policy that
        /// inherits this one and finishes its profiles: judging this one complete would blame it for the missing file.
        /// </summary>
        public bool IsLeaf(PolicyFile file, bool reportedOnly)
            => !IsBaseOfAnother(file, reportedOnly) && (file.RelyingParty != null || !HasUnknownLink);

        /// <summary>Some policy of the build names a base the build lacks, or could not be parsed (its base is unknown).</summary>
        public bool HasUnknownLink => _hasUnknownLink ??= Files.Any(f => !f.Document.IsWellFormed
            || (f.BasePolicy != null && (string.IsNullOrEmpty(f.BasePolicyId) || FindPolicy(f.BasePolicyId!) == null)));

        private bool? _hasUnknownLink;

        /// <summary>How many policies name each PolicyId as their base.</summary>
        private static Dictionary<string, int> CountDerived(IEnumerable<PolicyFile> files)
        {
            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in files)
                if (!string.IsNullOrEmpty(f.BasePolicyId)) counts[f.BasePolicyId!] = counts.TryGetValue(f.BasePolicyId!, out int n) ? n + 1 : 1;
            return counts;
        }

        public PolicyChain ChainOf(PolicyFile file)
        {
            if (!_chains.TryGetValue(file, out var chain))
                _chains[file] = chain = PolicyChain.Build(this, file);
            return chain;
        }
    }

    public enum ChainStatus
    {
        Complete,
        /// <summary>A BasePolicy names no known policy.</summary>
        MissingBase,
        /// <summary>BasePolicy links return to a policy already in the chain.</summary>
        Cycle,
        /// <summary>A policy in the chain could not be parsed.</summary>
        BrokenBase,
    }

    /// <summary>A policy and its bases, nearest first, as the service validates an upload.</summary>
    public sealed class PolicyChain
    {
        private PolicyChain(PolicyFile self, List<PolicyFile> policies, ChainStatus status, PolicyFile? brokenAt)
        {
            Self = self;
            Policies = policies;
            Status = status;
            BrokenAt = brokenAt;
        }

        public PolicyFile Self { get; }
        /// <summary>Self first, then each base as far as it resolves.</summary>
        public IReadOnlyList<PolicyFile> Policies { get; }
        public ChainStatus Status { get; }
        /// <summary>The policy whose BasePolicy could not be followed (missing base or cycle), or the broken file.</summary>
        public PolicyFile? BrokenAt { get; }
        public bool IsResolved => Status == ChainStatus.Complete;
        public int Depth => Policies.Count;

        internal static PolicyChain Build(PolicySet set, PolicyFile self)
        {
            var list = new List<PolicyFile> { self };
            var seen = new HashSet<PolicyFile> { self };
            var current = self;
            while (true)
            {
                if (!current.Document.IsWellFormed) return new PolicyChain(self, list, ChainStatus.BrokenBase, current);
                string? baseId = current.BasePolicyId;
                if (current.BasePolicy == null) return new PolicyChain(self, list, ChainStatus.Complete, null);
                if (string.IsNullOrEmpty(baseId)) return new PolicyChain(self, list, ChainStatus.MissingBase, current);
                var next = set.FindPolicy(baseId!);
                if (next == null) return new PolicyChain(self, list, ChainStatus.MissingBase, current);
                if (!seen.Add(next)) return new PolicyChain(self, list, ChainStatus.Cycle, current);
                list.Add(next);
                current = next;
            }
        }

        /// <summary>The nearest declaration of an Id along the chain, matched case-insensitively.</summary>
        public Resolved? Find(DeclarationKind kind, string id)
            => Search(kind, id) is (PolicyFile policy, PolicyNode node, bool exact) ? new Resolved(node, policy, exact) : null;

        /// <summary>
        /// The nearest declaration whose Id matches ignoring case, and whether some declaration along the chain matches
        /// exactly; found without making a result object (reference rules ask for every reference).
        /// </summary>
        private (PolicyFile Policy, PolicyNode Node, bool Exact)? Search(DeclarationKind kind, string id)
        {
            (PolicyFile Policy, PolicyNode Node)? first = null;
            for (int i = 0; i < Policies.Count; i++)
            {
                var policy = Policies[i];
                if (!policy.Declarations(kind).TryGetValue(id, out var nodes)) continue;
                foreach (var node in nodes)
                {
                    bool exact = string.Equals(node["Id"], id, StringComparison.Ordinal);
                    first ??= (policy, node);
                    if (exact) return (first.Value.Policy, first.Value.Node, true);
                }
            }
            return first is (PolicyFile p, PolicyNode n) ? (p, n, false) : null;
        }

        /// <summary>The declared Id when the reference matches declarations only by ignoring case (the nearest one's), else null.</summary>
        public string? CaseMismatch(DeclarationKind kind, string id)
            => Search(kind, id) is (_, PolicyNode node, false) ? node["Id"] : null;

        public bool IsDeclared(DeclarationKind kind, string id) => DeclaredBefore(kind, id, Policies.Count);

        /// <summary>Every declaration of an Id, base-most first: the order the service merges them in.</summary>
        public PolicyNodes All(DeclarationKind kind, string id)
        {
            // Usually one policy of the chain declares the Id: its own list is the answer, without a copy.
            PolicyNodes? single = null;
            List<PolicyNode>? result = null;
            for (int i = Policies.Count - 1; i >= 0; i--)
            {
                if (!Policies[i].Declarations(kind).TryGetValue(id, out var nodes)) continue;
                if (single == null) single = nodes;
                else (result ??= new List<PolicyNode>(single.Value)).AddRange(nodes);
            }
            return result != null ? PolicyNodes.From(result) : single ?? PolicyNodes.Empty;
        }

        /// <summary>Every Id of a kind declared along the chain (for did-you-mean).</summary>
        public IEnumerable<string> Ids(DeclarationKind kind)
        {
            // Each Id once, where the nearest policy declares it: the nearer policies' own indexes say whether it was seen.
            for (int i = 0; i < Policies.Count; i++)
                foreach (var pair in Policies[i].Declarations(kind))
                {
                    // The index's key is spelt as the Id's first declaration in that policy.
                    if (!DeclaredBefore(kind, pair.Key, i)) yield return pair.Key;
                }
        }

        /// <summary>Whether one of the first <paramref name="end"/> policies of the chain declares the Id.</summary>
        internal bool DeclaredBefore(DeclarationKind kind, string id, int end)
        {
            for (int i = 0; i < end; i++)
                if (Policies[i].Declarations(kind).ContainsKey(id)) return true;
            return false;
        }

        /// <summary>"B2C_1A_signup_signin or its bases B2C_1A_TrustFrameworkExtensions, B2C_1A_TrustFrameworkBase".</summary>
        public string Describe() => Describe(0);

        /// <summary>
        /// The chain from the policy that holds <paramref name="document"/> (its own policy and its bases), or the whole
        /// chain when no policy of it holds the document. A problem found in a base is found through every policy that
        /// inherits it, and its message must read the same from each: "looked in" starts where the problem is.
        /// </summary>
        public string DescribeFrom(PolicyDocument document)
        {
            for (int i = 0; i < Policies.Count; i++)
                if (ReferenceEquals(Policies[i].Document, document)) return Describe(i);
            return Describe(0);
        }

        private string Describe(int from)
        {
            static string Name(PolicyFile p) => p.PolicyId ?? System.IO.Path.GetFileName(p.FilePath);
            string self = Name(Policies[from]);
            if (Policies.Count == from + 1) return self;
            return $"{self} or its bases {string.Join(", ", Policies.Skip(from + 1).Select(Name))}";
        }
    }

    public sealed class Resolved
    {
        internal Resolved(PolicyNode node, PolicyFile policy, bool exactCase)
        {
            Node = node;
            Policy = policy;
            ExactCase = exactCase;
        }

        /// <summary>The nearest declaration (the one the child's view starts from).</summary>
        public PolicyNode Node { get; }
        public PolicyFile Policy { get; }
        /// <summary>False when the Id matched only by ignoring case.</summary>
        public bool ExactCase { get; }
    }
}
