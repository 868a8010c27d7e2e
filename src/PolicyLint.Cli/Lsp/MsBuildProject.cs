using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Build.Evaluation;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// Evaluates a project file with the MSBuild of the installed .NET SDK (found by Microsoft.Build.Locator), as
    /// `dotnet build` would before running the PolicyLint task, and reads the task's inputs from it.
    /// </summary>
    internal static class MsBuildProject
    {
        private static readonly object Gate = new object();
        private static bool _registered;

        public static HostOptions Evaluate(string projectFile)
        {
            lock (Gate)
            {
                if (!_registered)
                {
                    // Before any Microsoft.Build type is loaded: the SDK's assemblies are resolved from its folder.
                    if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered) Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
                    _registered = true;
                }
                return EvaluateRegistered(projectFile);
            }
        }

        // Kept apart so that the JIT loads Microsoft.Build only once the locator has registered the SDK's copy.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static HostOptions EvaluateRegistered(string projectFile)
        {
            using var collection = new ProjectCollection();
            var project = new Project(projectFile, new Dictionary<string, string>(), null, collection, ProjectLoadSettings.IgnoreMissingImports);
            string Property(string name) => project.GetPropertyValue(name);
            var options = new HostOptions
            {
                ProjectDirectory = project.DirectoryPath,
                NoWarn = Property("NoWarn"),
                WarningsAsErrors = Property("WarningsAsErrors"),
                WarningsNotAsErrors = Property("WarningsNotAsErrors"),
                TreatWarningsAsErrors = string.Equals(Property("TreatWarningsAsErrors"), "true", StringComparison.OrdinalIgnoreCase),
                Environment = NullIfEmpty(Property("B2CEnvironment")),
                SettingsFile = NullIfEmpty(Property("B2CSettingsFile")),
                TokenPatterns = NullIfEmpty(Property("PolicyLintTokenPatterns")),
                Baseline = NullIfEmpty(Property("PolicyLintBaseline")),
                BaselineSeverity = NullIfEmpty(Property("PolicyLintBaselineSeverity")),
            };
            // As the task reads its items: full paths; the default glob's items are not explicit.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in project.GetItems("B2CPolicy"))
            {
                string path = item.GetMetadataValue("FullPath");
                if (seen.Add(path))
                    options.Policies.Add(new PolicyInput(path, isExplicit: !string.Equals(item.GetMetadataValue("PolicyLintDefaultItem"), "true", StringComparison.OrdinalIgnoreCase)));
            }
            options.References.AddRange(project.GetItems("B2CPolicyReference").Select(i => i.GetMetadataValue("FullPath")).Distinct(StringComparer.Ordinal));
            options.PolicyKeys.AddRange(project.GetItems("B2CPolicyKey").Select(i => i.EvaluatedInclude));
            return options;
        }

        private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
