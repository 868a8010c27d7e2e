using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Settings;
using PolicyLint.Common;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// The extension replaces {Settings:Key} from the environment's PolicySettings ({Settings:Tenant} from its
    /// Tenant); a token it cannot replace is uploaded as is (upload-errors.md U09).
    /// </summary>
    public sealed class PL7008SettingNotDefined : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7008",
            "Setting not defined for environment",
            "'{0}' has no value in environment '{1}' of {2}: {3}",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnPolicy(context =>
            {
                var settings = context.Options.Settings;
                if (settings == null) return;
                var root = context.Document.Root!;
                Check(context, root.Value, settings);
                foreach (var node in root.Value.Descendants()) Check(context, node, settings);
            });
            // A token standing for attributes is replaced before parsing; one the environment does not define stays in
            // the tag, so the file is not well-formed there and the policy rules above never see it.
            registration.OnDocument(context =>
            {
                var settings = context.Options.Settings;
                var document = context.Document;
                if (settings == null || document.IsWellFormed) return;
                foreach (var markup in MarkupTokens.Of(document))
                {
                    var token = markup.Token;
                    if (!markup.InTag || SettingsTokens.TryGetValue(token, settings, out _)) continue;
                    context.Report(document, document.Span(token.Start, token.Start + token.Length), document.Text.Substring(token.Start, token.Length),
                        context.Options.Environment ?? "(unnamed)", SettingsName(context),
                        Why(token, settings) + "; it stands where attributes are expected, so in this environment the file is not well-formed XML and is not checked further");
                }
            });
        }

        private static void Check(PolicyContext context, PolicyNode node, IReadOnlyDictionary<string, string> settings)
        {
            var attributes = node.Attributes;
            for (int i = 0; i < attributes.Count; i++)
                if (Placeholders.HasSettingsToken(attributes.ValueAt(i))) CheckSpan(context, node.Document, attributes[i].ValueSpan, settings);
            if (node.Text != null && Placeholders.HasSettingsToken(node.Text)) CheckSpan(context, node.Document, node.TextSpan, settings);
        }

        // Searches the source text, not the decoded value, so the position is exact whatever entities precede the token.
        private static void CheckSpan(PolicyContext context, PolicyDocument document, SourceSpan span, IReadOnlyDictionary<string, string> settings)
        {
            foreach (var token in SettingsTokens.Find(document.Text, span.Span.Start, span.Span.End))
            {
                if (SettingsTokens.TryGetValue(token, settings, out _)) continue;
                string text = document.Text.Substring(token.Start, token.Length);
                context.Report(document, document.Span(token.Start, token.Start + token.Length),
                    text, context.Options.Environment ?? "(unnamed)", SettingsName(context), Why(token, settings));
            }
        }

        private static string SettingsName(RuleContext context)
            => context.Options.SettingsSource == null ? "the settings file" : Path.GetFileName(context.Options.SettingsSource);

        private static string Why(SettingsToken token, IReadOnlyDictionary<string, string> settings)
        {
            if (!token.ExactPrefix)
                return "the build replaces only tokens written '{Settings:Key}' (case-sensitive)";
            string hint = DidYouMean.Hint(token.Key, settings.Keys);
            if (token.Key == "Tenant")
                return "the environment has no \"Tenant\"; {Settings:Tenant} is replaced with the environment's Tenant field";
            string known = settings.Count == 0 ? "its PolicySettings are empty" : "PolicySettings defines " + string.Join(", ", settings.Keys.OrderBy(k => k, StringComparer.Ordinal));
            return $"add \"{token.Key}\" to its PolicySettings ({known}); the token would be uploaded unreplaced.{hint}".TrimEnd('.');
        }
    }
}
