using System;
using System.Collections.Generic;
using PolicyLint.Common;

namespace PolicyLint.Analysis
{
    /// <summary>What the build tells the rules about the tenant and the deployment.</summary>
    public sealed class AnalysisOptions
    {
        public static readonly AnalysisOptions Default = new AnalysisOptions();

        /// <summary>Names of the policy keys in the tenant (B2CPolicyKey items); null when none were given.</summary>
        public ISet<string>? PolicyKeys { get; set; }

        /// <summary>B2CEnvironment, when set.</summary>
        public string? Environment { get; set; }

        /// <summary>True when linting for a production deployment (B2CEnvironment=Production or a settings environment flagged Production).</summary>
        public bool IsProduction { get; set; }

        /// <summary>Settings of the environment being linted ({Settings:Key} values), when a settings file applies.</summary>
        public IReadOnlyDictionary<string, string>? Settings { get; set; }

        /// <summary>The settings file <see cref="Settings"/> came from (for messages), when a settings file applies.</summary>
        public string? SettingsSource { get; set; }

        private string? _tokenPatterns;

        /// <summary>
        /// PolicyLintTokenPatterns: shapes of the tokens a deployment tool replaces before the upload, separated by ';'
        /// ("{{NAME}};#{NAME}#", "default" for the built-in shapes, "none" for none); null or empty for the built-in shapes.
        /// </summary>
        public string? TokenPatterns
        {
            get => _tokenPatterns;
            set
            {
                _tokenPatterns = value;
                Tokens = DeployTokens.Parse(value);
            }
        }

        /// <summary>The token shapes <see cref="TokenPatterns"/> describes.</summary>
        public DeployTokens Tokens { get; private set; } = DeployTokens.Default;

        /// <summary>
        /// The project's folder (the MSBuild task sets it): a message that names another file names it relative to this
        /// folder, never by the build machine's absolute path. When unset (tests and tools that call the Linter directly),
        /// names are relative to the deepest folder common to every input (so the file name, when they share one folder).
        /// </summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>The tenant's name (`policylint fix --tenant NAME`, e.g. "contoso"): PL7001 then offers to put it in place of the 'yourtenant' placeholder.</summary>
        public string? Tenant { get; set; }

        /// <summary>A shallow copy: the environment plan derives one set of options per environment.</summary>
        public AnalysisOptions Clone() => (AnalysisOptions)MemberwiseClone();

        public static ISet<string> KeySet(IEnumerable<string> names) => new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }
}
