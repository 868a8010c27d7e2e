using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// A REST API technical profile must authenticate its calls over https (technical-profiles.md §7, limits.md §5);
    /// AuthenticationType None outside Development mode is rejected at upload unless AllowInsecureAuthInProduction
    /// is true (upload-errors.md U27), and that switch is itself the insecure choice.
    /// </summary>
    public sealed class PL7006InsecureRestAuthentication : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7006",
            "Insecure REST API authentication",
            "REST API technical profile '{0}': {1}. Use AuthenticationType Bearer, ApiKeyHeader or ClientCertificate over https",
            DiagnosticSeverity.Error);

        public override void Initialize(RuleRegistration registration) => registration.OnElement("TechnicalProfile", (context, node) =>
        {
            string? id = node["Id"];
            if (id == null || !Deployment.IsClaimsProviderProfile(node)) return;
            var profile = context.TechnicalProfile(id);
            if (profile == null || !Deployment.IsRestful(profile)) return;
            var metadata = profile.Metadata;

            bool allowed = metadata.TryGetValue("AllowInsecureAuthInProduction", out var allow);
            if (allowed
                && string.Equals(Deployment.Deployed(context, allow.Text)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                context.ReportText(allow, id, "AllowInsecureAuthInProduction is 'true'" + Deployment.FromSettings(context, allow.Text!) + ", which lets calls without authentication run in production; remove it");
            }

            if (!metadata.TryGetValue("AuthenticationType", out var typeItem)) return;
            string? type = Deployment.Deployed(context, typeItem.Text)?.Trim();
            bool none = string.Equals(type, "None", StringComparison.OrdinalIgnoreCase);
            bool basic = string.Equals(type, "Basic", StringComparison.OrdinalIgnoreCase);
            if (!none && !basic) return;

            string? url = metadata.TryGetValue("ServiceUrl", out var urlItem) ? Deployment.Deployed(context, urlItem.Text)?.Trim() : null;
            bool development = Deployment.IsDevelopment(context, typeItem.Document);
            if (url != null && PL7005InsecureEndpoint.IsHttp(url) && !(development && PL7005InsecureEndpoint.IsLocalhost(url)))
            {
                string what = none ? "calls without any authentication" : "sends the Basic user name and password in clear text";
                context.ReportText(typeItem, id, $"AuthenticationType '{type}' over the http:// ServiceUrl '{Secrets.RedactUrl(url)}' {what}");
                return;
            }
            if (none && !development && !allowed)
            {
                context.ReportText(typeItem, id, "AuthenticationType 'None' is accepted only in a policy with DeploymentMode=\"Development\": the upload is rejected ('uses an insecure authentication mode that is only allowed in production mode policies with metadata key AllowInsecureAuthInProduction set to true')");
            }
        });
    }
}
