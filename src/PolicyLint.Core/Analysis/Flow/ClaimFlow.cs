using System;
using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Catalogs;

namespace PolicyLint.Analysis.Flow
{
    /// <summary>
    /// A may-produce analysis of the claims bag along a user journey: which claims some path through the steps
    /// before a given step can have put in the bag. Preconditions may skip any step, so "before step n" is the union
    /// of everything steps 1..n-1 (and the sub journeys they invoke) can produce. Built once per resolution scope (cached on the
    /// scope) and per journey. Claims are numbered per scope and sets of them are bit sets: a journey's walk is unions of a
    /// few machine words, not of hash sets of strings.
    /// </summary>
    public sealed class ClaimFlow
    {
        private readonly ResolutionScope _scope;
        private readonly Dictionary<string, ClaimSet> _produces = new Dictionary<string, ClaimSet>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, JourneyFlow?> _journeys = new Dictionary<string, JourneyFlow?>(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<MergedTechnicalProfile, List<MergedTechnicalProfile>> _validations = new Dictionary<MergedTechnicalProfile, List<MergedTechnicalProfile>>();
        private readonly Dictionary<MergedTechnicalProfile, ClaimSet> _ownSupply = new Dictionary<MergedTechnicalProfile, ClaimSet>();
        /// <summary>Profiles whose production could not be fully known: a profile they pull in is not declared.</summary>
        private readonly HashSet<string> _partial = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly ClaimNumbers _numbers = new ClaimNumbers();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Queue<string> _pending = new Queue<string>();
        private readonly List<string?> _related = new List<string?>();

        private ClaimFlow(ResolutionScope scope) => _scope = scope;

        /// <summary>Depends on declarations only, so policies that declare the same (relying parties of one base) share it: read it as <see cref="PolicyContext.ClaimFlow"/>.</summary>
        internal static readonly ScopeFact<ClaimFlow> OfScope = Fact.OfScope(scope => new ClaimFlow(scope));

        /// <summary>The flow through a user journey merged along this policy's chain; null when it is not declared.</summary>
        public JourneyFlow? UserJourney(string id)
        {
            if (_journeys.TryGetValue(id, out var flow)) return flow;
            var journey = _scope.Journey(DeclarationKind.UserJourney, id);
            flow = journey == null ? null : Walk(journey);
            _journeys[id] = flow;
            return flow;
        }

        /// <summary>Whether some RelyingParty of the build starts a user journey of this Id (its DefaultUserJourney or an Endpoint).</summary>
        public bool StartedByARelyingParty(string journeyId) => RelyingPartyInputs().ContainsKey(journeyId);

        private JourneyFlow Walk(MergedJourney journey)
        {
            var available = new ClaimSet(_numbers);
            if (RelyingPartyInputs().TryGetValue(journey.Id, out var fromApplication))
                foreach (var claim in fromApplication) available.Add(claim);
            // Authorization profiles (e.g. the UserInfo endpoint's bearer-token check) run before step 1 and extract claims.
            foreach (var part in journey.Parts)
                foreach (var authorization in part.Path("Authorization", "AuthorizationTechnicalProfiles", "AuthorizationTechnicalProfile"))
                {
                    string? id = authorization["ReferenceId"];
                    if (!string.IsNullOrEmpty(id)) available.UnionWith(ProducedBy(id!));
                }
            var missing = new List<MissingInput>();
            var walk = new WalkState();
            WalkSteps(journey, DefaultIssuer(journey), available, missing, new List<string>(), new List<string>(), walk);
            return new JourneyFlow(journey, available, missing, walk.Complete);
        }

        /// <summary>State of one journey's walk: whether everything met so far was declared, so that "not produced" is certain.</summary>
        private sealed class WalkState
        {
            public bool Complete = true;
        }

        /// <summary>Sub journeys are not meant to invoke sub journeys; past this depth the walk stops rather than risk the stack.</summary>
        private const int MaxSubJourneyDepth = 8;

        /// <summary>Walks steps in order: checks what each step reads against <paramref name="available"/>, then adds what it can produce.</summary>
        /// <param name="profiles">A list to reuse for the profiles of each step.</param>
        private void WalkSteps(MergedJourney journey, string? defaultIssuer, ClaimSet available, List<MissingInput> missing, List<string> callStack,
            List<string> profiles, WalkState walk)
        {
            var produced = new ClaimSet(_numbers);
            foreach (var step in journey.Steps)
            {
                produced.Clear();
                profiles.Clear();
                AddProfilesRunBy(journey, step, defaultIssuer, profiles);
                foreach (var profileId in profiles)
                {
                    CheckInputs(journey, step, profileId, available, missing, walk);
                    produced.UnionWith(ProducedBy(profileId));
                    if (_partial.Contains(profileId)) walk.Complete = false;
                }
                // Candidates of every declaration of this Order: a child's step merges into the base's.
                foreach (var candidate in journey.CandidatesOf(step))
                {
                    string? subId = candidate["SubJourneyReferenceId"];
                    if (string.IsNullOrEmpty(subId) || callStack.Contains(subId!, StringComparer.OrdinalIgnoreCase)) continue;
                    var sub = callStack.Count >= MaxSubJourneyDepth ? null : _scope.Journey(DeclarationKind.SubJourney, subId!);
                    if (sub == null)
                    {
                        walk.Complete = false;
                        continue;
                    }
                    // Each candidate starts from the caller's bag; what any of them produces (nested calls included) is available afterwards.
                    var inSub = available.Copy();
                    callStack.Add(subId!);
                    WalkSteps(sub, defaultIssuer, inSub, missing, callStack, new List<string>(), walk);
                    callStack.RemoveAt(callStack.Count - 1);
                    produced.UnionWith(inSub);
                }
                available.UnionWith(produced);
            }
        }

        private static string? DefaultIssuer(MergedJourney journey)
        {
            for (int i = journey.Parts.Count - 1; i >= 0; i--)
            {
                string? id = journey.Parts[i]["DefaultCpimIssuerTechnicalProfileReferenceId"];
                if (!string.IsNullOrEmpty(id)) return id;
            }
            return null;
        }

        /// <summary>
        /// Technical profiles a step runs: its claims exchanges and its token issuer (SendClaims, GetClaims); a SendClaims step
        /// without its own issuer uses the journey's DefaultCpimIssuerTechnicalProfileReferenceId.
        /// </summary>
        private static void AddProfilesRunBy(MergedJourney journey, PolicyNode step, string? defaultIssuer, List<string> into)
        {
            foreach (var exchange in journey.ClaimsExchangesOf(step))
            {
                string? id = exchange["TechnicalProfileReferenceId"];
                if (!string.IsNullOrEmpty(id)) into.Add(id!);
            }
            string? issuer = journey.StepAttribute(step, "CpimIssuerTechnicalProfileReferenceId");
            if (string.IsNullOrEmpty(issuer) && step["Type"] == "SendClaims") issuer = defaultIssuer;
            if (!string.IsNullOrEmpty(issuer)) into.Add(issuer!);
        }

        /// <summary>
        /// Required InputClaims (without DefaultValue) of a step's profile and of its validation profiles that nothing available can
        /// supply. A profile's own input claims transformations run first and feed its inputs; a self-asserted page collects its own
        /// output and display claims; validation profiles see everything their page produced. Optional inputs (prefills, an
        /// identity provider's login_hint, Application Insights properties, a REST body field) are sent only when present.
        /// </summary>
        private void CheckInputs(MergedJourney journey, PolicyNode step, string profileId, ClaimSet available, List<MissingInput> missing, WalkState walk)
        {
            var profile = _scope.TechnicalProfile(profileId);
            if (profile == null)
            {
                walk.Complete = false;
                return;
            }
            CheckProfile(journey, step, profile, null, available, missing, walk);

            var validations = ValidationProfiles(profile);
            if (validations.Count == 0) return;
            // Validation profiles see the bag plus everything their page produced.
            var page = ProducedBy(profileId);
            foreach (var validation in validations)
                CheckProfile(journey, step, validation, profile.Id, available, missing, walk, page);
        }

        private void CheckProfile(MergedJourney journey, PolicyNode step, MergedTechnicalProfile profile, string? validatedProfileId, ClaimSet available,
            List<MissingInput> missing, WalkState walk, ClaimSet? alsoAvailable = null)
        {
            ClaimSet? own = null;
            foreach (var input in profile.InputClaims)
            {
                string? claim = input["ClaimTypeReferenceId"];
                if (string.IsNullOrEmpty(claim) || input["DefaultValue"] != null) continue;
                bool markedRequired = IsMarkedRequired(input);
                if (!markedRequired && !HandlerNeeds(profile, input)) continue;
                int number = _numbers.Of(claim!);
                if (available.Contains(number) || (alsoAvailable != null && alsoAvailable.Contains(number))) continue;
                own ??= OwnSupply(profile);
                if (own.Contains(number)) continue;
                missing.Add(new MissingInput(input, claim!, profile.Id, validatedProfileId, journey, step,
                    alsoAvailable == null ? available.Names() : available.Names().Concat(alsoAvailable.Names()), markedRequired, walk.Complete));
            }
        }

        /// <summary>InputClaim Required="true": the profile cannot run without the claim.</summary>
        private static bool IsMarkedRequired(PolicyNode input)
            => string.Equals(input["Required"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// An input the handler cannot work without, though not marked Required: the one InputClaim of a Microsoft Entra ID profile
        /// is the key it looks the account up by or creates it with ("A claim could not be found for lookup claim with id …",
        /// starterpack#67); a phone-factor page needs the user id (technical-profiles.md §9: with no number on record it lets the
        /// user enrol one, so the phone-number inputs are prefills).
        /// </summary>
        private static bool HandlerNeeds(MergedTechnicalProfile profile, PolicyNode input)
        {
            if (IsHandler(profile, DirectoryClass)) return true;
            return IsHandler(profile, PhoneFactorClass)
                   && string.Equals(input["PartnerClaimType"] ?? input["ClaimTypeReferenceId"], "UserId", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>What a profile supplies to its own inputs: input claims transformations, and a self-asserted page's collected claims.</summary>
        private ClaimSet OwnSupply(MergedTechnicalProfile profile)
        {
            if (_ownSupply.TryGetValue(profile, out var known)) return known;
            var own = new ClaimSet(_numbers);
            _ownSupply[profile] = own;
            foreach (var reference in profile.InputClaimsTransformations)
                AddTransformationOutputs(reference["ReferenceId"], own);
            if (IsHandler(profile, SelfAssertedClass))
            {
                AddClaims(profile.OutputClaims, own, onlyWithDefault: false);
                AddClaims(profile.DisplayClaims, own, onlyWithDefault: false);
            }
            return own;
        }

        private static readonly List<MergedTechnicalProfile> NoValidations = new List<MergedTechnicalProfile>();

        /// <summary>Validation profiles of a profile, nested ones included, in order (each once); once per profile, as journeys share profiles.</summary>
        private List<MergedTechnicalProfile> ValidationProfiles(MergedTechnicalProfile profile)
        {
            if (_validations.TryGetValue(profile, out var known)) return known;
            if (profile.ValidationTechnicalProfiles.Count == 0) return _validations[profile] = NoValidations;
            var result = new List<MergedTechnicalProfile>();
            _validations[profile] = result;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { profile.Id };
            var pending = new Queue<MergedTechnicalProfile>();
            pending.Enqueue(profile);
            while (pending.Count > 0)
                foreach (var reference in pending.Dequeue().ValidationTechnicalProfiles)
                {
                    string? id = reference["ReferenceId"];
                    if (string.IsNullOrEmpty(id) || !seen.Add(id!)) continue;
                    var validation = _scope.TechnicalProfile(id!);
                    if (validation == null) continue;
                    result.Add(validation);
                    pending.Enqueue(validation);
                }
            return result;
        }

        /// <summary>
        /// Every claim running a profile may put in the bag: output claims, claims with a DefaultValue, display claims,
        /// the outputs of its claims transformations, and the same for the profiles it pulls in (validation profiles,
        /// display-control actions, IncludeClaimsFromTechnicalProfile, its session manager, which restores persisted claims).
        /// </summary>
        private ClaimSet ProducedBy(string profileId)
        {
            if (_produces.TryGetValue(profileId, out var cached)) return cached;
            var result = new ClaimSet(_numbers);
            // One profile's walk at a time: the working sets are reused.
            var seen = _seen;
            var pending = _pending;
            var related = _related;
            seen.Clear();
            pending.Clear();
            seen.Add(profileId);
            pending.Enqueue(profileId);
            while (pending.Count > 0)
            {
                var profile = _scope.TechnicalProfile(pending.Dequeue());
                if (profile == null)
                {
                    _partial.Add(profileId);
                    continue;
                }
                related.Clear();
                AddDirectOutputs(profile, result, related);
                foreach (var id in related)
                    if (!string.IsNullOrEmpty(id) && seen.Add(id!)) pending.Enqueue(id!);
            }
            _produces[profileId] = result;
            return result;
        }

        /// <summary>Adds what the profile itself produces, and the Ids of profiles whose output it also brings to <paramref name="related"/>.</summary>
        private void AddDirectOutputs(MergedTechnicalProfile profile, ClaimSet into, List<string?> related)
        {
            // Plain loops: this runs for every profile of every scope, and LINQ over the merged lists was a sixth of all allocation.
            AddClaims(profile.OutputClaims, into, onlyWithDefault: false);
            AddClaims(profile.DisplayClaims, into, onlyWithDefault: false);
            AddClaims(profile.InputClaims, into, onlyWithDefault: true);
            // Session managers restore their persisted claims on single sign-on.
            AddClaims(profile.PersistedClaims, into, onlyWithDefault: !IsHandler(profile, HandlerNames.SessionManagerSuffix));
            foreach (var reference in profile.InputClaimsTransformations) AddTransformationOutputs(reference["ReferenceId"], into);
            foreach (var reference in profile.OutputClaimsTransformations) AddTransformationOutputs(reference["ReferenceId"], into);
            foreach (var display in profile.DisplayClaims) AddDisplayControl(display["DisplayControlReferenceId"], into, related);
            foreach (var validation in profile.ValidationTechnicalProfiles) related.Add(validation["ReferenceId"]);
            foreach (var part in profile.Parts)
            {
                related.Add(part.Child("UseTechnicalProfileForSessionManagement")?["ReferenceId"]);
                related.Add(part.ChildText("IncludeClaimsFromTechnicalProfile"));
            }
        }

        /// <summary>A display control's claims, and the profiles its actions run.</summary>
        private void AddDisplayControl(string? id, ClaimSet into, List<string?> related)
        {
            if (string.IsNullOrEmpty(id)) return;
            foreach (var control in _scope.Chain.All(DeclarationKind.DisplayControl, id!))
            {
                AddClaims(control.Path("OutputClaims", "OutputClaim"), into, onlyWithDefault: false);
                AddClaims(control.Path("DisplayClaims", "DisplayClaim"), into, onlyWithDefault: false);
                AddClaims(control.Path("InputClaims", "InputClaim"), into, onlyWithDefault: true);
                foreach (var action in control.Path("Actions", "Action", "ValidationClaimsExchange", "ValidationClaimsExchangeTechnicalProfile"))
                    related.Add(action["TechnicalProfileReferenceId"]);
            }
        }

        private void AddTransformationOutputs(string? id, ClaimSet into)
        {
            if (string.IsNullOrEmpty(id)) return;
            foreach (var transformation in _scope.Chain.All(DeclarationKind.ClaimsTransformation, id!))
                AddClaims(transformation.Path("OutputClaims", "OutputClaim"), into, onlyWithDefault: false);
        }

        private static void AddClaims(PolicyNodes claims, ClaimSet into, bool onlyWithDefault)
        {
            foreach (var claim in claims) AddClaim(claim, into, onlyWithDefault);
        }

        private static void AddClaims(PolicyNodePath claims, ClaimSet into, bool onlyWithDefault)
        {
            foreach (var claim in claims) AddClaim(claim, into, onlyWithDefault);
        }

        private static void AddClaim(PolicyNode claim, ClaimSet into, bool onlyWithDefault)
        {
            if (onlyWithDefault && claim["DefaultValue"] == null) return;
            string? id = claim["ClaimTypeReferenceId"];
            if (!string.IsNullOrEmpty(id)) into.Add(id!);
        }

        // The handler's class name anywhere in Handler, whatever its namespace and assembly parts.
        private static readonly string DirectoryClass = HandlerNames.ClassName(HandlerNames.AzureActiveDirectory);
        private static readonly string PhoneFactorClass = HandlerNames.ClassName(HandlerNames.PhoneFactor);
        private static readonly string SelfAssertedClass = HandlerNames.ClassName(HandlerNames.SelfAsserted);

        private static bool IsHandler(MergedTechnicalProfile profile, string className)
            => profile.Handler?.IndexOf(className, StringComparison.Ordinal) >= 0;

        private Dictionary<string, HashSet<string>> RelyingPartyInputs() => _scope.Set.Get(RelyingPartyInputMap.OfBuild).Map;

        /// <summary>
        /// Claims the application sends in: the InputClaims of every RelyingParty technical profile in the build, by the journeys
        /// that RelyingParty starts (any RelyingParty may run a journey declared in a shared base). A build fact: every policy
        /// asks for the same map, and building it per policy made the analysis quadratic. It reads other files than the chain,
        /// only what AnalysisState.Shape records of them (a relying party's journeys and input claims).
        /// </summary>
        private sealed class RelyingPartyInputMap
        {
            public static readonly BuildFact<RelyingPartyInputMap> OfBuild = Fact.OfBuild(Build);

            public Dictionary<string, HashSet<string>> Map { get; } = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);

            public static RelyingPartyInputMap Build(PolicySet set)
            {
                var result = new RelyingPartyInputMap();
                foreach (var file in set.Files)
                {
                    var rp = file.RelyingParty;
                    if (rp == null) continue;
                    var journeys = rp.Value.Path("DefaultUserJourney").Select(d => d["ReferenceId"])
                        .Concat(rp.Value.Path("Endpoints", "Endpoint").Select(e => e["UserJourneyReferenceId"]));
                    foreach (var journey in journeys)
                    {
                        if (string.IsNullOrEmpty(journey)) continue;
                        if (!result.Map.TryGetValue(journey!, out var claims)) result.Map[journey!] = claims = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        foreach (var input in rp.Value.Path("TechnicalProfile", "InputClaims", "InputClaim"))
                        {
                            string? id = input["ClaimTypeReferenceId"];
                            if (!string.IsNullOrEmpty(id)) claims.Add(id!);
                        }
                    }
                }
                return result;
            }
        }
    }

    /// <summary>The result of walking one user journey.</summary>
    public sealed class JourneyFlow
    {
        private readonly ClaimSet _produced;

        internal JourneyFlow(MergedJourney journey, ClaimSet produced, IReadOnlyList<MissingInput> missing, bool complete)
        {
            Journey = journey;
            _produced = produced;
            Missing = missing;
            Complete = complete;
        }

        /// <summary>Every profile and sub journey the walk met was declared: what it says is not produced, nothing can produce.</summary>
        public bool Complete { get; }

        public MergedJourney Journey { get; }
        /// <summary>Every claim some path through the journey (sub journeys included) can have in the bag at the end.</summary>
        public IReadOnlyCollection<string> Produced => _produced.Names();

        /// <summary>Whether some path can have the claim in the bag at the end (Ids match case-insensitively).</summary>
        public bool CanProduce(string claim) => _produced.Contains(claim);
        /// <summary>Required input claims that no earlier step can have produced, in step order.</summary>
        public IReadOnlyList<MissingInput> Missing { get; }
    }

    /// <summary>An InputClaim read by a profile in a step before anything can have produced it.</summary>
    public sealed class MissingInput
    {
        internal MissingInput(PolicyNode inputClaim, string claim, string profileId, string? validatedProfileId, MergedJourney journey, PolicyNode step,
            IEnumerable<string> available, bool markedRequired, bool certain)
        {
            MarkedRequired = markedRequired;
            Certain = certain;
            InputClaim = inputClaim;
            Claim = claim;
            ProfileId = profileId;
            ValidatedProfileId = validatedProfileId;
            Journey = journey;
            Step = step;
            Available = available.ToList();
        }

        public PolicyNode InputClaim { get; }
        public string Claim { get; }
        public string ProfileId { get; }
        /// <summary>When the profile runs as a validation profile: the self-asserted profile it validates.</summary>
        public string? ValidatedProfileId { get; }
        /// <summary>The journey (user or sub journey) whose step runs the profile.</summary>
        public MergedJourney Journey { get; }
        public PolicyNode Step { get; }
        /// <summary>What was available before the step (for a did-you-mean hint).</summary>
        public IReadOnlyList<string> Available { get; }
        /// <summary>The InputClaim says Required="true" (otherwise its handler needs it).</summary>
        public bool MarkedRequired { get; }
        /// <summary>Every profile and sub journey met before this step was declared, so nothing unknown can have produced the claim.</summary>
        public bool Certain { get; }
    }
}
