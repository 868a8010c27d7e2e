using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.Security
{
    /// <summary>Application Insights developer mode is for debugging and is constrained at high volumes (limits.md §5).</summary>
    public sealed class PL7004DeveloperMode : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7004",
            "Developer mode on",
            "{0} DeveloperMode is 'true'{1}; it is meant for debugging and is constrained at high volumes; set it to 'false' for production",
            DiagnosticSeverity.Warning);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("JourneyInsights", (context, node) =>
            {
                var attribute = node.Attribute("DeveloperMode");
                if (attribute != null && IsTrue(context, attribute.Value))
                    context.Report(attribute, "JourneyInsights", Deployment.FromSettings(context, attribute.Value));
            });
            // The Application Insights technical profile has the same switch as metadata.
            registration.OnElement("Item", (context, node) =>
            {
                if (Deployment.MetadataKey(node) != MetadataKeys.DeveloperMode || !IsTrue(context, node.Text)) return;
                var profile = node.Parent?.Parent;
                string? handler = profile?.Child("Protocol")?["Handler"];
                if (handler == null && profile?["Id"] is string id) handler = context.TechnicalProfile(id)?.Handler;
                if (handler == null || handler.IndexOf(InsightsClass, StringComparison.OrdinalIgnoreCase) < 0) return;
                context.ReportText(node, $"Application Insights {Deployment.Owner(node)}:", Deployment.FromSettings(context, node.Text!));
            });
        }

        private static bool IsTrue(PolicyContext context, string? value)
            => string.Equals(Deployment.Deployed(context, value)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static readonly string InsightsClass = HandlerNames.ClassName(HandlerNames.ApplicationInsights);
    }
}
