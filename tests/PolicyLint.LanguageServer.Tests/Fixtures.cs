using System;
using System.IO;

namespace PolicyLint.LanguageServer.Tests
{
    /// <summary>A temp folder of policies copied from the rule fixtures (tests/PolicyLint.Tests/Rules), deleted after the test.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Root = Path.Combine(Path.GetTempPath(), "policylint-lsp-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public static string Fixture(string relative) => Path.Combine(LspClient.RepoRoot, "tests", "PolicyLint.Tests", "Rules", relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>Copies a fixture file here (as <paramref name="name"/>) and returns its path.</summary>
        public string Copy(string fixture, string? name = null)
        {
            string path = Path.Combine(Root, name ?? Path.GetFileName(fixture));
            File.Copy(Fixture(fixture), path);
            return path;
        }

        public string Write(string name, string text)
        {
            string path = Path.Combine(Root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Zero-based line and character of text in a file, found by search: where a test edits or expects a finding.</summary>
    public static class Text
    {
        public static (int Line, int Character) PositionOf(string text, string find, int occurrence = 0)
        {
            int at = -1;
            for (int i = 0; i <= occurrence; i++)
            {
                at = text.IndexOf(find, at + 1, StringComparison.Ordinal);
                if (at < 0) throw new InvalidOperationException($"'{find}' is not in the text {occurrence + 1} time(s)");
            }
            int line = 0, lineStart = 0;
            for (int i = 0; i < at; i++)
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            return (line, at - lineStart);
        }
    }
}
