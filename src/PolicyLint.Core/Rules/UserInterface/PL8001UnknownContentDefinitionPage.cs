using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.UserInterface;
using PolicyLint.Common;

namespace PolicyLint.Rules.UserInterface
{
    /// <summary>A ContentDefinition DataUri that names no documented page identifier or version.</summary>
    public sealed class PL8001UnknownContentDefinitionPage : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL8001",
            "Unknown content definition page",
            "DataUri '{0}' {1}",
            DiagnosticSeverity.Error,
            "A ContentDefinition DataUri must be urn:com:microsoft:aad:b2c:elements:[contract:]{page}:{version} with a documented page identifier and version; the service rejects others (\"cannot be found in the element factory cache\", \"has invalid version\").");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("DataUri", (context, node) =>
        {
            if (node.Parent?.IsNamed("ContentDefinition") != true || string.IsNullOrEmpty(node.Text) || Placeholders.IsDynamic(node.Text)) return;
            string? problem = Problem(node.Text!);
            if (problem != null) context.ReportText(node, node.Text, problem);
        });

        /// <summary>Null when the value is a documented page and version (or a later patch of the newest contract line).</summary>
        internal static string? Problem(string value)
        {
            // Upper-case letters are a schema error (PL0103); judge the page and version here.
            var uri = DataUri.Parse(value.ToLowerInvariant());
            if (uri == null)
                return $"is not a page identifier: expected {PageLayouts.ContractPrefix}{{page}}:{{version}}, e.g. {PageLayouts.ContractPrefix}selfasserted:2.1.7";
            var layout = uri.Layout;
            if (layout == null)
                return $"names page '{uri.Page}', which is not a documented page identifier ({string.Join(", ", PageLayouts.PageNames)}).{DidYouMean.Hint(uri.Page, PageLayouts.PageNames)}";
            if (!uri.HasVersion)
                return $"has version '{uri.VersionText}', which is not a three-part version such as 1.2.0";
            if (uri.IsDocumented || uri.IsLaterPatch) return null;

            if (uri.IsContract && layout.ContractVersions.Count == 0)
                return $"uses a page contract for '{layout.Page}', which has none; use {PageLayouts.ContractPrefix}{layout.ContractSuccessor}:{PageLayouts.Find(layout.ContractSuccessor!)!.NewestContract}";
            if (!uri.IsContract)
            {
                string old = PageLayout.Describe(layout.OldStyleVersions);
                string page = layout.ContractSuccessor ?? layout.Page;
                string target = layout.ContractSuccessor == null && layout.ContractVersions.Contains(uri.Version) ? uri.VersionText : PageLayouts.Find(page)!.NewestContract.ToString();
                return $"has no old-style (non-contract) package for version {uri.VersionText} (documented: {old}); use the page contract {PageLayouts.ContractPrefix}{page}:{target}";
            }
            return $"names version {uri.VersionText} of page contract '{layout.Page}', which is not documented (documented: {PageLayout.Describe(layout.ContractVersions)})";
        }
    }
}
