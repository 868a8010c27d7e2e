using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// The merged journeys a policy answers for: those it declares or overrides, and those its RelyingParty
    /// reaches (DefaultUserJourney, Endpoints, and the sub journeys they invoke), each merged along its chain.
    /// Built once per policy and shared by the PL3xxx rules.
    /// </summary>
    public sealed class JourneyScope
    {
        private JourneyScope(IReadOnlyList<MergedJourney> journeys) => Journeys = journeys;

        /// <summary>User journeys first, then sub journeys; each (kind, Id) once.</summary>
        public IReadOnlyList<MergedJourney> Journeys { get; }

        public IEnumerable<MergedJourney> UserJourneys => Journeys.Where(j => j.Kind == DeclarationKind.UserJourney);

        /// <summary>A policy fact: the journeys depend on the policy's own declarations and its relying party.</summary>
        public static readonly PolicyFact<JourneyScope> Of = Fact.OfPolicy(Build);

        private static JourneyScope Build(PolicyContext context)
        {
            var result = new List<MergedJourney>();
            var seen = new HashSet<(DeclarationKind, string)>(KindAndId.Comparer);
            var pending = new Queue<(DeclarationKind Kind, string Id)>();
            foreach (var kind in new[] { DeclarationKind.UserJourney, DeclarationKind.SubJourney })
                foreach (var id in context.File.Declarations(kind).Keys)
                    pending.Enqueue((kind, id));
            foreach (var id in RelyingPartyJourneys(context.Chain))
                pending.Enqueue((DeclarationKind.UserJourney, id));

            while (pending.Count > 0)
            {
                var (kind, id) = pending.Dequeue();
                if (!seen.Add((kind, id))) continue;
                var journey = context.Journey(kind, id);
                if (journey == null) continue; // an undeclared reference is PL2005's
                result.Add(journey);
                foreach (var step in journey.Steps)
                    foreach (var candidate in journey.CandidatesOf(step))
                    {
                        string? sub = candidate["SubJourneyReferenceId"];
                        if (!string.IsNullOrEmpty(sub)) pending.Enqueue((DeclarationKind.SubJourney, sub!));
                    }
            }
            return new JourneyScope(result.OrderBy(j => j.Kind == DeclarationKind.UserJourney ? 0 : 1).ToList());
        }

        /// <summary>The effective RelyingParty of a chain: the nearest policy that has one.</summary>
        public static PolicyNode? RelyingParty(PolicyChain chain)
            => chain.Policies.Select(p => p.RelyingParty).FirstOrDefault(rp => rp != null);

        /// <summary>DefaultUserJourney/@ReferenceId of the nearest RelyingParty in the chain that names one.</summary>
        public static PolicyAttribute? DefaultUserJourney(PolicyChain chain)
            => chain.Policies.Select(p => p.RelyingParty?.Child("DefaultUserJourney")?.Attribute("ReferenceId"))
                .FirstOrDefault(a => a != null && a.Value.Length > 0);

        /// <summary>Journeys the chain's RelyingParty starts: the default one and the Endpoints' ones.</summary>
        public static IEnumerable<string> RelyingPartyJourneys(PolicyChain chain)
        {
            var rp = RelyingParty(chain);
            if (rp == null) yield break;
            var journey = DefaultUserJourney(chain);
            if (journey != null) yield return journey.Value;
            foreach (var endpoint in rp.Value.Path("Endpoints", "Endpoint"))
            {
                string? id = endpoint["UserJourneyReferenceId"];
                if (!string.IsNullOrEmpty(id)) yield return id!;
            }
        }

        /// <summary>"UserJourney 'SignUpOrSignIn'" / "SubJourney 'X'": how messages name a journey.</summary>
        public static string Describe(MergedJourney journey) => $"{journey.Kind} '{journey.Id}'";

        /// <summary>The step's Type attribute, or empty.</summary>
        public static string TypeOf(PolicyNode step) => step["Type"] ?? string.Empty;

        public static bool IsSelection(PolicyNode step)
            => TypeOf(step) == "ClaimsProviderSelection" || TypeOf(step) == "CombinedSignInAndSignUp";

        /// <summary>The effective value of a journey-level attribute: the nearest declaration that sets it.</summary>
        public static string? JourneyAttribute(MergedJourney journey, string name)
        {
            for (int i = journey.Parts.Count - 1; i >= 0; i--)
            {
                string? value = journey.Parts[i][name];
                if (!string.IsNullOrEmpty(value)) return value;
            }
            return null;
        }

        internal static bool SameId(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
