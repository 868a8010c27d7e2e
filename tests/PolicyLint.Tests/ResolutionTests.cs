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
        public void AScopeReusesItsBasesMergeUnlessTheProfileIncludesAnother()
        {
            var set = Load("PL5003/ok/completed-through-include-by-extensions");
            var base_ = ScopeOf(set, "B2C_1A_Base");
            var extensions = ScopeOf(set, "B2C_1A_Extensions");

            // Declared only in the base and including nothing: one merge for both chains.
            Assert.Same(base_.TechnicalProfile("OAuth-Common"), ScopeOf(set, "B2C_1A_Middle").TechnicalProfile("OAuth-Common"));
            // Overridden by the extensions: merged there with both declarations.
            Assert.Equal(2, extensions.TechnicalProfile("OAuth-Common")!.OwnParts.Count);
            // Declared only in the base, but its include is overridden below: merged again, with the override.
            var merged = extensions.TechnicalProfile("OAuth")!;
            Assert.NotSame(base_.TechnicalProfile("OAuth"), merged);
            Assert.Equal("0c1b5f3e-7a4d-4f7e-9a55-2f3c8e1d9b10", merged.MetadataValue("client_id"));
            Assert.Null(base_.TechnicalProfile("OAuth")!.MetadataValue("client_id"));
        }
    }
}
