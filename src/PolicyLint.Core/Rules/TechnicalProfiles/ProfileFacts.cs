using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Rules.References;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>What the PL5xxx rules share: which profile an element belongs to and what type that profile is.</summary>
    internal static class ProfileFacts
    {
        /// <summary>The ClaimsProviders technical profile that directly holds this list (Metadata, CryptographicKeys), else null.</summary>
        public static PolicyNode? OwningProfile(PolicyNode list)
        {
            if (list.Parent is not PolicyNode profile || !profile.IsNamed("TechnicalProfile") || profile.Parent?.IsNamed("TechnicalProfiles") != true) return null;
            return profile;
        }

        /// <summary>The profile merged along the policy's chain, with its type; null when the type cannot be told.</summary>
        public static (MergedTechnicalProfile Profile, TechnicalProfileType Type)? Resolve(PolicyContext context, PolicyNode profileNode)
        {
            string? id = profileNode["Id"];
            if (string.IsNullOrEmpty(id)) return null;
            var merged = context.TechnicalProfile(id!);
            if (merged == null) return null;
            var type = TypeOf(merged);
            return type == null ? null : (merged, type);
        }

        /// <summary>
        /// Calls the action for each item of a ClaimsProviders profile's list (Metadata/Item, CryptographicKeys/Key),
        /// with the profile's Id, its merged form and its type, when the type can be told.
        /// </summary>
        public static void OnProfileItem(RuleRegistration registration, string listName, string itemName,
            Action<PolicyContext, PolicyNode, string, MergedTechnicalProfile, TechnicalProfileType> action)
            => registration.OnElement(itemName, (context, node) =>
            {
                if (node.Parent?.IsNamed(listName) != true) return;
                if (OwningProfile(node.Parent.Value) is not PolicyNode profileNode) return;
                var resolved = Resolve(context, profileNode);
                if (resolved == null) return;
                action(context, node, profileNode["Id"] ?? "", resolved.Value.Profile, resolved.Value.Type);
            });

        /// <summary>
        /// Calls the action for every profile of the chain whose completeness is judged here: only in a leaf policy,
        /// skipping include-only profiles and profiles whose type cannot be told.
        /// </summary>
        public static void OnCompleteProfiles(RuleRegistration registration,
            Action<PolicyContext, MergedTechnicalProfile, TechnicalProfileType, ISet<string>> action)
            // Relying parties of one extensions file see the same merged profiles: checked once per scope, with its first leaf.
            => registration.OnScope(IsLeaf, context =>
            {
                var includeOnly = IncludeOnlyProfiles(context);
                foreach (var profile in context.Scope.TechnicalProfiles())
                {
                    if (includeOnly.Contains(profile.Id)) continue;
                    if (TypeOf(profile) is TechnicalProfileType type) action(context, profile, type, includeOnly);
                }
            });

        public static TechnicalProfileType? TypeOf(MergedTechnicalProfile profile) => profile.CatalogType;

        /// <summary>The merged metadata as a lookup for the catalog's conditions.</summary>
        public static Func<string, string?> MetadataOf(MergedTechnicalProfile profile) => profile.MetadataLookup;

        /// <summary>
        /// A policy that no other policy of the build inherits from: where profiles are complete. A base's profile
        /// may be finished by its extensions (the starter pack sets Facebook's client_id there), and the service
        /// accepts the incomplete base, so completeness is judged only at the end of each chain.
        /// </summary>
        public static bool IsLeaf(PolicyContext context)
        {
            string? id = context.File.PolicyId;
            if (string.IsNullOrEmpty(id)) return false;
            return context.Set.IsLeaf(context.File, reportedOnly: false);
        }

        /// <summary>
        /// A completeness problem the profile only inherits from the profile it includes, when that profile is checked
        /// on its own: reported there once rather than at every profile that includes it.
        /// </summary>
        public static bool InheritedFromInclude(PolicyContext context, MergedTechnicalProfile profile, TechnicalProfileType type,
            ISet<string> includeOnly, Func<MergedTechnicalProfile, bool> lacks)
        {
            string? included = null;
            foreach (var part in profile.OwnParts)
                included = part.Child("IncludeTechnicalProfile")?["ReferenceId"] ?? included;
            if (included == null || includeOnly.Contains(included)) return false;
            var source = context.TechnicalProfile(included);
            return source != null && TypeOf(source) == type && lacks(source);
        }

        /// <summary>
        /// Profiles that exist only to be included (AAD-Common): other profiles include them and nothing runs them
        /// directly, so they need not be complete on their own.
        /// </summary>
        public static ISet<string> IncludeOnlyProfiles(PolicyContext context) => context.Get(ProfileReferences.Of).Ids;

        /// <summary>
        /// Whether anything in the chain runs the profile: a journey step, a validation profile, a session manager, an
        /// issuer or a display control's action. An incomplete profile that nothing runs cannot fail a sign-in.
        /// </summary>
        public static bool IsRun(PolicyContext context, MergedTechnicalProfile profile)
            => context.Get(ProfileReferences.Of).Run.Contains(profile.Id);

        /// <summary>
        /// The severity of a completeness gap: an error when something runs the profile (that path fails), a warning
        /// when nothing in the chain runs it.
        /// </summary>
        public static Microsoft.CodeAnalysis.DiagnosticSeverity GapSeverity(PolicyContext context, MergedTechnicalProfile profile)
            => IsRun(context, profile) ? Microsoft.CodeAnalysis.DiagnosticSeverity.Error : Microsoft.CodeAnalysis.DiagnosticSeverity.Warning;

        /// <summary>
        /// " No journey step ... runs it ..." when nothing does, else empty: ready to append to a message. It names no chain,
        /// so the relying parties that share a base report the gap once.
        /// </summary>
        public static string NotRunNote(PolicyContext context, MergedTechnicalProfile profile)
            => IsRun(context, profile) ? string.Empty : " No journey step, validation or other profile runs it, so no sign-in fails for it yet.";

        /// <summary>Which profiles the chain runs, and which it only includes: a policy fact (the chain is the policy's).</summary>
        private sealed class ProfileReferences
        {
            public static readonly PolicyFact<ProfileReferences> Of = Fact.OfPolicy(c => new ProfileReferences(c));

            private ProfileReferences(PolicyContext context)
            {
                var included = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var run = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var policy in context.Chain.Policies)
                {
                    var (fileIncluded, fileRun) = policy.Get(ProfileSites.Of);
                    included.UnionWith(fileIncluded);
                    run.UnionWith(fileRun);
                }
                Run = run;
                included.ExceptWith(run);
                Ids = included;
            }

            /// <summary>Profiles included by others but run by nothing.</summary>
            public ISet<string> Ids { get; }
            /// <summary>Profiles run by a step, a validation, a session, an issuer or a display control.</summary>
            public ISet<string> Run { get; }
        }

        /// <summary>A file's technical-profile references, split into includes and runs: every chain through a base reads them.</summary>
        private sealed class ProfileSites
        {
            private static readonly FrozenDictionary<string, ImmutableArray<ReferenceSite>> Sites =
                ReferenceSite.ByElementName(ReferenceSite.All.Where(s => s.Kind == DeclarationKind.TechnicalProfile));

            public static readonly FileFact<Tuple<HashSet<string>, HashSet<string>>> Of = Fact.OfFile(policy =>
            {
                var included = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var run = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var node in policy.Document.Elements(Sites.ContainsKey))
                    foreach (var site in Sites[node.Name])
                    {
                        if (!(site.Read(node) is Reference reference)) continue;
                        (node.IsNamed("IncludeTechnicalProfile") ? included : run).Add(reference.Value);
                    }
                return Tuple.Create(included, run);
            });
        }
    }
}
