using System.Linq;
using PolicyLint.Navigation;
using PolicyLint.Resolution;
using Xunit;
using static PolicyLint.Tests.Navigation.NavigationFixture;

namespace PolicyLint.Tests.Navigation
{
    public sealed class DefinitionAndReferencesTests
    {
        private static readonly PolicySet Fixture = Set();

        private static string[] Definition(string path, int offset) => PolicyNavigation.Definition(Fixture, path, offset).Select(Format).ToArray();

        private static string[] References(string path, int offset, bool includeDeclaration = true)
            => PolicyNavigation.References(Fixture, path, offset, includeDeclaration).Select(l => Format(l) + " " + l.Role).ToArray();

        [Fact]
        public void FindsAReferenceValueWithItsKindRoleAndSpan()
        {
            // The cursor just after the value still counts (end inclusive), the quote before it does not.
            int start = At(SignIn, "\"email\"", 1, 1);
            var symbol = PolicyNavigation.Find(Fixture, SignInPath, start + 5)!;
            Assert.Equal((DeclarationKind.ClaimType, "email", SymbolRole.Reference), (symbol.Kind, symbol.Id, symbol.Role));
            Assert.Equal(SignInPath, symbol.Path);
            Assert.Equal("SignIn.xml(12,48,12,53)", Format(symbol));
            Assert.Equal((11, 47, 11, 52), (symbol.Span.Start.Line, symbol.Span.Start.Character, symbol.Span.End.Line, symbol.Span.End.Character));
            Assert.Equal("OutputClaim ClaimTypeReferenceId", symbol.Site);
            Assert.Null(PolicyNavigation.Find(Fixture, SignInPath, start - 1));
        }

        [Fact]
        public void FindsDeclarationIdsAndElementTextReferences()
        {
            var declaration = PolicyNavigation.Find(Fixture, BasePath, At(Base, "Id=\"AAD-Read\"", 1, 4))!;
            Assert.Equal("Base.xml(61,31,61,39) Declaration TechnicalProfile 'AAD-Read'", declaration.ToString());
            var metadata = PolicyNavigation.Find(Fixture, BasePath, At(Base, ">api.selfasserted<", 1, 3))!;
            Assert.Equal("Base.xml(47,54,47,70) Reference ContentDefinition 'api.selfasserted'", metadata.ToString());
            var precondition = PolicyNavigation.Find(Fixture, BasePath, At(Base, ">loyaltyId<", 1, 1))!;
            Assert.Equal("Base.xml(99,22,99,31) Reference ClaimType 'loyaltyId'", precondition.ToString());
            Assert.Null(PolicyNavigation.Find(Fixture, BasePath, At(Base, "<DataType>", 1, 3)));
            Assert.Null(PolicyNavigation.Find(Fixture, "/elsewhere/Base.xml", 10));
        }

        [Fact]
        public void AReferenceInARelyingPartyGoesToTheBaseDeclarationIgnoringCase()
        {
            Assert.Equal(new[] { "Base.xml(4,22,4,27)" }, Definition(SignInPath, At(SignIn, "\"email\"", 1, 1)));
            Assert.Equal(new[] { "Base.xml(4,22,4,27)" }, Definition(ProfilePath, At(Profile, "\"EMAIL\"", 1, 1)));
            Assert.Equal(new[] { "Extensions.xml(8,22,8,31)" }, Definition(SignInPath, At(SignIn, "\"loyaltyId\"", 1, 1)));
            Assert.Equal(BasePath, PolicyNavigation.Definition(Fixture, SignInPath, At(SignIn, "\"email\"", 1, 1))[0].Path);
        }

        [Fact]
        public void AnOverriddenProfileListsTheNearestDeclarationFirstThenTheBase()
        {
            Assert.Equal(new[] { "Extensions.xml(18,31,18,39)", "Base.xml(61,31,61,39)" },
                Definition(ExtensionsPath, At(Extensions, "ReferenceId=\"AAD-Read\"", 1, 13)));
            // From the base, only the base's own chain is seen.
            Assert.Equal(new[] { "Base.xml(61,31,61,39)" }, Definition(BasePath, At(Base, "TechnicalProfileReferenceId=\"AAD-Read\"", 1, 29)));
        }

        [Fact]
        public void ADeclarationThatOverridesGoesToTheBaseOneAndANewOneToItself()
        {
            Assert.Equal(new[] { "Base.xml(61,31,61,39)" }, Definition(ExtensionsPath, At(Extensions, "Id=\"AAD-Read\"", 1, 4)));
            Assert.Equal(new[] { "Base.xml(43,31,43,49)" }, Definition(ExtensionsPath, At(Extensions, "Id=\"SelfAsserted-Email\"", 1, 4)));
            Assert.Equal(new[] { "Base.xml(4,22,4,27)" }, Definition(BasePath, At(Base, "Id=\"email\"", 1, 4)));
        }

        [Fact]
        public void AReferenceInABaseToAnIdOnlyItsChildDeclaresGoesThere()
            => Assert.Equal(new[] { "Extensions.xml(8,22,8,31)" }, Definition(BasePath, At(Base, ">loyaltyId<", 1, 1)));

        [Fact]
        public void AnUndeclaredReferenceHasNoDefinition()
            => Assert.Empty(Definition(ProfilePath, At(Profile, "undeclaredClaim")));

        [Fact]
        public void ReferencesSpanTheChainAndEveryRelyingParty()
        {
            var expected = new[]
            {
                "Base.xml(4,22,4,27) Declaration",
                "Base.xml(21,45,21,50) Reference",
                "Base.xml(50,48,50,53) Reference",
                "Base.xml(66,48,66,53) Reference",
                "SignIn.xml(12,48,12,53) Reference",
                "Profile.xml(12,48,12,53) Reference",
            };
            Assert.Equal(expected, References(ProfilePath, At(Profile, "\"EMAIL\"", 1, 1)));
            Assert.Equal(expected, References(BasePath, At(Base, "Id=\"email\"", 1, 4)));
            Assert.Equal(expected.Skip(1), References(SignInPath, At(SignIn, "\"email\"", 1, 1), includeDeclaration: false));
        }

        [Fact]
        public void ReferencesOfAnOverriddenProfileHoldEveryDeclaration()
        {
            var expected = new[]
            {
                "Base.xml(61,31,61,39) Declaration",
                "Base.xml(104,76,104,84) Reference",
                "Extensions.xml(18,31,18,39) Declaration",
                "Extensions.xml(30,54,30,62) Reference",
            };
            Assert.Equal(expected, References(BasePath, At(Base, "Id=\"AAD-Read\"", 1, 4)));
            Assert.Equal(expected, References(ExtensionsPath, At(Extensions, "Id=\"AAD-Read\"", 1, 4)));
        }

        [Fact]
        public void ReferencesOfAClaimDeclaredInTheExtensionsReachBackIntoTheBase()
            => Assert.Equal(new[]
            {
                "Base.xml(99,22,99,31) Reference",
                "Extensions.xml(8,22,8,31) Declaration",
                "Extensions.xml(20,48,20,57) Reference",
                "SignIn.xml(13,48,13,57) Reference",
            }, References(SignInPath, At(SignIn, "\"loyaltyId\"", 1, 1)));

        [Fact]
        public void ASecondBaseDeclaringTheSameIdIsAnotherSymbol()
        {
            // A second chain (OtherBase <- OtherRp) declares "email" too: it is not part of the fixture's email.
            var texts = Texts.ToDictionary(p => p.Key, p => p.Value);
            string otherBase = System.IO.Path.Combine(Folder, "OtherBase.xml");
            string otherRp = System.IO.Path.Combine(Folder, "OtherRp.xml");
            texts[otherBase] = Base.Replace("B2C_1A_Base", "B2C_1A_OtherBase");
            texts[otherRp] = SignIn.Replace("B2C_1A_SignIn", "B2C_1A_OtherRp").Replace("<PolicyId>B2C_1A_Ext<", "<PolicyId>B2C_1A_OtherBase<");
            var set = Set(texts);
            var found = PolicyNavigation.References(set, otherRp, At(texts[otherRp], "\"email\"", 1, 1), true).Select(Format).ToArray();
            Assert.Equal(new[] { "OtherBase.xml(4,22,4,27)", "OtherBase.xml(21,45,21,50)", "OtherBase.xml(50,48,50,53)", "OtherBase.xml(66,48,66,53)", "OtherRp.xml(12,48,12,53)" }, found);
            Assert.Equal(6, PolicyNavigation.References(set, BasePath, At(Base, "Id=\"email\"", 1, 4), true).Count);
        }
    }
}
