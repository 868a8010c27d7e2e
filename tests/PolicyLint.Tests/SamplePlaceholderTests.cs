using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Model;
using PolicyLint.Rules.Security;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Common;

namespace PolicyLint.Tests
{
    /// <summary>PL7001's quick test must never pass over a value the full test would report.</summary>
    public sealed class SamplePlaceholderTests
    {
        [Theory]
        [InlineData("facebook_clientid")]
        [InlineData("  FACEBOOK_CLIENTID \n")]
        [InlineData("00000000-0000-0000-0000-000000000000")]
        [InlineData(" 00000000-0000-0000-0000-000000000000 ")]
        [InlineData("ProxyIdentityExperienceFrameworkAppId")]
        [InlineData("IDENTITYEXPERIENCEFRAMEWORKAPPID")]
        [InlineData("contoso.YOURTENANT.onmicrosoft.com")]
        [InlineData("Your Apple ID")]
        [InlineData("https://<tenant>.b2clogin.com")]
        [InlineData("{Settings:ClientId}")]
        public void QuickTestKeepsEveryPlaceholder(string value)
            => Assert.True(SamplePlaceholders.MayBePlaceholder(value));

        [Theory]
        [InlineData("client_id")]
        [InlineData("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0")]
        [InlineData("00000000-0000-0000-0000-00000000000")]
        [InlineData("")]
        public void QuickTestSkipsPlainValues(string value)
            => Assert.False(SamplePlaceholders.MayBePlaceholder(value));

        [Fact]
        public void QuickTestKeepsEveryValueOfTheStarterPackTheFullTestReports()
        {
            if (Paths.StarterPack == null) return;
            int reported = 0;
            foreach (var file in Directory.GetFiles(Paths.StarterPack, "*.xml", SearchOption.AllDirectories))
            {
                var document = PolicyParser.ParseFile(file);
                if (document.Root is not PolicyNode root) continue;
                foreach (var node in new[] { root }.Concat(root.Descendants()))
                {
                    var values = node.Attributes.Select(a => a.Value).ToList();
                    if (node.Text != null) values.Add(node.Text);
                    foreach (var value in values)
                    {
                        if (SamplePlaceholders.Describe(value, inSetting: true) == null) continue;
                        reported++;
                        Assert.True(SamplePlaceholders.MayBePlaceholder(value), value);
                    }
                }
            }
            Assert.True(reported > 0, "the starter pack ships placeholders");
        }
    }
}
