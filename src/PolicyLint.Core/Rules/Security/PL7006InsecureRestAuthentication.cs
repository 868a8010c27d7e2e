using System;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// A REST API technical profile should authenticate its calls over https (technical-profiles.md §7, limits.md §5).
    /// The upload rejects AuthenticationType None in a policy in Production mode (DeploymentMode Production or absent)
    /// unless AllowInsecureAuthInProduction is true (upload-errors.md U27; the error comes when the relying party is
    /// uploaded): an error. Everything else here uploads and works: AllowInsecureAuthInProduction="true" (only
    /// meaningful with None), Basic or None over http:// in Development mode: warnings.
    /// </summary>
    public sealed class PL7006InsecureRestAuthentication : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7006",
            "Insecure REST API authentication",
            "REST API technical profile '{0}': {1}",
            DiagnosticSeverity.Error,
            "AuthenticationType None in a policy in Production mode without AllowInsecureAuthInProduction: the upload is rejected (an error). AllowInsecureAuthInProduction=\"true\", and None or Basic over http://, upload: warnings.");

        private const string Advice = "use AuthenticationType Bearer, ApiKeyHeader or ClientCertificate over https";

        public override void Initialize(RuleRegistration registration) => registration.OnElement("TechnicalProfile", (context, node) =>
        {
            string? id = node["Id"];
            if (id == null || !Deployment.IsClaimsProviderProfile(node)) return;
            var profile = context.TechnicalProfile(id);
            if (profile == null || !Deployment.IsRestful(profile)) return;
            var metadata = profile.Metadata;

            bool hasType = metadata.TryGetValue(MetadataKeys.AuthenticationType, out var typeItem);
            string? type = hasType ? Deployment.Deployed(context, typeItem.Text)?.Trim() : null;
            bool none = string.Equals(type, RestAuthenticationTypes.None, StringComparison.OrdinalIgnoreCase);
            bool basic = string.Equals(type, RestAuthenticationTypes.Basic, StringComparison.OrdinalIgnoreCase);

            bool allowed = metadata.TryGetValue(MetadataKeys.AllowInsecureAuthInProduction, out var allow)
                && string.Equals(Deployment.Deployed(context, allow.Text)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (allowed)
            {
                string fromSettings = Deployment.FromSettings(context, allow.Text!);
                if (none)
                    context.ReportText(DiagnosticSeverity.Warning, allow, id, $"AllowInsecureAuthInProduction is 'true'{fromSettings}: the upload accepts AuthenticationType 'None' in production, and anyone can call the API as B2C does; {Advice}, then remove the switch");
                else if (type != null)
                    context.ReportText(DiagnosticSeverity.Warning, allow, id, $"AllowInsecureAuthInProduction is 'true'{fromSettings} but AuthenticationType is '{type}': the switch only permits 'None', so here it does nothing; remove it");
            }

            if (!hasType || (!none && !basic)) return;
            string? url = metadata.TryGetValue(MetadataKeys.ServiceUrl, out var urlItem) ? Deployment.Deployed(context, urlItem.Text)?.Trim() : null;
            bool development = Deployment.IsDevelopment(context, typeItem.Document);
            bool rejected = none && !development && !allowed;
            if (url != null && PL7005InsecureEndpoint.IsHttp(url) && !(development && PL7005InsecureEndpoint.IsLocalhost(url)))
            {
                string what = none ? "calls without any authentication" : "sends the Basic user name and password in clear text";
                string upload = rejected ? "; the upload is rejected in Production mode ('uses an insecure authentication mode that is only allowed in production mode policies with metadata key AllowInsecureAuthInProduction set to true')" : string.Empty;
                context.ReportText(rejected ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, typeItem, id,
                    $"AuthenticationType '{type}' over the http:// ServiceUrl '{Secrets.RedactUrl(url)}' {what}{upload}; {Advice}");
                return;
            }
            if (rejected)
            {
                context.ReportText(typeItem, id, "AuthenticationType 'None' is accepted only in a policy with DeploymentMode=\"Development\" or with AllowInsecureAuthInProduction 'true': the relying party's upload is rejected in Production mode (no DeploymentMode on this policy, its bases or the policies inheriting from it) with 'uses an insecure authentication mode that is only allowed in production mode policies with metadata key AllowInsecureAuthInProduction set to true'; " + Advice);
            }
        });
    }
}
