using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// What one analysis found, by unit, kept by a workspace for the next: a reported file's own checks (keyed by its parsed
    /// document), the policies of one resolution scope (keyed by their files and chains) and the project checks (always run
    /// again). An edited file is parsed again into a new document, so every unit whose key names the old one runs again;
    /// the others keep their findings.
    ///
    /// A scope's policies read other files of the build only through what <see cref="Shape"/> writes down (the inheritance
    /// links, tenants, relying parties' journeys and input claims, deployment modes, journey Ids). When an edit changes a
    /// file's shape, or adds or removes a file, every unit runs again.
    /// </summary>
    internal sealed class AnalysisState
    {
        internal Dictionary<(PolicyDocument, bool, long?), List<Diagnostic>> Documents { get; private set; } = new Dictionary<(PolicyDocument, bool, long?), List<Diagnostic>>();
        internal Dictionary<UnitKey, List<Diagnostic>> Scopes { get; private set; } = new Dictionary<UnitKey, List<Diagnostic>>();
        /// <summary>The inputs of the last analysis (path, explicit, reference) and its policy files by path.</summary>
        internal List<(string, bool, bool)>? Inputs { get; private set; }
        internal Dictionary<string, PolicyFile> Files { get; private set; } = new Dictionary<string, PolicyFile>(StringComparer.Ordinal);
        /// <summary>The last analysis's set: its resolution scopes are taken over by the next one where their chains did not change.</summary>
        internal PolicySet? Set { get; private set; }

        /// <summary>Units whose findings the last analysis reused rather than computed (for tests and the benchmark).</summary>
        public int Reused { get; internal set; }
        public int Computed { get; internal set; }

        /// <summary>
        /// Whether this analysis may reuse the last one's units: the same inputs, and every file that changed keeps its
        /// shape (only changed files are compared; a file parsed once is the same object in both analyses).
        /// </summary>
        internal bool CanReuse(List<(string, bool, bool)> inputs, List<PolicyFile> files)
        {
            if (Inputs == null || Inputs.Count != inputs.Count || Files.Count != files.Count) return false;
            for (int i = 0; i < inputs.Count; i++)
                if (Inputs[i] != inputs[i]) return false;
            foreach (var file in files)
            {
                if (!Files.TryGetValue(file.FilePath, out var old)) return false;
                if (!ReferenceEquals(old, file) && !string.Equals(Shape(old), Shape(file), StringComparison.Ordinal)) return false;
            }
            return true;
        }

        /// <summary>Keeps only this analysis's units: the findings of files and chains that no longer exist are let go.</summary>
        internal void Replace(List<(string, bool, bool)> inputs, List<PolicyFile> files, PolicySet set,
            Dictionary<(PolicyDocument, bool, long?), List<Diagnostic>> documents, Dictionary<UnitKey, List<Diagnostic>> scopes)
        {
            Inputs = inputs;
            Set = set;
            Files = new Dictionary<string, PolicyFile>(StringComparer.Ordinal);
            foreach (var file in files) Files[file.FilePath] = file;
            Documents = documents;
            Scopes = scopes;
        }

        /// <summary>
        /// What rules read of a file when they analyze another policy: its identity and inheritance (chains, leaves,
        /// PL1xxx), its relying party's journeys and input claims (the claim flow), its deployment mode (development
        /// documents) and the Ids of its journeys (PL3001's fix). A rule that reads something else of another file must add
        /// it here, or the workspace's incremental analysis would keep a stale finding (WorkspaceTests catch it).
        /// </summary>
        internal static string Shape(PolicyFile file)
        {
            var document = file.Document;
            var s = new StringBuilder();
            s.Append(document.IsWellFormed ? 'W' : 'B').Append(document.HasPolicyRootName ? 'P' : '-').Append('|');
            s.Append(file.PolicyId).Append('|').Append(file.TenantId).Append('|');
            s.Append(file.BasePolicy != null ? 'B' : '-').Append(file.BasePolicyId).Append('|').Append(file.BaseTenantIdNode?.Text).Append('|');
            var root = document.Root;
            s.Append(root?["DeploymentMode"]).Append('|');
            if (file.RelyingParty is PolicyNode rp)
            {
                s.Append("RP");
                foreach (var journey in rp.Path("DefaultUserJourney")) s.Append(';').Append(journey["ReferenceId"]);
                foreach (var endpoint in rp.Path("Endpoints", "Endpoint")) s.Append(';').Append(endpoint["UserJourneyReferenceId"]);
                s.Append('|');
                foreach (var input in rp.Path("TechnicalProfile", "InputClaims", "InputClaim")) s.Append(input["ClaimTypeReferenceId"]).Append(';');
            }
            s.Append('|');
            foreach (var journey in document.Elements(n => n == "UserJourney" || n == "SubJourney"))
                s.Append(journey.Name).Append(':').Append(journey["Id"]).Append(';');
            return s.ToString();
        }
    }

    /// <summary>The policies of one resolution scope and each one's chain, compared by the parsed files they are made of.</summary>
    internal sealed class UnitKey : IEquatable<UnitKey>
    {
        private readonly object[] _parts;
        private readonly int _hash;

        public UnitKey(IEnumerable<(PolicyFile File, PolicyChain Chain)> policies)
        {
            var parts = new List<object>();
            foreach (var (file, chain) in policies)
            {
                parts.Add(file);
                parts.Add(chain.Status);
                parts.Add(chain.Policies.Count);
                foreach (var policy in chain.Policies) parts.Add(policy);
            }
            _parts = parts.ToArray();
            int hash = 17;
            foreach (var part in _parts) hash = unchecked(hash * 31 + (part is PolicyFile ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(part) : part.GetHashCode()));
            _hash = hash;
        }

        public bool Equals(UnitKey? other)
        {
            if (other == null || other._hash != _hash || other._parts.Length != _parts.Length) return false;
            for (int i = 0; i < _parts.Length; i++)
            {
                var a = _parts[i];
                var b = other._parts[i];
                if (a is PolicyFile ? !ReferenceEquals(a, b) : !Equals(a, b)) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as UnitKey);
        public override int GetHashCode() => _hash;
    }
}
