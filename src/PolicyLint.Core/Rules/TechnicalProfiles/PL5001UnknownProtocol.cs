using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.TechnicalProfiles
{
    /// <summary>
    /// Protocol Name values and Proprietary handlers (technical-profiles.md §1-2). Names outside the XSD's enumeration and
    /// handler typos are errors; a handler name far from every known one is a warning (it may be real but undocumented).
    /// </summary>
    public sealed class PL5001UnknownProtocol : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL5001",
            "Unknown protocol or handler",
            "{0}",
            DiagnosticSeverity.Error,
            "A technical profile's Protocol Name must be one the service knows, and a Proprietary protocol needs the Handler of a documented provider.");

        public override void Initialize(RuleRegistration registration) => registration.OnElement("Protocol", (context, node) =>
        {
            if (node.Parent is not PolicyNode profile || !profile.IsNamed("TechnicalProfile")) return;
            string? name = node["Name"];
            if (string.IsNullOrEmpty(name) || Placeholders.IsDynamic(name)) return;
            string profileId = profile["Id"] ?? "";
            string? handler = node["Handler"];

            if (profile.Parent?.IsNamed("RelyingParty") == true)
            {
                if (!TechnicalProfileCatalog.RelyingPartyProtocolNames.Contains(name))
                    context.Report(node, $"Protocol '{name}' of relying-party technical profile '{profileId}' is not valid: a relying party speaks OpenIdConnect or SAML2.{DidYouMean.Hint(name!, TechnicalProfileCatalog.RelyingPartyProtocolNames)}");
                return;
            }

            if (!TechnicalProfileCatalog.ProtocolNames.Contains(name))
            {
                context.Report(node, $"Protocol '{name}' of technical profile '{profileId}' is not a protocol name the service knows ({string.Join(", ", TechnicalProfileCatalog.ProtocolNames)}).{DidYouMean.Hint(name!, TechnicalProfileCatalog.ProtocolNames)}");
                return;
            }

            if (name != Protocols.Proprietary)
            {
                // The schema's annotation calls it invalid, but nothing says the upload rejects it.
                if (!string.IsNullOrEmpty(handler))
                    context.Report(DiagnosticSeverity.Warning, node, $"Protocol '{name}' of technical profile '{profileId}' has a Handler; a Handler is only valid with Name=\"Proprietary\", and the {name} protocol does not need one.");
                return;
            }

            if (!string.IsNullOrEmpty(handler))
            {
                if (Placeholders.IsDynamic(handler) || TechnicalProfileCatalog.FindHandler(handler!) != null || TechnicalProfileCatalog.IsUndocumentedHandler(handler!)) return;
                // A typo of a known provider cannot load; any other name may be a provider the docs omit.
                string typeName = TechnicalProfileCatalog.HandlerTypeName(handler!);
                var (severity, hint) = DidYouMean.JudgeUnknown(typeName, TechnicalProfileCatalog.KnownHandlerNames);
                string tail = hint.Length > 0 ? hint : " If it is an undocumented provider that works, suppress this warning.";
                context.Report(severity, node, $"Handler '{typeName}' of technical profile '{profileId}' is not a documented Proprietary provider.{tail}");
                return;
            }

            // No Handler here: a base declaration or an included profile may supply it.
            var merged = context.TechnicalProfile(profileId);
            bool supplied = merged != null && merged.Parts.Any(p => !string.IsNullOrEmpty(p.Child("Protocol")?["Handler"]));
            if (!supplied)
                context.Report(node, $"Protocol 'Proprietary' of technical profile '{profileId}' has no Handler, here or in {context.Chain.Describe()} (nor in an included profile); name the provider, e.g. {HandlerNames.SelfAsserted}.");
        });
    }
}
