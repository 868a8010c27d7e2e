using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.UserInterface;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A SupportedLanguage or DefaultLanguage that is no language B2C accepts.</summary>
    public sealed class PL8005UnsupportedLanguage : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8005",
            "Unsupported language",
            "{0} '{1}' is not a language B2C supports: {2}.{3}",
            DiagnosticSeverity.Error,
            "SupportedLanguage and DefaultLanguage must be one of the languages B2C documents, or an ISO 639-1 language code with an optional region or script (en-GB).");

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("SupportedLanguage", (context, node) =>
            {
                if (node.Parent?.IsNamed("SupportedLanguages") != true || string.IsNullOrEmpty(node.Text)) return;
                Check(context, node.Text!, "SupportedLanguage", problem => context.ReportText(node, problem));
            });
            registration.OnElement("SupportedLanguages", (context, node) =>
            {
                var attribute = node.Attribute("DefaultLanguage");
                if (attribute == null || attribute.Value.Length == 0) return;
                Check(context, attribute.Value, "DefaultLanguage", problem => context.Report(attribute, problem));
            });
        }

        private static void Check(PolicyContext context, string tag, string what, System.Action<object[]> report)
        {
            if (Placeholders.IsDynamic(tag)) return;
            string? problem = Problem(tag);
            if (problem == null) return;
            report(new object[] { what, tag, problem, DidYouMean.Hint(tag, Languages.Candidates) });
        }

        /// <summary>Null when supported, else the reason.</summary>
        private static string? Problem(string tag)
        {
            if (Languages.Documented.ContainsKey(tag)) return null;
            if (Languages.Rejected.Contains(tag)) return "the service rejects it as an invalid culture identifier";
            var parts = tag.Split('-');
            if (!Languages.Iso639_1.Contains(parts[0]))
                return $"'{parts[0]}' is not an ISO 639-1 language code";
            // Region (GB, 419), script (Hans, Latn) or the documented sr-latn-cs style; the XSD pattern checks the shape.
            foreach (var part in parts.Skip(1))
                if (part.Length < 2 || part.Length > 4 || !part.All(char.IsLetterOrDigit))
                    return $"'{part}' is not a region or script subtag";
            return null;
        }
    }
}
