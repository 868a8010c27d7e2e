using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;
using PolicyLint.Catalogs;

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
                if (Deployment.MetadataKey(node) != MetadataKeys.InstrumentationKey || !IsLiteral(node.Text)) return;
                context.ReportText(node, $"Metadata item 'InstrumentationKey' of {Deployment.Owner(node)}", Secrets.Mask(node.Text!));
            });
        }

        // A key is a GUID, or a connection string's "InstrumentationKey=<GUID>". Anything else is a token or a placeholder
        // ("add your InstrumentationKey here", the all-zero GUID): PL7001's business, not a hard-coded key.
        private static bool IsLiteral(string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || Placeholders.IsNotFinal(value)) return false;
            string v = value!.Trim();
            int at = v.IndexOf("InstrumentationKey=", System.StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                int start = at + "InstrumentationKey=".Length;
                int end = v.IndexOf(';', start);
                v = (end < 0 ? v.Substring(start) : v.Substring(start, end - start)).Trim();
                if (Placeholders.IsNotFinal(v)) return false;
            }
            return System.Guid.TryParse(v, out _);
        }
    }
}
