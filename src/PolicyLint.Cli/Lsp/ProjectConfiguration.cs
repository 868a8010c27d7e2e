using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// A workspace folder's options as the build sees them: a project file in the folder that uses the PolicyLint SDK or
    /// package is evaluated with MSBuild (its B2CPolicy items and properties); otherwise the command line's defaults for
    /// the folder (every *.xml under it, appsettings.json and policylint.baseline.json when present).
    /// </summary>
    internal sealed class ProjectConfiguration
    {
        // <Project Sdk="PolicyLint/1.0.0">, <Sdk Name="PolicyLint" …/>, <Import Sdk="PolicyLint" …/>, <PackageReference Include="PolicyLint" …/>.
        private static readonly Regex UsesPolicyLint = new Regex(
            @"\bSdk\s*=\s*""\s*PolicyLint\s*(/[^""]*)?""|<Sdk\s+Name\s*=\s*""PolicyLint""|<PackageReference\s+Include\s*=\s*""PolicyLint""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private ProjectConfiguration(HostOptions options, string? projectFile, string description)
        {
            Options = options;
            ProjectFile = projectFile;
            Description = description;
        }

        public HostOptions Options { get; }
        /// <summary>The evaluated project, or null for the command line's defaults.</summary>
        public string? ProjectFile { get; }
        /// <summary>For the log: where the options came from.</summary>
        public string Description { get; }

        /// <summary>The folder's options; <paramref name="warn"/> hears why a project could not be evaluated (the defaults are used then).</summary>
        public static ProjectConfiguration Load(string folder, Action<string> warn)
        {
            string? project = FindProject(folder);
            if (project != null)
            {
                try
                {
                    var evaluated = MsBuildProject.Evaluate(project);
                    return new ProjectConfiguration(evaluated, project, "evaluated " + project + " with MSBuild");
                }
                catch (Exception ex)
                {
                    warn($"could not evaluate {project} ({ex.GetType().Name}: {ex.Message}); using the command line's defaults");
                }
            }
            return Defaults(folder, project);
        }

        /// <summary>`policylint` run in the folder with no option.</summary>
        public static ProjectConfiguration Defaults(string folder, string? project = null)
        {
            var options = Cli.HostOptionsFor(new CliArguments(), folder, out _) ?? new HostOptions { ProjectDirectory = folder };
            return new ProjectConfiguration(options, project, "the command line's defaults for " + folder);
        }

        /// <summary>
        /// A file opened outside every workspace folder: its folder's *.xml (not below, which may be a whole home folder) with
        /// the command line's other defaults, so a base beside it resolves.
        /// </summary>
        public static ProjectConfiguration Loose(string folder)
        {
            var options = new HostOptions { ProjectDirectory = folder, SettingsFile = HostOptions.DefaultSettingsFile(folder) };
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Select(Path.GetFullPath).OrderBy(f => f, StringComparer.Ordinal))
                    options.Policies.Add(new PolicyInput(file, isExplicit: false));
            return new ProjectConfiguration(options, null, "the *.xml files of " + folder);
        }

        /// <summary>A project file directly in the folder that uses the PolicyLint SDK or package (the first by name).</summary>
        public static string? FindProject(string folder)
        {
            if (!Directory.Exists(folder)) return null;
            foreach (var file in Directory.EnumerateFiles(folder, "*.*proj").OrderBy(f => f, StringComparer.Ordinal))
            {
                string text;
                try { text = File.ReadAllText(file); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                if (UsesPolicyLint.IsMatch(text)) return file;
            }
            return null;
        }

        /// <summary>A file whose change means the options must be read again.</summary>
        public static bool IsConfigurationFile(string path)
        {
            string name = Path.GetFileName(path);
            return name == ".editorconfig" || string.Equals(name, "appsettings.json", StringComparison.OrdinalIgnoreCase)
                || name == Configuration.Baseline.DefaultFileName || name.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
                || name == "Directory.Build.props" || name == "Directory.Build.targets";
        }
    }
}
