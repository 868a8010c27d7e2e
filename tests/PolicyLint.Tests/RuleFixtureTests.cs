using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>Runs every fixture under Rules/PLnnnn/{ok,err} and compares with its expect comments.</summary>
    public sealed class RuleFixtureTests
    {
        public static IEnumerable<object[]> Cases() => FixtureCase.All().Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Fixture(string name)
        {
            var fixture = FixtureCase.All().Single(c => c.Name == name);
            var expected = fixture.Expectations();
            var actual = fixture.Run();

            Assert.DoesNotContain(actual, d => d.Id == "PL0004");

            // Compare the fixture's own rule and every id it mentions: exact file, line, column.
            var ids = new HashSet<string>(expected.Select(e => e.Id)) { fixture.RuleId };
            var actualRelevant = actual.Where(d => ids.Contains(d.Id)).Select(d => Describe(fixture, d)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var expectedRelevant = expected.Select(e => $"{e.File}({e.Line},{e.Column}): {e.Id}").OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(expectedRelevant.SequenceEqual(actualRelevant),
                $"Fixture {name}\nexpected:\n  {string.Join("\n  ", expectedRelevant)}\nactual:\n  {string.Join("\n  ", actual.Select(d => Describe(fixture, d) + " " + d.GetMessage()))}");

            foreach (var e in expected.Where(e => e.MessagePart != null))
            {
                var match = actual.FirstOrDefault(d => Describe(fixture, d) == $"{e.File}({e.Line},{e.Column}): {e.Id}");
                Assert.True(match != null && match.GetMessage().Contains(e.MessagePart!, StringComparison.Ordinal),
                    $"{e}: message was '{match?.GetMessage()}'");
            }

            foreach (var e in expected.Where(e => e.Severity != null))
            {
                var match = actual.FirstOrDefault(d => Describe(fixture, d) == $"{e.File}({e.Line},{e.Column}): {e.Id}");
                Assert.True(match != null && SeverityName(match.Severity) == e.Severity, $"{e}: severity was '{(match == null ? "none" : SeverityName(match.Severity))}'");
            }

            if (fixture.ExpectsClean)
            {
                Assert.DoesNotContain(expected, e => e.Id == fixture.RuleId);
                var noisy = actual.Where(d => d.Severity >= DiagnosticSeverity.Warning && !expected.Any(e => e.Id == d.Id)).ToList();
                Assert.True(noisy.Count == 0, $"ok fixture {name} has warnings or errors:\n  " + string.Join("\n  ", noisy.Select(d => Describe(fixture, d) + " " + d.GetMessage())));
            }
            else
            {
                Assert.Contains(expected, e => e.Id == fixture.RuleId);
            }
        }

        private static string SeverityName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "hidden",
        };

        private static string Describe(FixtureCase fixture, Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{fixture.DisplayName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}";
        }
    }
}
