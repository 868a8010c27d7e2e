using System.Collections.Generic;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Navigation;
using PolicyLint.Pipeline;
using PolicyLint.Resolution;
using Xunit;
using static PolicyLint.Tests.Navigation.NavigationFixture;

namespace PolicyLint.Tests.Navigation
{
    public sealed class RenameTests
    {
        private static readonly PolicySet Fixture = Set();

        /// <summary>The fixture analysed from memory, as the language server's workspace holds it.</summary>
        private static LintResult Lint(IReadOnlyDictionary<string, string> texts)
        {
            var workspace = new PolicyWorkspace(new AnalysisRequest());
            foreach (var pair in texts) workspace.SetText(pair.Key, pair.Value, 1);
            return workspace.Analyze().Result;
        }

        private static List<string> Undeclared(LintResult result)
            => result.Diagnostics.Where(d => d.Id == "PL2001").Select(d => StarterPackTests.Format(d)).OrderBy(s => s).ToList();

        private static Dictionary<string, string> Apply(RenameResult rename)
            => Fixer.Apply(rename.Edits.Select(e => e.ToFileEdit()), path => Texts[path]).Concat(Texts).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

        [Fact]
        public void PrepareRenameGivesTheIdUnderTheCursor()
        {
            var check = PolicyNavigation.PrepareRename(Fixture, ProfilePath, At(Profile, "\"EMAIL\"", 1, 2));
            Assert.True(check.CanRename, check.Reason);
            Assert.Equal("Profile.xml(12,48,12,53)", Format(check.Symbol!));
            Assert.Equal("EMAIL", check.Symbol!.Id);
        }

        [Fact]
        public void RenamingAClaimEditsEveryDeclarationAndReferenceAndBreaksNothing()
        {
            var rename = PolicyNavigation.Rename(Fixture, SignInPath, At(SignIn, "\"email\"", 1, 1), "emailAddress");
            Assert.True(rename.Succeeded, rename.Error);
            Assert.Equal(new[]
            {
                "Base.xml(4,22,4,27) -> 'emailAddress'",
                "Base.xml(21,45,21,50) -> 'emailAddress'",
                "Base.xml(50,48,50,53) -> 'emailAddress'",
                "Base.xml(66,48,66,53) -> 'emailAddress'",
                "SignIn.xml(12,48,12,53) -> 'emailAddress'",
                "Profile.xml(12,48,12,53) -> 'emailAddress'",
            }, rename.Edits.Select(e => e.ToString()));
            Assert.Equal(new[] { BasePath, BasePath, BasePath, BasePath, SignInPath, ProfilePath }, rename.Edits.Select(e => e.Path));

            var after = Apply(rename);
            Assert.Contains("<ClaimType Id=\"emailAddress\">", after[BasePath]);
            Assert.Contains("<OutputClaim ClaimTypeReferenceId=\"emailAddress\" />", after[ProfilePath]);
            Assert.DoesNotContain("\"email\"", after[BasePath]);
            // The fixture's two undeclared claims (the base's loyaltyId, declared only by its child, and undeclaredClaim) stay the only PL2001s.
            var before = Undeclared(Lint(Texts));
            Assert.Equal(new[] { "Base.xml(99,22): Error PL2001", "Profile.xml(13,48): Error PL2001" }, before.Select(s => s.Substring(0, s.IndexOf(':', s.IndexOf(':') + 1))));
            Assert.Equal(before, Undeclared(Lint(after)));
            Assert.All(PolicyNavigation.References(Set(after), SignInPath, At(after[SignInPath], "\"emailAddress\"", 1, 1), true),
                l => Assert.Equal("emailAddress", l.Id));
            Assert.Equal(6, PolicyNavigation.References(Set(after), SignInPath, At(after[SignInPath], "\"emailAddress\"", 1, 1), true).Count);
        }

        [Fact]
        public void RenamingAnOverriddenProfileEditsBothDeclarations()
        {
            var rename = PolicyNavigation.Rename(Fixture, BasePath, At(Base, "Id=\"AAD-Read\"", 1, 4), "AAD-UserRead");
            Assert.Equal(new[]
            {
                "Base.xml(61,31,61,39) -> 'AAD-UserRead'",
                "Base.xml(104,76,104,84) -> 'AAD-UserRead'",
                "Extensions.xml(18,31,18,39) -> 'AAD-UserRead'",
                "Extensions.xml(30,54,30,62) -> 'AAD-UserRead'",
            }, rename.Edits.Select(e => e.ToString()));
            var after = Apply(rename);
            Assert.DoesNotContain(Lint(after).Diagnostics, d => d.Id == "PL2002");
            Assert.Equal(Undeclared(Lint(Texts)), Undeclared(Lint(after)));
        }

        [Fact]
        public void ACaseOnlyRenameIsAllowed()
        {
            var rename = PolicyNavigation.Rename(Fixture, BasePath, At(Base, "Id=\"email\"", 1, 4), "Email");
            Assert.True(rename.Succeeded, rename.Error);
            Assert.Equal(6, rename.Edits.Count);
        }

        [Theory]
        [InlineData("", "The new name is empty.")]
        [InlineData("e mail", "The new name holds white space, which an Id cannot hold.")]
        [InlineData("e<mail", "The new name holds '<', which an Id cannot hold.")]
        [InlineData("e\"mail", "The new name holds '\"', which an Id cannot hold.")]
        [InlineData("{email}", "The new name holds '{', which an Id cannot hold.")]
        [InlineData("OBJECTID", "ClaimType 'objectId' is already declared in Base.xml line 9.")]
        [InlineData("loyaltyId", "ClaimType 'loyaltyId' is already declared in Extensions.xml line 8.")]
        public void AnInvalidOrTakenNewNameIsRefused(string newName, string error)
        {
            var rename = PolicyNavigation.Rename(Fixture, SignInPath, At(SignIn, "\"email\"", 1, 1), newName);
            Assert.False(rename.Succeeded);
            Assert.Equal(error, rename.Error);
            Assert.Empty(rename.Edits);
        }

        [Fact]
        public void WhatCannotBeRenamedSafelyIsRefusedWithItsReason()
        {
            Assert.Equal("There is no declared name here to rename.", PolicyNavigation.PrepareRename(Fixture, BasePath, At(Base, "<DataType>", 1, 2)).Reason);
            Assert.Equal("ClaimType 'undeclaredClaim' is not declared in any policy of the set, so its other uses cannot be known.",
                PolicyNavigation.PrepareRename(Fixture, ProfilePath, At(Profile, "undeclaredClaim")).Reason);
            Assert.Equal("ContentDefinition 'api.error' is used by the service without a reference; renaming it would change what the service does.",
                PolicyNavigation.PrepareRename(Fixture, BasePath, At(Base, "\"api.error\"", 1, 1)).Reason);
            var withReference = Set(null, BasePath);
            Assert.Equal("ClaimType 'email' is declared in Base.xml, a B2CPolicyReference that PolicyLint does not edit.",
                PolicyNavigation.PrepareRename(withReference, SignInPath, At(SignIn, "\"email\"", 1, 1)).Reason);
            // Declared in the extensions, but the base (a reference) names it in a precondition.
            Assert.Equal("ClaimType 'loyaltyId' is used in Base.xml, a B2CPolicyReference that PolicyLint does not edit.",
                PolicyNavigation.PrepareRename(withReference, SignInPath, At(SignIn, "\"loyaltyId\"", 1, 1)).Reason);
            Assert.Equal("ClaimType 'email' is declared in Base.xml, a B2CPolicyReference that PolicyLint does not edit.",
                PolicyNavigation.Rename(withReference, SignInPath, At(SignIn, "\"email\"", 1, 1), "mail").Error);
        }

        [Fact]
        public void AnIdSpelledWithAnEntityIsLeftToTheUser()
        {
            var texts = Texts.ToDictionary(p => p.Key, p => p.Value);
            texts[ProfilePath] = Profile.Replace("\"EMAIL\"", "\"&#101;mail\"");
            var set = Set(texts);
            Assert.Equal("email", PolicyNavigation.Find(set, ProfilePath, At(texts[ProfilePath], "&#101;mail"))!.Id);
            Assert.Equal("'email' is written with an entity or a settings token in Profile.xml line 12; rename it by hand.",
                PolicyNavigation.PrepareRename(set, BasePath, At(Base, "Id=\"email\"", 1, 4)).Reason);
        }

        [Fact]
        public void AFileThatDoesNotParseBlocksARenameThatWouldEditIt()
        {
            var texts = Texts.ToDictionary(p => p.Key, p => p.Value);
            texts[ProfilePath] = Profile.Replace("</RelyingParty>", "</RelyingPart>");
            Assert.Equal("Profile.xml is not well-formed XML and may use 'email'; fix it before renaming.",
                PolicyNavigation.PrepareRename(Set(texts), SignInPath, At(SignIn, "\"email\"", 1, 1)).Reason);
            // It does not use loyaltyId, but inherits the extensions that declare it: it may, once it parses again.
            Assert.Equal("Profile.xml is not well-formed XML and may use 'loyaltyId'; fix it before renaming.",
                PolicyNavigation.PrepareRename(Set(texts), SignInPath, At(SignIn, "\"loyaltyId\"", 1, 1)).Reason);
            // A broken file with another base that does not use the Id blocks nothing.
            texts[ProfilePath] = Profile.Replace("B2C_1A_Ext<", "B2C_1A_Other<").Replace("EMAIL", "other").Replace("</RelyingParty>", "</RelyingPart>");
            Assert.True(PolicyNavigation.PrepareRename(Set(texts), SignInPath, At(SignIn, "\"email\"", 1, 1)).CanRename);
        }
    }
}
