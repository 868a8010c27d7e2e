using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        private static readonly ConditionalWeakTable<PolicySet, HashSet<PolicyDocument>> DevelopmentDocuments = new ConditionalWeakTable<PolicySet, HashSet<PolicyDocument>>();

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
            HashSet<PolicyDocument> documents;
            lock (DevelopmentDocuments)
            {
                if (!DevelopmentDocuments.TryGetValue(context.Set, out documents!))
                {
                    documents = Collect(context);
                    DevelopmentDocuments.Add(context.Set, documents);
                }
            }
            return documents.Contains(document);
        }

        private static HashSet<PolicyDocument> Collect(PolicyContext context)
        {
            var result = new HashSet<PolicyDocument>();
            foreach (var file in context.Set.Files)
            {
                if (!file.Document.IsWellFormed || file.Document.Root == null) continue;
                var chain = context.Set.ChainOf(file);
                bool development = false;
                foreach (var policy in chain.Policies)
                    development |= IsDevelopmentMode(context, policy.Document.Root?["DeploymentMode"]);
                if (!development) continue;
                foreach (var policy in chain.Policies) result.Add(policy.Document);
            }
            return result;
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
