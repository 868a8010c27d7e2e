using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Analysis;
using PolicyLint.Rules.Security;
using PolicyLint.Common;

namespace PolicyLint.Settings
{
    /// <summary>
    /// Which environments a build lints: one set of options per environment of the settings file (or only the
    /// one B2CEnvironment names), each with that environment's {Settings:Key} values. Without a usable settings
    /// file, the options as given.
    /// </summary>
    public sealed class EnvironmentPlan
    {
        private EnvironmentPlan(IReadOnlyList<AnalysisOptions> runs, IReadOnlyList<Diagnostic> diagnostics, SettingsFile? file)
        {
            Runs = runs;
            Diagnostics = diagnostics;
            File = file;
        }

        /// <summary>At least one: the options to analyze with, one per environment.</summary>
        public IReadOnlyList<AnalysisOptions> Runs { get; }
        /// <summary>PL7009 when the settings file cannot be used (at most one).</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
        public SettingsFile? File { get; }

        /// <param name="options">The build's options; Environment is B2CEnvironment.</param>
        /// <param name="settingsPath">B2CSettingsFile, or the default appsettings.json beside the project.</param>
        /// <param name="mustExist">True when the user named the file: a missing file is then reported; the default is used only when present.</param>
        /// <param name="isDefault">The default appsettings.json: one that never mentions "Environments" is some other tool's
        /// settings (an ASP.NET appsettings.json, comments and all) and is ignored rather than reported.</param>
        public static EnvironmentPlan Create(AnalysisOptions options, string? settingsPath, bool mustExist = false, bool isDefault = false)
        {
            var single = new[] { options };
            if (string.IsNullOrWhiteSpace(settingsPath)) return new EnvironmentPlan(single, Array.Empty<Diagnostic>(), null);
            string path = settingsPath!;
            if (!System.IO.File.Exists(path))
            {
                if (!mustExist) return new EnvironmentPlan(single, Array.Empty<Diagnostic>(), null);
                return new EnvironmentPlan(single, new[] { Invalid(path, string.Empty, 0, "the file does not exist (B2CSettingsFile)") }, null);
            }
            var file = SettingsFile.Load(path);
            if (isDefault && file.Text.IndexOf("Environments", StringComparison.OrdinalIgnoreCase) < 0)
                return new EnvironmentPlan(single, Array.Empty<Diagnostic>(), null);
            return Create(options, file);
        }

        public static EnvironmentPlan Create(AnalysisOptions options, SettingsFile file)
        {
            var single = new[] { options };
            if (!file.IsValid)
                return new EnvironmentPlan(single, new[] { Invalid(file.Path, file.Text, file.ErrorOffset, file.Error!) }, file);

            var environments = file.Environments;
            if (!string.IsNullOrEmpty(options.Environment))
            {
                var named = environments.FirstOrDefault(e => string.Equals(e.Name, options.Environment, StringComparison.OrdinalIgnoreCase));
                if (named == null)
                {
                    string known = environments.Count == 0 ? "it defines none" : "it defines " + string.Join(", ", environments.Select(e => "'" + e.Name + "'"));
                    string message = $"it has no environment '{options.Environment}' (B2CEnvironment); {known}.{DidYouMean.Hint(options.Environment!, environments.Select(e => e.Name))}";
                    return new EnvironmentPlan(single, new[] { Invalid(file.Path, file.Text, file.EnvironmentsOffset, message.TrimEnd('.')) }, file);
                }
                environments = new[] { named };
            }
            if (environments.Count == 0) return new EnvironmentPlan(single, Array.Empty<Diagnostic>(), file);

            var runs = environments.Select(e =>
            {
                var run = options.Clone();
                run.Environment = e.Name;
                run.IsProduction = e.Production || options.IsProduction;
                run.Settings = e.Values();
                run.SettingsSource = file.Path;
                return run;
            }).ToList();
            return new EnvironmentPlan(runs, Array.Empty<Diagnostic>(), file);
        }

        /// <summary>PL7009 at an offset of the settings file: one token wide, so editors underline the spot.</summary>
        private static Diagnostic Invalid(string path, string text, int offset, string reason)
        {
            offset = Math.Max(0, Math.Min(offset, text.Length));
            int end = offset < text.Length ? offset + 1 : offset;
            var start = PositionOf(text, offset);
            var stop = PositionOf(text, end);
            var location = Location.Create(path, TextSpan.FromBounds(offset, end), new LinePositionSpan(start, stop));
            return Diagnostic.Create(PL7009SettingsFileInvalid.Instance.Descriptor, location, Path.GetFileName(path), reason);
        }

        private static LinePosition PositionOf(string text, int offset)
        {
            int line = 0, lineStart = 0;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new LinePosition(line, offset - lineStart);
        }
    }
}
