using System.Collections.Generic;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Navigation;
using PolicyLint.Resolution;
using Xunit;
using static PolicyLint.Tests.Navigation.NavigationFixture;

namespace PolicyLint.Tests.Navigation
{
    public sealed class OutlineAndHoverTests
    {
        private static readonly PolicySet Fixture = Set();

        private static IEnumerable<string> Render(IReadOnlyList<OutlineSymbol> symbols, string indent = "")
            => symbols.SelectMany(s => new[] { $"{indent}{s.Declares?.ToString() ?? s.Kind.ToString()} '{s.Name}'{(s.Detail == null ? "" : $" [{s.Detail}]")} {s.Span} {s.SelectionSpan}" }
                .Concat(Render(s.Children, indent + "  ")));

        [Fact]
        public void TheBaseOutlineGroupsBuildingBlocksProvidersAndJourneySteps()
            => Assert.Equal(new[]
            {
                "Section 'BuildingBlocks' (2,3,38,20) (2,4,2,18)",
                "  Section 'ClaimsSchema' (3,5,17,20) (3,6,3,18)",
                "    ClaimType 'email' (4,7,8,19) (4,22,4,27)",
                "    ClaimType 'objectId' (9,7,12,19) (9,22,9,30)",
                "    ClaimType 'displayName' (13,7,16,19) (13,22,13,33)",
                "  Section 'ClaimsTransformations' (18,5,27,29) (18,6,18,27)",
                "    ClaimsTransformation 'CopyEmail' (19,7,26,30) (19,33,19,42)",
                "  Section 'ContentDefinitions' (28,5,37,26) (28,6,28,24)",
                "    ContentDefinition 'api.error' (29,7,32,27) (29,30,29,39)",
                "    ContentDefinition 'api.selfasserted' (33,7,36,27) (33,30,33,46)",
                "Section 'ClaimsProviders' (39,3,87,21) (39,4,39,19)",
                "  ClaimsProvider 'Local Account' (40,5,54,22) (40,6,40,20)",
                "    TechnicalProfile 'SelfAsserted-Email' [Email sign-in] (43,9,52,28) (43,31,43,49)",
                "  ClaimsProvider 'Azure Active Directory' (55,5,74,22) (55,6,55,20)",
                "    TechnicalProfile 'AAD-Common' (58,9,60,28) (58,31,58,41)",
                "    TechnicalProfile 'AAD-Read' (61,9,72,28) (61,31,61,39)",
                "  ClaimsProvider 'Token Issuer' (75,5,86,22) (75,6,75,20)",
                "    TechnicalProfile 'JwtIssuer' (78,9,84,28) (78,31,78,40)",
                "Section 'UserJourneys' (88,3,110,18) (88,4,88,16)",
                "  UserJourney 'SignIn' (89,5,109,19) (89,22,89,28)",
                "    OrchestrationStep 'Step 1: ClaimsExchange SelfAsserted-Email' (91,9,95,29) (91,35,91,36)",
                "    OrchestrationStep 'Step 2: ClaimsExchange AAD-Read' (96,9,106,29) (96,35,96,36)",
                "    OrchestrationStep 'Step 3: SendClaims JwtIssuer' (107,9,107,108) (107,35,107,36)",
            }, Render(PolicyNavigation.Outline(Fixture.Files[0].Document)));

        [Fact]
        public void ARelyingPartyOutlineShowsItsBaseAndProfile()
            => Assert.Equal(new[]
            {
                "Section 'BasePolicy' [B2C_1A_Ext] (2,3,5,16) (2,4,2,14)",
                "RelyingParty 'RelyingParty' [SignIn] (6,3,18,18) (6,4,6,16)",
                "  TechnicalProfile 'PolicyProfile' [PolicyProfile] (8,5,17,24) (8,27,8,40)",
            }, Render(PolicyNavigation.Outline(Fixture.Files[2].Document)));

        [Fact]
        public void AFileCutShortOutlinesWhatWasRead()
        {
            var cut = PolicyParser.Parse(BasePath, Base.Substring(0, At(Base, "<ClaimType Id=\"displayName\"")) + "<ClaimType Id=");
            Assert.False(cut.IsWellFormed);
            Assert.Equal(new[] { "Section 'BuildingBlocks'", "  Section 'ClaimsSchema'", "    ClaimType 'email'", "    ClaimType 'objectId'" },
                Render(PolicyNavigation.Outline(cut)).Select(l => l.Substring(0, l.IndexOf(" (", System.StringComparison.Ordinal))));
        }

        [Fact]
        public void HoverOnAProfileReferenceShowsTheMergeAlongTheChain()
        {
            var hover = PolicyNavigation.Hover(Fixture, ExtensionsPath, At(Extensions, "ReferenceId=\"AAD-Read\"", 1, 15))!;
            Assert.Equal("Extensions.xml(30,54,30,62)", Format(ExtensionsPath, hover.Span));
            Assert.Equal(
                "**TechnicalProfile** `AAD-Read`\n\n" +
                "Declared in `Extensions.xml` line 18, `Base.xml` line 61.\n\n" +
                "Protocol: `Proprietary`\n\n" +
                "Handler: `Web.TPEngine.Providers.AzureActiveDirectoryProvider`\n\n" +
                "Merged from `Base.xml` → `Extensions.xml` (base first)\n\n" +
                "Includes `AAD-Common`", hover.Markdown);
        }

        [Fact]
        public void HoverOnAClaimShowsItsTypeAndDisplayName()
        {
            Assert.Equal(
                "**ClaimType** `EMAIL`\n\nDeclared in `Base.xml` line 4.\n\nDataType: `string`\n\nDisplayName: `Email Address`\n\nUserInputType: `TextBox`",
                PolicyNavigation.Hover(Fixture, ProfilePath, At(Profile, "EMAIL"))!.Markdown);
            Assert.Equal(
                "**ClaimType** `loyaltyId`\n\nDeclared in `Extensions.xml` line 8 (here).\n\nDataType: `int`\n\nDisplayName: `Loyalty number`",
                PolicyNavigation.Hover(Fixture, ExtensionsPath, At(Extensions, "Id=\"loyaltyId\"", 1, 4))!.Markdown);
        }

        [Fact]
        public void HoverOnOtherKindsAndOnNothing()
        {
            Assert.Equal(
                "**ContentDefinition** `api.selfasserted`\n\nDeclared in `Base.xml` line 33.\n\nLoadUri: `~/tenant/templates/AzureBlue/selfAsserted.cshtml`\n\nDataUri: `urn:com:microsoft:aad:b2c:elements:contract:selfasserted:2.1.7`",
                PolicyNavigation.Hover(Fixture, BasePath, At(Base, ">api.selfasserted<", 1, 1))!.Markdown);
            Assert.Equal("**ClaimsTransformation** `CopyEmail`\n\nDeclared in `Base.xml` line 19.\n\nTransformationMethod: `CopyClaim`",
                PolicyNavigation.Hover(Fixture, BasePath, At(Base, "ReferenceId=\"CopyEmail\"", 1, 13))!.Markdown);
            Assert.Equal("**UserJourney** `SignIn`\n\nDeclared in `Base.xml` line 89.\n\n3 orchestration steps",
                PolicyNavigation.Hover(Fixture, SignInPath, At(SignIn, "\"SignIn\"", 1, 1))!.Markdown);
            Assert.Equal("**ClaimType** `undeclaredClaim`\n\nNot declared in B2C_1A_Profile or its bases B2C_1A_Ext, B2C_1A_Base.",
                PolicyNavigation.Hover(Fixture, ProfilePath, At(Profile, "undeclaredClaim"))!.Markdown);
            Assert.Null(PolicyNavigation.Hover(Fixture, BasePath, At(Base, "<DataType>", 1, 2)));
        }
    }
}
