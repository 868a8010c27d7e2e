using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Catalogs;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>Which technical profiles render a page, and which a journey runs.</summary>
    internal static class PageProfiles
    {
        /// <summary>Handlers whose profiles render a page and need a content definition (technical-profiles.md §6, §9).</summary>
        private static readonly ImmutableArray<string> PageHandlers = ImmutableArray.Create<string>(
            HandlerNames.SelfAsserted,
            HandlerNames.PhoneFactor);

        public static bool RendersPage(MergedTechnicalProfile profile)
        {
            foreach (var handler in PageHandlers)
                if (HasHandler(profile, handler)) return true;
            return false;
        }

        /// <summary>A Proprietary profile whose handler is this type (the assembly-qualified suffix is ignored).</summary>
        public static bool HasHandler(MergedTechnicalProfile profile, string handlerType)
            => string.Equals(profile.ProtocolName, Protocols.Proprietary, StringComparison.Ordinal)
               && string.Equals(profile.HandlerTypeName, handlerType, StringComparison.OrdinalIgnoreCase);

        public static string? ContentDefinitionOf(MergedTechnicalProfile profile)
        {
            string? value = profile.MetadataValue(MetadataKeys.ContentDefinitionReferenceId);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>The journeys a relying party starts: its DefaultUserJourney and its Endpoints' journeys.</summary>
        public static IEnumerable<string> JourneysOf(PolicyNode relyingParty)
        {
            string? main = relyingParty.Child("DefaultUserJourney")?["ReferenceId"];
            if (!string.IsNullOrEmpty(main)) yield return main!;
            foreach (var endpoint in relyingParty.Path("Endpoints", "Endpoint"))
            {
                string? journey = endpoint["UserJourneyReferenceId"];
                if (!string.IsNullOrEmpty(journey)) yield return journey!;
            }
        }

        /// <summary>The relying party the chain's leaf-most policy declares.</summary>
        public static PolicyNode? RelyingParty(PolicyChain chain) => chain.Policies.Select(p => p.RelyingParty).FirstOrDefault(rp => rp != null);
    }

    /// <summary>One technical profile a journey runs: from a ClaimsExchange, directly or as a validation profile.</summary>
    internal sealed class ProfileRun
    {
        public ProfileRun(MergedJourney journey, PolicyNode step, PolicyNode exchange, MergedTechnicalProfile profile, bool isValidation)
        {
            Journey = journey;
            Step = step;
            Exchange = exchange;
            Profile = profile;
            IsValidation = isValidation;
        }

        public MergedJourney Journey { get; }
        public PolicyNode Step { get; }
        public PolicyNode Exchange { get; }
        public MergedTechnicalProfile Profile { get; }
        public bool IsValidation { get; }
    }

    /// <summary>Everything the relying party's journeys run, computed once per policy (shared by PL8002 and PL8003).</summary>
    internal sealed class JourneyRuns
    {
        private JourneyRuns(List<MergedJourney> journeys, List<ProfileRun> runs)
        {
            Journeys = journeys;
            Runs = runs;
        }

        /// <summary>The journeys and the sub-journeys they invoke, merged.</summary>
        public IReadOnlyList<MergedJourney> Journeys { get; }
        public IReadOnlyList<ProfileRun> Runs { get; }

        /// <summary>A policy fact: the journeys are those the policy's relying party starts.</summary>
        public static readonly Analysis.PolicyFact<JourneyRuns> Of = Analysis.Fact.OfPolicy(Compute);

        private static JourneyRuns Compute(Analysis.PolicyContext context)
        {
            var journeys = new List<MergedJourney>();
            var runs = new List<ProfileRun>();
            var relyingParty = PageProfiles.RelyingParty(context.Chain);
            if (relyingParty == null) return new JourneyRuns(journeys, runs);

            var seen = new HashSet<(DeclarationKind, string)>(KindAndId.Comparer);
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<(string Id, bool IsValidation)>();
            var queue = new Queue<(DeclarationKind Kind, string Id)>(PageProfiles.JourneysOf(relyingParty.Value).Select(id => (DeclarationKind.UserJourney, id)));
            while (queue.Count > 0)
            {
                var (kind, id) = queue.Dequeue();
                if (!seen.Add((kind, id))) continue;
                var journey = context.Journey(kind, id);
                if (journey == null) continue;
                journeys.Add(journey);
                foreach (var step in journey.Steps)
                {
                    foreach (var candidate in step.Path("JourneyList", "Candidate"))
                    {
                        string? sub = candidate["SubJourneyReferenceId"];
                        if (!string.IsNullOrEmpty(sub)) queue.Enqueue((DeclarationKind.SubJourney, sub!));
                    }
                    foreach (var exchange in MergedJourney.ClaimsExchanges(step))
                        AddProfileRuns(context, journey, step, exchange, runs, visited, pending);
                }
            }
            return new JourneyRuns(journeys, runs);
        }

        /// <summary>The exchange's profile and, transitively, its validation profiles (each once per exchange).</summary>
        /// <param name="visited">Emptied here: reused from exchange to exchange.</param>
        /// <param name="pending">Empty on entry and on return.</param>
        private static void AddProfileRuns(Analysis.PolicyContext context, MergedJourney journey, PolicyNode step, PolicyNode exchange, List<ProfileRun> runs,
            HashSet<string> visited, Stack<(string Id, bool IsValidation)> pending)
        {
            string? id = exchange["TechnicalProfileReferenceId"];
            if (string.IsNullOrEmpty(id)) return;
            visited.Clear();
            pending.Push((id!, false));
            while (pending.Count > 0)
            {
                var (profileId, isValidation) = pending.Pop();
                if (!visited.Add(profileId)) continue;
                var profile = context.TechnicalProfile(profileId);
                if (profile == null) continue;
                runs.Add(new ProfileRun(journey, step, exchange, profile, isValidation));
                foreach (var validation in profile.ValidationTechnicalProfiles)
                {
                    string? next = validation["ReferenceId"];
                    if (!string.IsNullOrEmpty(next)) pending.Push((next!, true));
                }
            }
        }
    }
}
