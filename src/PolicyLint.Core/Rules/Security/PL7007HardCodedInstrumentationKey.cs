using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// An Application Insights key written into the policy sends every environment's telemetry (claims included,
    /// in Development mode) to one resource, and anyone with the file can write to it (upload-errors.md S13).
    /// </summary>
    public sealed class PL7007HardCodedInstrumentationKey : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7007",
            "Hard-coded Application Insights key",
            "{0} is a hard-coded Application Insights instrumentation key {1}; put a {{Settings:...}} token here and the key in each environment's settings, so test and production telemetry stay apart",
            DiagnosticSeverity.Warning);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("JourneyInsights", (context, node) =>
            {
                var attribute = node.Attribute("InstrumentationKey");
                if (attribute != null && IsLiteral(attribute.Value)) context.Report(attribute, "JourneyInsights InstrumentationKey", Secrets.Mask(attribute.Value));
            });
            registration.OnElement("Item", (context, node) =>
            {
                if (Deployment.MetadataKey(node) != "InstrumentationKey" || !IsLiteral(node.Text)) return;
                context.ReportText(node, $"Metadata item 'InstrumentationKey' of {Deployment.Owner(node)}", Secrets.Mask(node.Text!));
            });
        }

        // Tokens and placeholders are not hard-coded keys (PL7001 reports the placeholders).
        private static bool IsLiteral(string? value)
            => !string.IsNullOrWhiteSpace(value) && !Placeholders.IsDynamic(value) && SamplePlaceholders.Describe(value, inSetting: true) == null;
    }
}
