using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.References
{
    /// <summary>A declaration no policy of the build names: dead weight, or a typo on the referencing side.</summary>
    public sealed class PL2012DeclaredButNeverUsed : PolicyRule
    {
        private static readonly ImmutableArray<DeclarationKind> Checked = ImmutableArray.Create<DeclarationKind>(
            DeclarationKind.ClaimsTransformation, DeclarationKind.TechnicalProfile, DeclarationKind.ContentDefinition, DeclarationKind.UserJourney);

        /// <summary>Used by the service without a reference: the error page.</summary>
        private static readonly FrozenSet<string> ImplicitlyUsed = new[]
        { "api.error" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// What one file references, each (kind, Id) once: a file fact, so an edit to another file does not read this one
        /// again. An array, not the set it was made with: every file of a build keeps one.
        /// </summary>
        private static readonly FileFact<(DeclarationKind, string)[]> ReferencesIn = Fact.OfFile(file =>
        {
            var used = new HashSet<(DeclarationKind, string)>(KindAndId.Comparer);
            foreach (var node in file.Document.Elements(ReferenceSite.IsSite))
                foreach (var site in ReferenceSite.On(node.Name))
                    if (site.Read(node) is Reference r) used.Add((site.Kind, r.Value));
            return used.ToArray();
        });

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL2012",
            "Declared but never used",
            "{0} '{1}' is declared but no policy in the build references it",
            DiagnosticSeverity.Info);

        public override void Initialize(RuleRegistration registration) => registration.OnProject(context =>
        {
            // Ids match case-insensitively, as the service matches them.
            var used = new HashSet<(DeclarationKind, string)>(KindAndId.Comparer);
            foreach (var file in context.Set.Files) used.UnionWith(file.Get(ReferencesIn));

            foreach (var file in context.Set.Reported)
            {
                if (!file.Document.IsWellFormed) continue;
                foreach (var kind in Checked)
                    foreach (var pair in file.Declarations(kind))
                    {
                        if (used.Contains((kind, pair.Key)) || ImplicitlyUsed.Contains(pair.Key)) continue;
                        // A redeclaration in a child only overrides the base; report the first declaration of the Id.
                        if (IsOverride(context.Set, file, kind, pair.Key)) continue;
                        context.ReportAt(pair.Value[0], "Id", DeclarationKinds.DisplayName(kind), pair.Key);
                    }
            }
        });

        private static bool IsOverride(PolicySet set, PolicyFile file, DeclarationKind kind, string id)
        {
            var chain = set.ChainOf(file);
            for (int i = 1; i < chain.Policies.Count; i++)
                if (chain.Policies[i].Find(kind, id) != null) return true;
            return false;
        }
    }
}
