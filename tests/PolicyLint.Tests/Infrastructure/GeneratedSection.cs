using System;
using System.IO;
using Xunit;

namespace PolicyLint.Tests.Infrastructure
{
    /// <summary>
    /// A part of a hand-written document that a test generates, between an opening and a closing marker: the test fails
    /// when it is stale, and POLICYLINT_UPDATE_DOCS=1 rewrites it.
    /// </summary>
    public static class GeneratedSection
    {
        public static void AssertCurrent(string path, string open, string close, string content, string test)
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            int a = text.IndexOf(open, StringComparison.Ordinal), b = text.IndexOf(close, StringComparison.Ordinal);
            string name = Path.GetRelativePath(Paths.RepoRoot, path).Replace('\\', '/');
            Assert.True(a >= 0 && b > a, $"{name} lacks the markers {open} and {close}.");
            string expected = text.Substring(0, a + open.Length) + "\n" + content + text.Substring(b);
            if (expected != text && Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
            else Assert.True(expected == text, $"{name} is stale between {open} and {close}: run POLICYLINT_UPDATE_DOCS=1 dotnet test --filter {test}");
        }
    }
}
