using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.Security
{
    /// <summary>
    /// Identity-provider, REST API, metadata and JWKS endpoints over plain http expose tokens, claims and the
    /// keys that sign them (technical-profiles.md §4, §7).
    /// </summary>
    public sealed class PL7005InsecureEndpoint : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL7005",
            "Insecure endpoint",
            "{0} is the http:// URL '{1}'{2}: tokens, claims and keys would travel unencrypted; use https://{3}",
            DiagnosticSeverity.Warning);

        // Metadata keys that hold endpoints (besides every key ending in "endpoint", "url" or "uri").
        private static readonly FrozenSet<string> EndpointKeys = new[]
        {
            "METADATA", "JWKS", "PartnerEntity", MetadataKeys.ServiceUrl, "authorization_endpoint", "AccessTokenEndpoint",
            "access_token_endpoint", "request_token_endpoint", "ClaimsEndpoint", "end_session_endpoint",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        public override void Initialize(RuleRegistration registration)
        {
            registration.OnElement("Item", (context, node) =>
            {
                string? key = Deployment.MetadataKey(node);
                if (key == null || node.Text == null || !IsEndpointKey(key)) return;
                Check(context, node, null, $"Metadata item '{key}' of {Deployment.Owner(node)}", node.Text);
            });
            registration.OnElement("TrustFrameworkPolicy", (context, node) =>
            {
                var recorder = node.Attribute("UserJourneyRecorderEndpoint");
                if (node.Parent == null && recorder != null) Check(context, node, recorder, "UserJourneyRecorderEndpoint", recorder.Value);
            });
        }

        private static bool IsEndpointKey(string key)
            => EndpointKeys.Contains(key)
               || key.EndsWith("endpoint", StringComparison.OrdinalIgnoreCase)
               || key.EndsWith("url", StringComparison.OrdinalIgnoreCase)
               || key.EndsWith("uri", StringComparison.OrdinalIgnoreCase);

        private static void Check(PolicyContext context, PolicyNode node, PolicyAttribute? attribute, string where, string raw)
        {
            string? url = Deployment.Deployed(context, raw)?.Trim();
            if (url == null || !IsHttp(url)) return;
            bool local = IsLocalhost(url);
            if (local && Deployment.IsDevelopment(context, node.Document)) return;
            string shown = Secrets.RedactUrl(url);
            string advice = local ? " (a localhost endpoint is accepted only in a policy with DeploymentMode=\"Development\")" : string.Empty;
            string fromSettings = Deployment.FromSettings(context, raw);
            if (attribute != null) context.Report(attribute, where, shown, fromSettings, advice);
            else context.ReportText(node, where, shown, fromSettings, advice);
        }

        public static bool IsHttp(string url) => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

        public static bool IsLocalhost(string url)
        {
            int start = url.IndexOf("://", StringComparison.Ordinal);
            if (start < 0) return false;
            start += 3;
            int end = url.IndexOfAny(new[] { '/', '?', '#' }, start);
            string authority = end < 0 ? url.Substring(start) : url.Substring(start, end - start);
            int at = authority.LastIndexOf('@');
            if (at >= 0) authority = authority.Substring(at + 1);
            string host = authority.StartsWith("[", StringComparison.Ordinal)
                ? authority.Substring(0, Math.Max(authority.IndexOf(']') + 1, 0))
                : (authority.IndexOf(':') is int colon && colon >= 0 ? authority.Substring(0, colon) : authority);
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                   || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                   || host == "127.0.0.1" || host == "[::1]";
        }
    }
}
