using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules.Security
{
    /// <summary>Placeholders from the starter pack and the docs left in (upload-errors.md U08, S08, S11, S12, S15).</summary>
    public sealed class PL7001SamplePlaceholder : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7001",
            "Sample placeholder left in",
            "'{0}'{2} is {1}",
            DiagnosticSeverity.Warning,
            "A value Microsoft's samples ship for you to replace (yourtenant.onmicrosoft.com, facebook_clientid, ProxyIdentityExperienceFrameworkAppId, the all-zero GUID, 'Your ... ID', '<...>') is still in the policy.");

        // Display text may well say "Your user ID"; only the strict patterns apply there.
        private static readonly HashSet<string> DisplayElements = new HashSet<string>
        {
            "DisplayName", "UserHelpText", "AdminHelpText", "Description", "LocalizedString", "Pattern", "PatternHelpText",
        };

        private static readonly HashSet<string> DisplayAttributes = new HashSet<string> { "Text", "HelpText", "DisplayName" };

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            var root = context.Document.Root!;
            Check(context, root.Value);
            foreach (var node in root.Value.Descendants()) Check(context, node);
        });

        private static void Check(PolicyContext context, PolicyNode node)
        {
            var attributes = node.Attributes;
            for (int i = 0; i < attributes.Count; i++)
            {
                string value = attributes.ValueAt(i);
                if (!SamplePlaceholders.MayBePlaceholder(value)) continue;
                var (shown, reason, where) = Find(context, value, !DisplayAttributes.Contains(attributes.NameAt(i)));
                if (reason != null) context.Report(attributes[i], shown, reason, where);
            }
            if (node.Text != null && SamplePlaceholders.MayBePlaceholder(node.Text))
            {
                var (shown, reason, where) = Find(context, node.Text, !DisplayElements.Contains(node.Name) && !IsMessageItem(node));
                if (reason != null) context.ReportText(node, shown, reason, where);
            }
        }

        // UserMessageIfInvalidPassword, DisplayText...: a metadata item that holds text shown to the user ("Please enter your password").
        private static bool IsMessageItem(PolicyNode node)
        {
            string? key = Deployment.MetadataKey(node);
            if (key == null) return false;
            foreach (var marker in MessageKeyMarkers)
                if (key.IndexOf(marker, System.StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }

        private static readonly string[] MessageKeyMarkers = { "Message", "Text", "Label", "Description", "DisplayName" };

        private static (string Shown, string? Reason, string Where) Find(PolicyContext context, string raw, bool inSetting)
        {
            string? value = Deployment.Deployed(context, raw);
            if (value == null) return (raw, null, string.Empty);
            string? reason = SamplePlaceholders.Describe(value, inSetting);
            if (reason == null) return (raw, null, string.Empty);
            return (value.Trim(), reason, Deployment.FromSettings(context, raw));
        }
    }
}
