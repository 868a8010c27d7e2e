using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Settings;
using PolicyLint.Common;

namespace PolicyLint.Rules.Files
{
    public sealed class PL0001NotWellFormed : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0001",
            "Policy file is not well-formed XML",
            "The policy is not well-formed XML: {0}",
            DiagnosticSeverity.Error,
            "The B2C service rejects a file the XML parser cannot read; the rest of this file is not analyzed.");

        public override bool NeedsResolvedChain => false;

        public override void Initialize(RuleRegistration registration) => registration.OnDocument(context =>
        {
            var document = context.Document;
            var failure = document.ParseFailure;
            if (failure == null || failure.IsDtd) return;
            string message = failure.Message;
            // The parser stopped on a {Settings:Key} token standing for attributes that was not replaced before parsing.
            if (MarkupTokens.InTagAt(document, failure.Span.Span.Start) is MarkupToken markup)
            {
                var settings = context.Options.Settings;
                if (settings != null && !SettingsTokens.TryGetValue(markup.Token, settings, out _)) return; // PL7008 reports it, naming the environment
                if (settings == null)
                    message += $"; '{document.Text.Substring(markup.Start, markup.Token.Length)}' stands where attributes are expected, and PolicyLint replaces it before parsing only with a value from a settings file (B2CSettingsFile: the B2C VS Code extension's appsettings.json)";
            }
            context.Report(document, failure.Span, message);
        });
    }
}
