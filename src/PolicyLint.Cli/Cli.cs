using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli
{
    /// <summary>
    /// `policylint`: the MSBuild task's analysis without a project file. A thin host: the request is built by
    /// <see cref="HostOptions"/>, as the task builds it, so both report the same diagnostics.
    /// </summary>
    public static class Cli
    {
        public const int Success = 0, Errors = 1, BadUsage = 2;

        /// <summary>Folders the default glob never enters (build output, VCS and package folders), as the targets exclude them.</summary>
        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs" };

        /// <summary>Runs one command line. <paramref name="terminal"/>: the output is an interactive console (colour and code frames).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string cwd, bool terminal = false)
        {
            var parsed = CliArguments.Parse(args, out var error);
            if (parsed == null) return Fail(stderr, error!);
            if (parsed.Help)
            {
                stdout.Write(HelpText());
                return Success;
            }
            if (parsed.Version)
            {
                stdout.WriteLine("policylint " + Version);
                return Success;
            }
            // LSP over the process's own standard input and output; the log goes to stderr only.
            if (parsed.Command == "lsp") return Lsp.LanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), stderr).GetAwaiter().GetResult();
            try
            {
                cwd = Path.GetFullPath(cwd);
                var options = HostOptionsFor(parsed, cwd, out error);
                if (options == null) return Fail(stderr, error!);
                if (parsed.Command == "fix") return FixCommand.Run(parsed, options, stdout, stderr, cwd);

                var run = options.Run();
                if (run.BaselineWritten != null) stderr.WriteLine($"policylint: wrote {run.BaselineCount} finding(s) to {run.BaselineWritten}");
                var result = run.Result;
                WriteReport(parsed, result, stdout, cwd, color: terminal && !parsed.NoColor && parsed.Output == null);
                stderr.WriteLine("policylint: " + Summary(result.Diagnostics, result.FilesAnalyzed));
                return result.HasErrors ? Errors : Success;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return Fail(stderr, ex.Message);
            }
        }

        public static string Version
        {
            get
            {
                var informational = typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
                int plus = informational.IndexOf('+');
                return plus < 0 ? informational : informational.Substring(0, plus);
            }
        }

        private static int Fail(TextWriter stderr, string message)
        {
            stderr.WriteLine("policylint: " + message);
            return BadUsage;
        }

        /// <summary>The task's parameters as the targets would set them for a project in <paramref name="cwd"/>.</summary>
        internal static HostOptions? HostOptionsFor(CliArguments parsed, string cwd, out string? error)
        {
            error = null;
            var options = new HostOptions
            {
                ProjectDirectory = cwd,
                Environment = parsed.Environment,
                SettingsFile = parsed.Settings ?? HostOptions.DefaultSettingsFile(cwd),
                TokenPatterns = parsed.TokenPatterns,
                Tenant = parsed.Tenant,
                NoWarn = string.Join(";", parsed.NoWarn),
                WarningsAsErrors = string.Join(";", parsed.WarningsAsErrors),
                WarningsNotAsErrors = string.Join(";", parsed.WarningsNotAsErrors),
                TreatWarningsAsErrors = parsed.TreatWarningsAsErrors,
                UpdateBaseline = parsed.UpdateBaseline,
            };
            // policylint.baseline.json here is used when present, or written by --update-baseline.
            string defaultBaseline = Path.Combine(cwd, Configuration.Baseline.DefaultFileName);
            options.Baseline = parsed.Baseline ?? (File.Exists(defaultBaseline) || parsed.UpdateBaseline ? defaultBaseline : null);
            options.PolicyKeys.AddRange(parsed.PolicyKeys);

            foreach (var reference in parsed.References)
            {
                string full = Path.GetFullPath(Path.Combine(cwd, reference));
                if (!File.Exists(full))
                {
                    error = $"reference '{reference}' not found";
                    return null;
                }
                options.References.Add(full);
            }
            var references = new HashSet<string>(options.References, StringComparer.Ordinal);

            var explicitFiles = new List<string>();
            var globbed = new List<string>();
            foreach (var path in parsed.Paths.Count == 0 ? new List<string> { "." } : parsed.Paths)
            {
                string full = Path.GetFullPath(Path.Combine(cwd, path));
                if (Directory.Exists(full)) globbed.AddRange(PolicyCandidates(full).Where(f => !references.Contains(f)));
                else if (File.Exists(full)) explicitFiles.Add(full);
                else
                {
                    error = $"no such file or folder: '{path}'";
                    return null;
                }
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in explicitFiles)
                if (seen.Add(file)) options.Policies.Add(new PolicyInput(file, isExplicit: true));
            foreach (var file in globbed.OrderBy(f => f, StringComparer.Ordinal))
                if (seen.Add(file)) options.Policies.Add(new PolicyInput(file, isExplicit: false));
            return options;
        }

        /// <summary>
        /// Every *.xml under a folder, as the targets' default B2CPolicy glob: the analysis silently skips those whose root
        /// is not TrustFrameworkPolicy. Build output and VCS folders are skipped at any depth.
        /// </summary>
        internal static IEnumerable<string> PolicyCandidates(string folder)
        {
            var pending = new Stack<string>();
            pending.Push(folder);
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                foreach (var file in Directory.EnumerateFiles(dir, "*.xml"))
                    yield return Path.GetFullPath(file);
                foreach (var sub in Directory.EnumerateDirectories(dir))
                    if (!SkippedFolders.Contains(Path.GetFileName(sub))) pending.Push(sub);
            }
        }

        private static void WriteReport(CliArguments parsed, LintResult result, TextWriter stdout, string cwd, bool color)
        {
            if (parsed.Output == null)
            {
                Reports.Write(parsed.Format, result, stdout, RepositoryRoot(cwd), color);
                return;
            }
            string path = Path.GetFullPath(Path.Combine(cwd, parsed.Output));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var file = new StreamWriter(path, false, new UTF8Encoding(false));
            Reports.Write(parsed.Format, result, file, RepositoryRoot(cwd), color: false);
        }

        /// <summary>What paths in SARIF and annotations are relative to: the checkout on a CI agent, else the current folder (as PolicyLintRepositoryRoot).</summary>
        private static string RepositoryRoot(string cwd)
        {
            string? Env(string name) => System.Environment.GetEnvironmentVariable(name);
            if (string.Equals(Env("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(Env("GITHUB_WORKSPACE"))) return Env("GITHUB_WORKSPACE")!;
            if (string.Equals(Env("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(Env("BUILD_SOURCESDIRECTORY"))) return Env("BUILD_SOURCESDIRECTORY")!;
            return cwd;
        }

        internal static string Summary(IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> diagnostics, int files)
        {
            int Count(Microsoft.CodeAnalysis.DiagnosticSeverity s) => diagnostics.Count(d => d.Severity == s);
            return $"{Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)} error(s), {Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)} warning(s), "
                + $"{Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)} suggestion(s) in {files} file(s)";
        }

        internal static string HelpText()
        {
            var sb = new StringBuilder();
            sb.Append("policylint ").Append(Version).Append(": static analysis for Azure AD B2C custom policies (TrustFrameworkPolicy XML)\n\n");
            sb.Append("Usage:\n");
            sb.Append("  policylint [options] [paths...]       lint; a folder means every *.xml under it whose root is TrustFrameworkPolicy\n");
            sb.Append("                                        (bin/, obj/, .git/, node_modules/ skipped); default: the current folder\n");
            sb.Append("  policylint fix [options] [paths...]   apply every safe fix, lint again and report what is left;\n");
            sb.Append("                                        --list numbers every fix (suppress, .editorconfig too), --apply N applies one\n");
            sb.Append("  policylint lsp [--stdio]              a language server (LSP) on standard input and output, for editors;\n");
            sb.Append("                                        each workspace folder is linted as its project file (or `policylint` there) would\n\n");
            sb.Append("Options:\n");
            foreach (var (name, value, help, _) in CliArguments.Options)
            {
                string left = value == null ? name : value.StartsWith("[", StringComparison.Ordinal) ? name + value : name + " " + value;
                sb.Append("  ").Append(left.PadRight(36)).Append(help).Append('\n');
            }
            sb.Append("\nExit codes: 0 no errors, 1 errors, 2 bad usage or unreadable input.\n");
            sb.Append(".editorconfig severities and <!-- policylint disable-next PLnnnn --> comments apply as in the build.\n");
            return sb.ToString();
        }
    }
}
