using System.Collections.Generic;
using System.Linq;
using PolicyLint.Navigation;
using PolicyLint.Resolution;
using PolicyLint.Rules.References;
using Xunit;
using static PolicyLint.Tests.Navigation.NavigationFixture;

namespace PolicyLint.Tests.Navigation
{
    /// <summary>Completion reads the editor's text, which is mid-edit: the set holds the last good model of the file.</summary>
    public sealed class CompletionTests
    {
        private static readonly PolicySet Fixture = Set();

        /// <summary>Completes at the '|' in <paramref name="text"/> (removed before asking).</summary>
        private static IReadOnlyList<CompletionCandidate> Complete(string path, string text, ISet<string>? keys = null)
            => PolicyNavigation.Complete(Fixture, path, text.Replace("|", ""), text.IndexOf('|'), keys);

        private static string[] Labels(IReadOnlyList<CompletionCandidate> candidates) => candidates.Select(c => c.Label).ToArray();

        [Fact]
        public void AnUnclosedClaimReferenceInABrokenFileOffersTheChainsClaims()
        {
            string text = SignIn.Replace("<OutputClaim ClaimTypeReferenceId=\"objectId\" PartnerClaimType=\"sub\" />", "<OutputClaim ClaimTypeReferenceId=\"lo|");
            Assert.False(PolicyLint.Model.PolicyParser.Parse(SignInPath, text.Replace("|", "")).IsWellFormed);
            var candidates = Complete(SignInPath, text);
            Assert.Equal(new[] { "displayName", "email", "loyaltyId", "objectId" }, Labels(candidates));
            Assert.Equal(new[]
            {
                "ClaimType (string) in Base.xml line 13",
                "ClaimType (string) in Base.xml line 4",
                "ClaimType (int) in Extensions.xml line 8",
                "ClaimType (string) in Base.xml line 9",
            }, candidates.Select(c => c.Detail));
            Assert.All(candidates, c => Assert.Equal(DeclarationKind.ClaimType, c.Kind));
            // The typed "lo" is replaced: line 14, from the value's start to the cursor.
            Assert.All(candidates, c => Assert.Equal("SignIn.xml(14,48,14,50)", Format(SignInPath, c.ReplaceSpan)));
        }

        [Fact]
        public void AClosedValueIsReplacedWholeAndAnEmptyOneAtTheCursor()
        {
            var inside = Complete(ExtensionsPath, Extensions.Replace("<ValidationTechnicalProfile ReferenceId=\"AAD-Read\"", "<ValidationTechnicalProfile ReferenceId=\"AAD-|Read\""));
            Assert.Equal(new[] { "AAD-Common", "AAD-Read", "JwtIssuer", "SelfAsserted-Email" }, Labels(inside));
            Assert.Equal("Extensions.xml(30,54,30,62)", Format(ExtensionsPath, inside[0].ReplaceSpan));
            var empty = Complete(SignInPath, SignIn.Replace("<DefaultUserJourney ReferenceId=\"SignIn\" />", "<DefaultUserJourney ReferenceId=\"|\" />"));
            Assert.Equal(new[] { "SignIn" }, Labels(empty));
            Assert.Equal("SignIn.xml(7,38,7,38)", Format(SignInPath, empty[0].ReplaceSpan));
            Assert.Equal("UserJourney in Base.xml line 89", empty[0].Detail);
        }

        [Fact]
        public void EachReferenceAttributeOffersItsKind()
        {
            string step = "<OrchestrationStep Order=\"3\" Type=\"SendClaims\" CpimIssuerTechnicalProfileReferenceId=\"JwtIssuer\" />";
            Assert.Equal(new[] { "api.error", "api.selfasserted" },
                Labels(Complete(BasePath, Base.Replace(step, "<OrchestrationStep Order=\"3\" Type=\"CombinedSignInAndSignUp\" ContentDefinitionReferenceId='|'"))));
            Assert.Equal(new[] { "CopyEmail" },
                Labels(Complete(BasePath, Base.Replace("<OutputClaimsTransformation ReferenceId=\"CopyEmail\" />", "<InputClaimsTransformation\n              ReferenceId = \"C|"))));
            Assert.Equal(new[] { "AAD-Common", "AAD-Read", "JwtIssuer", "SelfAsserted-Email" },
                Labels(Complete(BasePath, Base.Replace("TechnicalProfileReferenceId=\"AAD-Read\"", "TechnicalProfileReferenceId=\"|AAD-Read\""))));
            // A LocalizedString's ElementId names a claim when its ElementType (even after the cursor) says so.
            string localized = Base.Replace("</BuildingBlocks>", "<Localization><LocalizedResources Id=\"en\"><LocalizedStrings>\n<LocalizedString ElementId=\"|\" ElementType=\"ClaimType\" StringId=\"DisplayName\">E-mail</LocalizedString>");
            Assert.Equal(new[] { "displayName", "email", "objectId" }, Labels(Complete(BasePath, localized)));
            Assert.Empty(Complete(BasePath, localized.Replace("ElementType=\"ClaimType\"", "ElementType=\"UxElement\"")));
        }

        [Fact]
        public void ElementTextThatNamesADeclarationIsCompleted()
        {
            var item = Complete(BasePath, Base.Replace(">api.selfasserted<", ">api.|self<"));
            Assert.Equal(new[] { "api.error", "api.selfasserted" }, Labels(item));
            Assert.Equal("Base.xml(47,54,47,62)", Format(BasePath, item[0].ReplaceSpan));
            Assert.Equal(new[] { "displayName", "email", "objectId" }, Labels(Complete(BasePath, Base.Replace("<Value>loyaltyId</Value>", "<Value>|"))));
            // The second Value of a precondition is a literal, not a claim.
            Assert.Empty(Complete(BasePath, Base.Replace("<Value>loyaltyId</Value>", "<Value>loyaltyId</Value><Value>|")));
            Assert.Empty(Complete(BasePath, Base.Replace("<DisplayName>Email Address</DisplayName>", "<DisplayName>Email |</DisplayName>")));
        }

        [Fact]
        public void PolicyKeysAreOfferedOnlyWhenTheBuildListsThem()
        {
            string text = Base.Replace("StorageReferenceId=\"B2C_1A_TokenSigningKeyContainer\"", "StorageReferenceId=\"B2C_1A_|\"");
            var keys = new HashSet<string> { "B2C_1A_TokenSigningKeyContainer", "B2C_1A_FacebookSecret" };
            var candidates = Complete(BasePath, text, keys);
            Assert.Equal(new[] { "B2C_1A_FacebookSecret", "B2C_1A_TokenSigningKeyContainer" }, Labels(candidates));
            Assert.All(candidates, c => Assert.Null(c.Kind));
            Assert.Equal("policy key", candidates[0].Detail);
            Assert.Empty(Complete(BasePath, text));
        }

        [Fact]
        public void NothingIsOfferedOutsideAReferenceValue()
        {
            Assert.Empty(Complete(SignInPath, SignIn.Replace("<OutputClaim ClaimTypeReferenceId=\"email\" />", "<OutputClaim ClaimTypeRef|")));
            Assert.Empty(Complete(SignInPath, SignIn.Replace("PartnerClaimType=\"sub\"", "PartnerClaimType=\"s|ub\"")));
            Assert.Empty(Complete(SignInPath, SignIn.Replace("<OutputClaim ClaimTypeReferenceId=\"email\" />", "<OutputClaim ClaimTypeReferenceId=\"email\" />|")));
            Assert.Empty(Complete(SignInPath, "|"));
            Assert.Empty(Complete(SignInPath, "<|"));
            Assert.Empty(Complete("/elsewhere/New.xml", SignIn.Replace("ReferenceId=\"email\"", "ReferenceId=\"|\"")));
        }

        /// <summary>Every attribute ReferenceSites reads ("Element Attribute") is completed, so a new site is not forgotten here.</summary>
        [Fact]
        public void EveryAttributeReferenceSiteIsCompleted()
        {
            var attributeSites = ReferenceSite.All.Select(s => s.Description.Split(' ')).Where(words => words.Length == 2 && words[0] != "Precondition")
                .Select(words => (words[0], words[1])).ToList();
            Assert.Equal(ReferenceSite.All.Count(s => s.Element != "Item" && s.Element != "Value" && s.Element != "LocalizedString" && s.Element != "LocalizedCollection"), attributeSites.Count);
            Assert.All(attributeSites, site => Assert.True(PolicyNavigation.ReferenceAttributes.ContainsKey(site), $"{site} has no completion"));
            Assert.Equal(attributeSites.Count, PolicyNavigation.ReferenceAttributes.Count);
        }
    }
}
