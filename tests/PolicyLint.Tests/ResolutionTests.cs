using System.IO;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests
{
    public class ResolutionTests
    {
        private static PolicySet Load(string fixture)
        {
            var folder = Path.Combine(Paths.Fixtures, fixture);
            return new PolicySet(Directory.GetFiles(folder, "*.xml").OrderBy(f => f)
                .Select(f => new PolicyFile(PolicyParser.ParseFile(f), isReference: false)));
        }

        private static ResolutionScope ScopeOf(PolicySet set, string policyId) => set.ScopeOf(set.ChainOf(set.FindPolicy(policyId)!));

        [Fact]
        public void AScopeReusesItsBasesMergeUnlessItOverridesAPart()
        {
            var set = Load("PL5003/ok/completed-through-include-by-extensions");
            var base_ = ScopeOf(set, "B2C_1A_Base");
            var extensions = ScopeOf(set, "B2C_1A_Extensions");

            // Declared only in the base and including nothing: one merge for both chains.
            Assert.Same(base_.TechnicalProfile("OAuth-Common"), ScopeOf(set, "B2C_1A_Middle").TechnicalProfile("OAuth-Common"));
            // Overridden by the extensions: merged there with both declarations.
            Assert.Equal(2, extensions.TechnicalProfile("OAuth-Common")!.OwnParts.Count);
            // Declared in the base with its include: shared as long as nothing below overrides either.
            Assert.Same(base_.TechnicalProfile("OAuth"), ScopeOf(set, "B2C_1A_Middle").TechnicalProfile("OAuth"));
            // Declared only in the base, but its include is overridden below: merged again, with the override.
            var merged = extensions.TechnicalProfile("OAuth")!;
            Assert.NotSame(base_.TechnicalProfile("OAuth"), merged);
            Assert.Equal("0c1b5f3e-7a4d-4f7e-9a55-2f3c8e1d9b10", merged.MetadataValue("client_id"));
            Assert.Null(base_.TechnicalProfile("OAuth")!.MetadataValue("client_id"));
        }

        [Fact]
        public void AnIncludeDeclaredOnlyBelowTheBaseIsMergedWhereItIsDeclared()
        {
            const string head = "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" TenantId=\"t\" PolicyId=\"{0}\">{1}<ClaimsProviders><ClaimsProvider><TechnicalProfiles>{2}</TechnicalProfiles></ClaimsProvider></ClaimsProviders></TrustFrameworkPolicy>";
            var base_ = string.Format(head, "B2C_1A_Base", "",
                "<TechnicalProfile Id=\"A\"><IncludeTechnicalProfile ReferenceId=\"B\" /></TechnicalProfile>");
            var extensions = string.Format(head, "B2C_1A_Ext", "<BasePolicy><TenantId>t</TenantId><PolicyId>B2C_1A_Base</PolicyId></BasePolicy>",
                "<TechnicalProfile Id=\"B\"><Metadata><Item Key=\"k\">v</Item></Metadata></TechnicalProfile>");
            var set = new PolicySet(new[]
            {
                new PolicyFile(PolicyParser.Parse("Base.xml", base_), isReference: false),
                new PolicyFile(PolicyParser.Parse("Ext.xml", extensions), isReference: false),
            });

            Assert.Null(ScopeOf(set, "B2C_1A_Base").TechnicalProfile("A")!.MetadataValue("k"));
            Assert.Equal("v", ScopeOf(set, "B2C_1A_Ext").TechnicalProfile("A")!.MetadataValue("k"));
        }

        [Theory]
        [InlineData(3)]
        [InlineData(40)]
        public void MergedMetadataKeepsEachKeyOnceTheNearestDeclarationWinning(int items)
        {
            // A few items are searched in place, many through a map: both must merge alike.
            const string head = "<TrustFrameworkPolicy xmlns=\"http://schemas.microsoft.com/online/cpim/schemas/2013/06\" TenantId=\"t\" PolicyId=\"{0}\">{1}<ClaimsProviders><ClaimsProvider><TechnicalProfiles><TechnicalProfile Id=\"A\"><Metadata>{2}</Metadata></TechnicalProfile></TechnicalProfiles></ClaimsProvider></ClaimsProviders></TrustFrameworkPolicy>";
            string Items(string value) => string.Concat(Enumerable.Range(0, items).Select(i => $"<Item Key=\"k{i}\">{value}{i}</Item>"));
            var base_ = string.Format(head, "B2C_1A_Base", "", Items("base") + "<Item Key=\"only-base\">b</Item>");
            var extensions = string.Format(head, "B2C_1A_Ext", "<BasePolicy><TenantId>t</TenantId><PolicyId>B2C_1A_Base</PolicyId></BasePolicy>", Items("ext") + "<Item Key=\"K0\">case</Item>");
            var set = new PolicySet(new[]
            {
                new PolicyFile(PolicyParser.Parse("Base.xml", base_), isReference: false),
                new PolicyFile(PolicyParser.Parse("Ext.xml", extensions), isReference: false),
            });

            var profile = ScopeOf(set, "B2C_1A_Ext").TechnicalProfile("A")!;
            Assert.Equal(items + 2, profile.Metadata.Count);
            Assert.Equal(new[] { "k0", "k1" }, profile.Metadata.Keys.Take(2));
            Assert.Equal("ext0", profile.MetadataValue("k0"));
            Assert.Equal($"ext{items - 1}", profile.MetadataValue($"k{items - 1}"));
            Assert.Equal("b", profile.MetadataValue("only-base"));
            Assert.Equal("case", profile.MetadataValue("K0")); // keys are case-sensitive
            Assert.Null(profile.MetadataValue("k-missing"));
            Assert.Equal(profile.Metadata["k1"], profile.Metadata.Single(p => p.Key == "k1").Value);
        }
    }
}
