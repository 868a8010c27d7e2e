using System;
using System.IO;
using System.Linq;
using PolicyLint.Tests.Infrastructure;

namespace PolicyLint.Editor.Tests
{
    /// <summary>What the editor tests start: the built tool, the editors on PATH, a policy set in a temp folder.</summary>
    internal static class Editor
    {
        /// <summary>The policylint.dll this test run built (the Cli project in the same configuration), run as `dotnet policylint.dll lsp`.</summary>
        public static string ServerDll
        {
            get
            {
                var output = new DirectoryInfo(AppContext.BaseDirectory); // tests/PolicyLint.Editor.Tests/bin/<Configuration>/<tfm>/
                string dll = Path.Combine(Paths.RepoRoot, "src", "PolicyLint.Cli", "bin", output.Parent!.Name, output.Name, "policylint.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("The tool is not built where the test expects it", dll);
            }
        }

        /// <summary>The full path of a program on PATH, or null.</summary>
        public static string? OnPath(string program)
            => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

        /// <summary>The policy files (only the XML: no project file to evaluate) of samples/&lt;name&gt; in a new temp folder.</summary>
        public static string CopySample(string name)
        {
            string folder = Path.Combine(Path.GetTempPath(), $"policylint-editor-{name}-{Guid.NewGuid().ToString("N").Substring(0, 8)}");
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples", name), "*.xml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            return folder;
        }

        public static void Delete(string folder)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
