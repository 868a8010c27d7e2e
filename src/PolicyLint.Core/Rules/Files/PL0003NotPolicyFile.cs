using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0003NotPolicyFile : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0003",
            "File is not a B2C policy",
            "{0}; a B2C policy's root is TrustFrameworkPolicy in namespace '" + PolicyDocument.PolicyNamespace + "'",
            DiagnosticSeverity.Warning);

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnDocument(context =>
        {
            var doc = context.Document;
            if (!doc.IsWellFormed || doc.Root == null || doc.IsPolicy) return;
            if (!context.IsExplicit && !doc.HasPolicyRootName) return;
            string found = doc.HasPolicyRootName
                ? $"The root element TrustFrameworkPolicy is in namespace '{doc.Root.Value.NamespaceUri}'"
                : $"The root element is '{doc.Root.Value.Name}'";
            context.Report(doc.Root, found);
        });
    }
}
