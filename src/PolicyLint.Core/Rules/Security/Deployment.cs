using System;
using System.Collections.Generic;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Settings;
using PolicyLint.Common;
using PolicyLint.Catalogs;

namespace PolicyLint.Rules.Security
{
    /// <summary>What the PL7xxx rules share: the deployment mode, metadata items, values as deployed.</summary>
    internal static class Deployment
    {
        /// <summary>
        /// The value as this environment deploys it ({Settings:Key} substituted), or null when it is not known at build
        /// time (a claim resolver, or a token another deployment tool replaces).
        /// </summary>
        public static string? Deployed(RuleContext context, string? value)
        {
            string? expanded = SettingsTokens.Expand(value, context.Options.Settings);
            if (expanded == null || Placeholders.HasClaimResolver(expanded) || Placeholders.HasDeployToken(expanded)) return null;
            return expanded;
        }

        /// <summary>" ('{Settings:X}' in environment 'Test')" when the value came from settings, else empty.</summary>
        public static string FromSettings(RuleContext context, string raw)
            => Placeholders.HasSettingsToken(raw) && context.Options.Environment != null
                ? $" ('{raw.Trim()}' in environment '{context.Options.Environment}')"
                : string.Empty;

        /// <summary>
        /// True when the document is deployed in Development mode: it, one of its bases or a policy inheriting
        /// from it has DeploymentMode="Development" (the mode is usually set on the relying-party file only).
        /// </summary>
        public static bool IsDevelopment(PolicyContext context, PolicyDocument document)
        {
            if (!context.Get(DeploymentModes.Of).ByDocument.TryGetValue(document, out var modes)) return false;
            foreach (var mode in modes)
                if (IsDevelopmentMode(context, mode)) return true;
            return false;
        }

        /// <summary>
        /// The DeploymentMode values written along every chain that holds a document, by document: a build fact, as raw
        /// values (which one is Development depends on the environment's settings, read when asked). It reads other files
        /// than the chain of the policy asking, only what AnalysisState.Shape records of them (inheritance and DeploymentMode).
        /// </summary>
        private sealed class DeploymentModes
        {
            public static readonly BuildFact<DeploymentModes> Of = Fact.OfBuild(set => new DeploymentModes(set));

            private DeploymentModes(PolicySet set)
            {
                foreach (var file in set.Files)
                {
                    if (!file.Document.IsWellFormed || file.Document.Root == null) continue;
                    var chain = set.ChainOf(file);
                    List<string>? modes = null;
                    foreach (var policy in chain.Policies)
                        if (policy.Document.Root?["DeploymentMode"] is string mode) (modes ??= new List<string>()).Add(mode);
                    if (modes == null) continue;
                    foreach (var policy in chain.Policies)
                    {
                        if (!ByDocument.TryGetValue(policy.Document, out var known)) ByDocument[policy.Document] = known = new HashSet<string>(StringComparer.Ordinal);
                        known.UnionWith(modes);
                    }
                }
            }

            public Dictionary<PolicyDocument, HashSet<string>> ByDocument { get; } = new Dictionary<PolicyDocument, HashSet<string>>();
        }

        public static bool IsDevelopmentMode(RuleContext context, string? deploymentMode)
            => string.Equals(Deployed(context, deploymentMode)?.Trim(), "Development", StringComparison.OrdinalIgnoreCase);

        /// <summary>Metadata/Item with a Key: the key, else null.</summary>
        public static string? MetadataKey(PolicyNode item)
            => item.IsNamed("Item") && item.Parent?.IsNamed("Metadata") == true ? item["Key"] : null;

        /// <summary>"technical profile 'X'" or "content definition 'Y'": who owns a Metadata item.</summary>
        public static string Owner(PolicyNode item)
        {
            if (item.Parent?.Parent is not PolicyNode owner) return "this policy";
            string? id = owner["Id"];
            string kind = owner.Name switch
            {
                "TechnicalProfile" => "technical profile",
                "ContentDefinition" => "content definition",
                _ => owner.Name,
            };
            return id == null ? kind : $"{kind} '{id}'";
        }

        /// <summary>A technical profile declared in ClaimsProviders (not a relying party's).</summary>
        public static bool IsClaimsProviderProfile(PolicyNode node) => node.Parent?.IsNamed("TechnicalProfiles") == true;

        private static readonly string RestfulClass = HandlerNames.ClassName(HandlerNames.Restful);

        public static bool IsRestful(MergedTechnicalProfile profile)
            => profile.Handler != null && profile.Handler.IndexOf(RestfulClass, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
