using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.Policies
{
    public sealed class PL1005DuplicatePolicyId : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL1005",
            "Duplicate PolicyId",
            "PolicyId '{0}' is also declared by {1}; each upload would overwrite the other",
            DiagnosticSeverity.Error);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnProject(context =>
        {
            var first = new Dictionary<string, PolicyFile>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in context.Set.Reported)
            {
                var attribute = file.PolicyIdAttribute;
                if (attribute == null || attribute.Value.Length == 0 || Placeholders.IsDynamic(attribute.Value)) continue;
                if (first.TryGetValue(attribute.Value, out var earlier)) context.Report(attribute, attribute.Value, context.DisplayPath(earlier.FilePath));
                else first[attribute.Value] = file;
            }
        });
    }
}
