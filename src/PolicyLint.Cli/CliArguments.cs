using System;
using System.Collections.Generic;

namespace PolicyLint.Cli
{
    /// <summary>The command line, parsed by hand: a dozen options need no library (and the tool then depends on the core alone).</summary>
    internal sealed class CliArguments
    {
        /// <summary>"lint" (the default), "fix" or "lsp".</summary>
        public string Command = "lint";
        public readonly List<string> Paths = new List<string>();
        public readonly List<string> References = new List<string>();
        public readonly List<string> PolicyKeys = new List<string>();
        public readonly List<string> NoWarn = new List<string>();
        public readonly List<string> WarningsAsErrors = new List<string>();
        public readonly List<string> WarningsNotAsErrors = new List<string>();
        public bool TreatWarningsAsErrors;
        public string? Environment;
        public string? Settings;
        public string? TokenPatterns;
        public string? Baseline;
        public bool UpdateBaseline;
        public string Format = "msbuild";
        public string? Output;
        public bool NoColor;
        public bool Help;
        public bool Version;
        /// <summary>fix: only these rules' fixes.</summary>
        public readonly List<string> Rules = new List<string>();
        /// <summary>fix: print a unified diff instead of writing.</summary>
        public bool DryRun;
        /// <summary>fix: the tenant name put in place of the 'yourtenant' placeholder (PL7001).</summary>
        public string? Tenant;
        /// <summary>fix: list every fix (offered ones and the host's) with its diagnostic, numbered; write nothing.</summary>
        public bool List;
        /// <summary>fix: apply the fix of this number in --list.</summary>
        public int? Apply;
        /// <summary>fix: apply every rule's fix, offered ones too (not the host's suppressions).</summary>
        public bool AllOffered;

        public static readonly string[] Formats = { "msbuild", "sarif", "github", "json" };

        /// <summary>Every option with its help line; --help prints them in this order.</summary>
        public static readonly (string Name, string? Value, string Help, bool FixOnly)[] Options =
        {
            ("--reference", "PATH", "a policy resolved against but never reported on (B2CPolicyReference); repeatable", false),
            ("--policy-key", "NAME", "a policy key in the tenant (B2CPolicyKey); when given, every StorageReferenceId must name one; repeatable", false),
            ("--environment", "NAME", "the environment to lint as (B2CEnvironment); Production turns PL7xxx warnings into errors", false),
            ("--settings", "FILE", "the B2C extension's appsettings.json (B2CSettingsFile); default: appsettings.json or appSettings.json here, when present", false),
            ("--token-patterns", "LIST", "shapes of deploy-time tokens (PolicyLintTokenPatterns), e.g. \"default;@@NAME@@\"", false),
            ("--no-warn", "CODES", "do not report these rules (NoWarn), e.g. PL7001,PL2012; repeatable", false),
            ("--warnings-as-errors", "[=CODES]", "all warnings, or only these (--warnings-as-errors=PL3009), fail like errors", false),
            ("--warnings-not-as-errors", "CODES", "warnings that --warnings-as-errors leaves as warnings", false),
            ("--baseline", "FILE", "findings this baseline lists do not fail (PolicyLintBaseline); default: policylint.baseline.json here, when present", false),
            ("--update-baseline", null, "write the current findings to the baseline file", false),
            ("--format", "FORMAT", "msbuild (default), sarif, github (workflow commands) or json", false),
            ("--output", "FILE", "write the report to FILE instead of the standard output", false),
            ("--no-color", null, "no colour and no code frame, even on a terminal (also when NO_COLOR is set)", false),
            ("--rule", "PLnnnn", "fix: apply only this rule's fixes; repeatable", true),
            ("--dry-run", null, "fix: print the changes as a unified diff and write nothing", true),
            ("--list", null, "fix: list every fix with its diagnostic and a number, offered ones and 'suppress' / '.editorconfig' too; write nothing", true),
            ("--apply", "N", "fix: apply the fix numbered N in --list (and nothing else)", true),
            ("--all-offered", null, "fix: also apply the fixes that are only offered (did-you-mean replacements), the first of each diagnostic", true),
            ("--tenant", "NAME", "fix: put this tenant name in place of the 'yourtenant' placeholder (PL7001), e.g. contoso", true),
            ("--help", null, "show this help", false),
            ("--version", null, "show the version", false),
        };

        /// <summary>The parsed arguments, or null with the reason.</summary>
        public static CliArguments? Parse(IReadOnlyList<string> args, out string? error)
        {
            error = null;
            var result = new CliArguments();
            int start = 0;
            if (args.Count > 0 && (args[0] == "fix" || args[0] == "lsp"))
            {
                result.Command = args[0];
                start = 1;
            }
            bool onlyPaths = false;
            for (int i = start; i < args.Count; i++)
            {
                string arg = args[i];
                if (onlyPaths || !arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
                {
                    result.Paths.Add(arg);
                    continue;
                }
                if (arg == "--")
                {
                    onlyPaths = true;
                    continue;
                }
                string name = arg;
                string? inline = null;
                int eq = arg.IndexOf('=');
                if (eq > 0)
                {
                    name = arg.Substring(0, eq);
                    inline = arg.Substring(eq + 1);
                }
                if (name == "-h" || name == "-?") name = "--help";

                string? Value()
                {
                    if (inline != null) return inline;
                    if (i + 1 < args.Count) return args[++i];
                    return null;
                }

                bool Flag() => inline == null;
                bool ok = true;
                // The server reads each workspace folder's project (or the defaults): no lint option applies to it.
                if (result.Command == "lsp" && name != "--stdio" && name != "--help" && name != "--version")
                {
                    error = $"option '{name}' does not apply to `policylint lsp`: it reads each folder's project file, or lints as `policylint` would there; see --help";
                    return null;
                }
                switch (name)
                {
                    case "--stdio" when result.Command == "lsp": ok = Flag(); break;
                    case "--reference": ok = Add(result.References, Value()); break;
                    case "--policy-key": ok = Add(result.PolicyKeys, Value()); break;
                    case "--environment": ok = Set(ref result.Environment, Value()); break;
                    case "--settings": ok = Set(ref result.Settings, Value()); break;
                    case "--token-patterns": ok = Set(ref result.TokenPatterns, Value()); break;
                    case "--no-warn": ok = Add(result.NoWarn, Value()); break;
                    case "--warnings-as-errors":
                        if (inline == null) result.TreatWarningsAsErrors = true;
                        else ok = Add(result.WarningsAsErrors, inline);
                        break;
                    case "--warnings-not-as-errors": ok = Add(result.WarningsNotAsErrors, Value()); break;
                    case "--baseline": ok = Set(ref result.Baseline, Value()); break;
                    case "--update-baseline": ok = Flag(); result.UpdateBaseline = true; break;
                    case "--format":
                        ok = Set(ref result.Format!, Value()?.ToLowerInvariant());
                        if (ok && Array.IndexOf(Formats, result.Format) < 0)
                        {
                            error = $"unknown format '{result.Format}': use one of {string.Join(", ", Formats)}";
                            return null;
                        }
                        break;
                    case "--output": ok = Set(ref result.Output, Value()); break;
                    case "--no-color": ok = Flag(); result.NoColor = true; break;
                    case "--rule" when result.Command == "fix": ok = Add(result.Rules, Value()); break;
                    case "--dry-run" when result.Command == "fix": ok = Flag(); result.DryRun = true; break;
                    case "--list" when result.Command == "fix": ok = Flag(); result.List = true; break;
                    case "--all-offered" when result.Command == "fix": ok = Flag(); result.AllOffered = true; break;
                    case "--apply" when result.Command == "fix":
                        string? number = Value();
                        ok = number != null;
                        if (ok && (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 1))
                        {
                            error = $"--apply takes a fix's number from --list, not '{number}'";
                            return null;
                        }
                        if (ok) result.Apply = int.Parse(number!, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--tenant" when result.Command == "fix":
                        string? tenant = Value();
                        ok = Set(ref result.Tenant, TenantName(tenant));
                        if (!ok && !string.IsNullOrWhiteSpace(tenant))
                        {
                            error = $"'{tenant}' is not a tenant name: use the name alone (contoso) or its domain (contoso.onmicrosoft.com)";
                            return null;
                        }
                        break;
                    case "--help": ok = Flag(); result.Help = true; break;
                    case "--version": ok = Flag(); result.Version = true; break;
                    default:
                        error = $"unknown option '{arg}'" + (Array.Exists(Options, o => o.FixOnly && o.Name == name) ? " (it belongs to `policylint fix`)" : "") + "; see --help";
                        return null;
                }
                if (!ok)
                {
                    error = Array.Exists(Options, o => o.Name == name && o.Value == null) ? $"option '{name}' takes no value" : $"option '{name}' needs a value";
                    return null;
                }
            }
            if (result.Command == "lsp" && result.Paths.Count > 0 && !result.Help)
            {
                error = "`policylint lsp` takes no paths: the client names the workspace folders";
                return null;
            }
            return result;
        }

        /// <summary>"contoso", or "contoso" from "contoso.onmicrosoft.com" / "contoso.b2clogin.com"; null when not letters and digits (a tenant's initial domain name).</summary>
        internal static string? TenantName(string? value)
        {
            if (value == null) return null;
            string name = value.Trim();
            foreach (var suffix in new[] { ".onmicrosoft.com", ".b2clogin.com" })
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - suffix.Length);
            if (name.Length == 0) return null;
            foreach (char c in name)
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) return null;
            return name;
        }

        private static bool Add(List<string> list, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return false;
            list.Add(value!);
            return true;
        }

        private static bool Set(ref string? field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return false;
            field = value;
            return true;
        }
    }
}
