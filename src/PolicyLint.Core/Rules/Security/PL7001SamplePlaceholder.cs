using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Common;

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

        public override RuleFix Fix { get; } = new RuleFix("with `policylint fix --tenant NAME`: puts NAME in place of the tenant placeholder ('yourtenant.onmicrosoft.com' becomes 'NAME.onmicrosoft.com', 'yourtenant.b2clogin.com' likewise)", isSafe: true);

        // Display text may well say "Your user ID"; only the strict patterns apply there.
        private static readonly FrozenSet<string> DisplayElements = new[]
        {
            "DisplayName", "UserHelpText", "AdminHelpText", "Description", "LocalizedString", "Pattern", "PatternHelpText",
        }.ToFrozenSet();

        private static readonly FrozenSet<string> DisplayAttributes = new[]
        { "Text", "HelpText", "DisplayName" }.ToFrozenSet();

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
                if (reason != null) context.Report(TenantFix(context, node.Document, attributes[i].ValueSpan), attributes[i], shown, reason, where);
            }
            if (node.Text != null && SamplePlaceholders.MayBePlaceholder(node.Text))
            {
                var (shown, reason, where) = Find(context, node.Text, !DisplayElements.Contains(node.Name) && !IsMessageItem(node));
                if (reason != null) context.ReportText(TenantFix(context, node.Document, node.TextSpan), node, shown, reason, where);
            }
        }

        /// <summary>
        /// With a tenant name given (`policylint fix --tenant NAME`), the tenant placeholders written in the value itself
        /// (not one from a setting) replaced by it; each edit covers only the placeholder's characters.
        /// </summary>
        private static CodeFix? TenantFix(PolicyContext context, PolicyDocument document, SourceSpan value)
        {
            string? tenant = context.Options.Tenant;
            if (tenant == null) return null;
            var span = value.Span;
            string text = document.Text;
            if (span.End > text.Length) return null;
            var edits = new List<FileEdit>();
            foreach (var (index, length) in SamplePlaceholders.TenantNameParts(text.Substring(span.Start, span.Length)))
                edits.Add(new FileEdit(document.FilePath, new Microsoft.CodeAnalysis.Text.TextSpan(span.Start + index, length), tenant));
            return edits.Count == 0 ? null : new CodeFix($"Use the tenant name '{tenant}'", true, edits);
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

        private static readonly ImmutableArray<string> MessageKeyMarkers = ImmutableArray.Create<string>("Message", "Text", "Label", "Description", "DisplayName");

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
