using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests.Rules.PL7001
{
    /// <summary>The starter pack's placeholders are PL7001 warnings, and it raises no other PL7xxx diagnostic.</summary>
    public sealed class StarterPackPlaceholderTests
    {
        [Theory]
        [MemberData(nameof(StarterPackTests.Sets), MemberType = typeof(StarterPackTests))]
        public void PlaceholdersArePL7001WarningsOnly(string set)
        {
            if (set.Length == 0) return; // ../shared is absent on a plain clone
            var security = Linter.Run(StarterPackTests.RequestFor(set)).Diagnostics.Where(d => d.Id.StartsWith("PL7", StringComparison.Ordinal)).ToList();
            var other = security.Where(d => d.Id != "PL7001" || d.Severity != DiagnosticSeverity.Warning).ToList();
            Assert.True(other.Count == 0, $"{set}:\n  " + string.Join("\n  ", other.Select(StarterPackTests.Format)));
            Assert.Contains(security, d => d.GetMessage().StartsWith("'yourtenant.onmicrosoft.com'", StringComparison.Ordinal));
        }

        [Fact]
        public void EveryKindOfStarterPackPlaceholderIsFound()
        {
            if (Paths.StarterPack == null) return;
            var messages = Linter.Run(StarterPackTests.RequestFor("SocialAndLocalAccounts")).Diagnostics
                .Where(d => d.Id == "PL7001").Select(d => d.GetMessage()).ToList();
            foreach (var value in new[] { "yourtenant.onmicrosoft.com", "http://yourtenant.onmicrosoft.com/B2C_1A_signup_signin", "facebook_clientid", "ProxyIdentityExperienceFrameworkAppId", "IdentityExperienceFrameworkAppId" })
                Assert.Contains(messages, m => m.StartsWith("'" + value + "'", StringComparison.Ordinal));
        }
    }
}
