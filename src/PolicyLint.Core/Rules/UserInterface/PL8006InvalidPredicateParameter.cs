using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.UserInterface;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A predicate the service cannot evaluate: unknown Method, unknown Parameter Id, or a CharacterSet escape it rejects.</summary>
    public sealed class PL8006InvalidPredicateParameter : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8006",
            "Invalid predicate parameter",
            "Predicate '{0}': {1}",
            DiagnosticSeverity.Error,
            "A Predicate's Method must be IsLengthRange, MatchesRegex, IncludesCharacters or IsDateRange, its Parameter Ids those of the method, and a CharacterSet may escape only a backslash (\\\\) or a hyphen (\\-).");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Predicate", (context, node) =>
        {
            if (node.Parent?.IsNamed("Predicates") != true) return;
            string id = node["Id"] ?? string.Empty;
            var method = node.Attribute("Method");
            if (method == null || method.Value.Length == 0) return;
            if (!PredicateMethods.Parameters.TryGetValue(method.Value, out var parameters))
            {
                string hint = DidYouMean.Hint(method.Value, PredicateMethods.Parameters.Keys);
                context.Report(UnknownName(hint), method, id, $"method '{method.Value}' is not a predicate method ({string.Join(", ", PredicateMethods.Parameters.Keys)}).{hint}");
                return;
            }

            foreach (var parameter in node.Path("Parameters", "Parameter"))
            {
                var parameterId = parameter.Attribute("Id");
                if (parameterId == null) continue;
                if (!parameters.Contains(parameterId.Value))
                {
                    string hint = DidYouMean.Hint(parameterId.Value, parameters);
                    context.Report(UnknownName(hint), parameterId, id, $"parameter '{parameterId.Value}' is not a parameter of {method.Value} (expected {string.Join(", ", parameters)}).{hint}");
                    continue;
                }
                if (parameterId.Value != PredicateMethods.CharacterSet || parameter.Text == null) continue;
                int bad = BadEscape(parameter.Text);
                if (bad >= 0)
                {
                    string escape = parameter.Text.Substring(bad, System.Math.Min(2, parameter.Text.Length - bad));
                    context.ReportText(parameter, id, $"CharacterSet '{parameter.Text}' uses the escape '{escape}'; only \\\\ (a backslash) and \\- (a hyphen) may be escaped, so write the character without the backslash");
                }
            }
        });

        /// <summary>The index of the first escape B2C rejects inside a CharacterSet, or -1.</summary>
        private static int BadEscape(string characterSet)
        {
            for (int i = 0; i < characterSet.Length; i++)
            {
                if (characterSet[i] != '\\') continue;
                if (i + 1 < characterSet.Length && PredicateMethods.AllowedEscapes.Contains(characterSet[i + 1])) { i++; continue; }
                return i;
            }
            return -1;
        }

        // The service's answer to an unknown method or parameter is not documented: a name close to a documented one is
        // a typo (error, with did-you-mean); any other name is only probably wrong (warning).
        private static DiagnosticSeverity UnknownName(string hint) => hint.Length > 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    }
}
