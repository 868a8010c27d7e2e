using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>ScriptExecution Allow while a content definition the journey uses is not a page contract (javascript-and-page-layout.md).</summary>
    public sealed class PL8002ScriptNeedsPageContract : PolicyRule
    {
        /// <summary>The error page: the engine shows it without a reference (PL2012 treats it as used too).</summary>
        private const string ErrorPage = "api.error";

        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8002",
            "JavaScript needs page-contract layouts",
            "ScriptExecution is Allow, but {0} {1} not a page contract ({2}); give every content definition a DataUri with 'contract:'",
            DiagnosticSeverity.Error,
            "With RelyingParty/UserJourneyBehaviors/ScriptExecution set to Allow, every content definition the journeys use must have a page-contract DataUri (urn:com:microsoft:aad:b2c:elements:contract:...).");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("ScriptExecution", (context, node) =>
        {
            if (node.Text != "Allow" || node.Parent?.IsNamed("UserJourneyBehaviors") != true) return;
            var offending = new List<(string Id, string DataUri)>();
            foreach (var id in UsedContentDefinitions(context))
            {
                var definition = MergedContentDefinition.For(context, id);
                string? dataUri = definition?.DataUriText;
                if (definition == null || string.IsNullOrWhiteSpace(dataUri) || Placeholders.IsDynamic(dataUri)) continue;
                if (definition.Page?.IsContract == true) continue;
                offending.Add((definition.Id, dataUri!.Trim()));
            }
            if (offending.Count == 0) return;
            string names = (offending.Count == 1 ? "content definition " : "content definitions ") + string.Join(", ", offending.Select(o => $"'{o.Id}'"));
            context.Report(node, names, offending.Count == 1 ? "is" : "are", string.Join("; ", offending.Select(o => $"'{o.Id}' uses {o.DataUri}")));
        });

        /// <summary>Content definitions of the relying party's journeys: their steps, the profiles they run, and the error page.</summary>
        private static IEnumerable<string> UsedContentDefinitions(PolicyContext context)
        {
            var runs = context.Get(JourneyRuns.Of);
            var ids = new List<string>();
            foreach (var journey in runs.Journeys)
                foreach (var step in journey.Steps)
                    Add(ids, step["ContentDefinitionReferenceId"]);
            foreach (var run in runs.Runs)
                Add(ids, PageProfiles.ContentDefinitionOf(run.Profile));
            if (context.Chain.IsDeclared(Resolution.DeclarationKind.ContentDefinition, ErrorPage)) Add(ids, ErrorPage);
            return ids;
        }

        private static void Add(List<string> ids, string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) return;
            if (!ids.Any(i => string.Equals(i, id!.Trim(), StringComparison.OrdinalIgnoreCase))) ids.Add(id!.Trim());
        }
    }
}
