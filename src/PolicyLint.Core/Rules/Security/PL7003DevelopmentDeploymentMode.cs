using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Common;

namespace PolicyLint.Rules.Security
{
    /// <summary>Development mode turns the journey recorder on: the logs hold every claim (limits.md §5).</summary>
    public sealed class PL7003DevelopmentDeploymentMode : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7003",
            "Development deployment mode",
            "DeploymentMode is 'Development'{0}: the journey recorder logs every claim, including personal data; do not deploy it to production (remove DeploymentMode or set it to 'Production')",
            DiagnosticSeverity.Warning);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("TrustFrameworkPolicy", (context, node) =>
        {
            if (node.Parent != null) return;
            var attribute = node.Attribute("DeploymentMode");
            if (attribute == null || !Deployment.IsDevelopmentMode(context, attribute.Value)) return;
            context.Report(attribute, Deployment.FromSettings(context, Written(attribute)));
        });

        /// <summary>
        /// The value as written, or the token the attribute came from: a {Settings:Key} token standing for the whole
        /// attribute is replaced before parsing, and the attribute's position is the token's.
        /// </summary>
        private static string Written(Model.PolicyAttribute attribute)
        {
            var span = attribute.ValueSpan.Span;
            string text = attribute.Owner.Document.Text;
            if (span.End > text.Length) return attribute.Value;
            string source = text.Substring(span.Start, span.Length);
            return Placeholders.HasSettingsToken(source) && !Placeholders.HasSettingsToken(attribute.Value) ? source : attribute.Value;
        }
    }
}
