using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs.UserInterface
{
    /// <summary>A three-part page-layout version ("2.1.7").</summary>
    public readonly struct PageVersion : IComparable<PageVersion>, IEquatable<PageVersion>
    {
        public PageVersion(int major, int minor, int patch)
        {
            Major = major;
            Minor = minor;
            Patch = patch;
        }

        public int Major { get; }
        public int Minor { get; }
        public int Patch { get; }

        public static bool TryParse(string? text, out PageVersion version)
        {
            version = default;
            var parts = (text ?? string.Empty).Split('.');
            if (parts.Length != 3) return false;
            var numbers = new int[3];
            for (int i = 0; i < 3; i++)
            {
                if (parts[i].Length == 0 || parts[i].Length > 6 || !parts[i].All(c => c >= '0' && c <= '9')) return false;
                numbers[i] = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            }
            version = new PageVersion(numbers[0], numbers[1], numbers[2]);
            return true;
        }

        public static PageVersion Parse(string text) => TryParse(text, out var v) ? v : throw new FormatException(text);

        public int CompareTo(PageVersion other)
        {
            int c = Major.CompareTo(other.Major);
            if (c == 0) c = Minor.CompareTo(other.Minor);
            if (c == 0) c = Patch.CompareTo(other.Patch);
            return c;
        }

        public bool Equals(PageVersion other) => CompareTo(other) == 0;
        public override bool Equals(object? obj) => obj is PageVersion v && Equals(v);
        public override int GetHashCode() => (Major * 1000 + Minor) * 1000 + Patch;
        public static bool operator <(PageVersion a, PageVersion b) => a.CompareTo(b) < 0;
        public static bool operator >(PageVersion a, PageVersion b) => a.CompareTo(b) > 0;
        public static bool operator <=(PageVersion a, PageVersion b) => a.CompareTo(b) <= 0;
        public static bool operator >=(PageVersion a, PageVersion b) => a.CompareTo(b) >= 0;
        public override string ToString() => $"{Major}.{Minor}.{Patch}";
    }

    /// <summary>One page identifier of a ContentDefinition DataUri and the versions Microsoft documents for it.</summary>
    public sealed class PageLayout
    {
        internal PageLayout(string page, string purpose, string[] oldStyle, string[] contract, string source, string? contractSuccessor = null)
        {
            Page = page;
            Purpose = purpose;
            OldStyleVersions = oldStyle.Select(PageVersion.Parse).ToList();
            ContractVersions = contract.Select(PageVersion.Parse).ToList();
            Source = source;
            ContractSuccessor = contractSuccessor;
        }

        /// <summary>The {page} part, e.g. "selfasserted".</summary>
        public string Page { get; }
        public string Purpose { get; }
        /// <summary>Versions of urn:com:microsoft:aad:b2c:elements:{page}:{version} (no contract).</summary>
        public IReadOnlyList<PageVersion> OldStyleVersions { get; }
        /// <summary>Versions of urn:com:microsoft:aad:b2c:elements:contract:{page}:{version} (page contracts).</summary>
        public IReadOnlyList<PageVersion> ContractVersions { get; }
        /// <summary>Where the versions come from.</summary>
        public string Source { get; }
        /// <summary>The page that replaces this one in contract form (idpselection → providerselection).</summary>
        public string? ContractSuccessor { get; }

        public PageVersion? NewestContract => ContractVersions.Count == 0 ? (PageVersion?)null : ContractVersions.Max();

        public IReadOnlyList<PageVersion> Versions(bool contract) => contract ? ContractVersions : OldStyleVersions;

        /// <summary>"1.0.0, 1.2.0-1.2.4": consecutive patch versions collapsed.</summary>
        public static string Describe(IEnumerable<PageVersion> versions)
        {
            var sorted = versions.OrderBy(v => v).ToList();
            if (sorted.Count == 0) return "none";
            var parts = new List<string>();
            int start = 0;
            for (int i = 1; i <= sorted.Count; i++)
            {
                bool continues = i < sorted.Count && sorted[i].Major == sorted[i - 1].Major && sorted[i].Minor == sorted[i - 1].Minor && sorted[i].Patch == sorted[i - 1].Patch + 1;
                if (continues) continue;
                parts.Add(i - 1 == start ? sorted[start].ToString() : $"{sorted[start]}-{sorted[i - 1]}");
                start = i;
            }
            return string.Join(", ", parts);
        }
    }

    /// <summary>
    /// Content-definition page identifiers and versions (user-interface.md §1.2–§1.4: page-layout.md 2019-12 to
    /// the live 2025 copy, contentdefinitions.md 2021-05/2021-09, issues #47345, #79214, #119926).
    /// </summary>
    public static class PageLayouts
    {
        public const string Prefix = "urn:com:microsoft:aad:b2c:elements:";
        public const string ContractPrefix = Prefix + "contract:";

        private static string[] Range(string prefix, int from, int to)
            => Enumerable.Range(from, to - from + 1).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        private static string[] Versions(params object[] parts)
            => parts.SelectMany(p => p is string s ? new[] { s } : (string[])p).ToArray();

        public static readonly IReadOnlyList<PageLayout> All = new[]
        {
            new PageLayout("globalexception", "error page",
                new[] { "1.0.0", "1.1.0" },
                Versions("1.0.0", "1.1.0", Range("1.2.", 0, 5)),
                "page-layout.md (2023-10: globalexception up to 1.2.5); contentdefinitions.md 2021-09"),
            new PageLayout("providerselection", "identity-provider selection",
                new string[0],
                Versions("1.0.0", Range("1.2.", 0, 4)),
                "page-layout.md (shared providerselection/claimsconsent/unifiedssd log, no 1.1.0; 2023-10 up to 1.2.4)"),
            new PageLayout("idpselection", "identity-provider selection (older name)",
                new[] { "1.0.0" },
                new string[0],
                "page-layout.md 2019-12 migration table: idpselection:1.0.0 becomes contract:providerselection",
                contractSuccessor: "providerselection"),
            new PageLayout("unifiedssp", "combined sign-in and sign-up",
                new[] { "1.0.0", "1.1.0" },
                // 2.1.15-2.1.17: offered by the portal in 2024-02 (#119926), no changelog entry.
                Versions("1.0.0", "1.1.0", "1.2.0", Range("2.1.", 0, 17)),
                "page-layout.md (2023-10 up to 2.1.14); portal 2024-02 up to 2.1.17 (MicrosoftDocs/azure-docs#119926)"),
            new PageLayout("unifiedssd", "combined sign-in without password reset (deprecated)",
                new[] { "1.0.0" },
                Versions("1.0.0", Range("1.2.", 0, 4)),
                "page-layout.md; the service listed [1.0.0, 1.2.0, 1.2.1] in 2021-08 (MicrosoftDocs/azure-docs#79214)"),
            new PageLayout("multifactor", "phone verification",
                new[] { "1.0.0", "1.1.0" },
                Versions("1.0.0", "1.1.0", Range("1.2.", 0, 12)),
                "page-layout.md (2023-10 up to 1.2.12)"),
            new PageLayout("selfasserted", "self-asserted form",
                new[] { "1.0.0", "1.1.0" },
                Versions("1.0.0", "1.1.0", "1.2.0", "2.0.0", Range("2.1.", 0, 30)),
                "page-layout.md (live 2025 copy up to 2.1.30)"),
            new PageLayout("claimsconsent", "consent page",
                new[] { "1.0.0" },
                Versions("1.0.0", Range("1.2.", 0, 4)),
                "page-layout.md (shared providerselection/claimsconsent/unifiedssd log)"),
        };

        private static readonly Dictionary<string, PageLayout> ByPage = All.ToDictionary(p => p.Page, StringComparer.Ordinal);

        public static IEnumerable<string> PageNames => ByPage.Keys;

        public static PageLayout? Find(string page) => ByPage.TryGetValue(page, out var p) ? p : null;
    }

    /// <summary>A DataUri taken apart: urn:com:microsoft:aad:b2c:elements:[contract:]{page}:{version}.</summary>
    public sealed class DataUri
    {
        private DataUri(string value, bool isContract, string page, string versionText)
        {
            Value = value;
            IsContract = isContract;
            Page = page;
            VersionText = versionText;
            HasVersion = PageVersion.TryParse(versionText, out var v);
            Version = v;
            Layout = PageLayouts.Find(page);
        }

        public string Value { get; }
        public bool IsContract { get; }
        public string Page { get; }
        public string VersionText { get; }
        public bool HasVersion { get; }
        public PageVersion Version { get; }
        /// <summary>The catalog entry, or null for an unknown page.</summary>
        public PageLayout? Layout { get; }

        /// <summary>The documented page and version (for a version newer than the catalog, see <see cref="IsLaterPatch"/>).</summary>
        public bool IsDocumented => Layout != null && HasVersion && Layout.Versions(IsContract).Contains(Version);

        /// <summary>
        /// A contract version past the newest the catalog knows but in the same major.minor line: the service often
        /// accepts versions newer than the published changelog (user-interface.md §1.3), so this is not an error.
        /// </summary>
        public bool IsLaterPatch => Layout?.NewestContract is PageVersion newest && IsContract && HasVersion
            && Version > newest && Version.Major == newest.Major && Version.Minor == newest.Minor;

        /// <summary>A page and version whose strings the catalog can judge.</summary>
        public bool IsKnown => IsDocumented || IsLaterPatch;

        /// <summary>Null when the value does not have the URN shape at all.</summary>
        public static DataUri? Parse(string? value)
        {
            if (value == null || !value.StartsWith(PageLayouts.Prefix, StringComparison.Ordinal)) return null;
            string rest = value.Substring(PageLayouts.Prefix.Length);
            bool contract = rest.StartsWith("contract:", StringComparison.Ordinal);
            if (contract) rest = rest.Substring("contract:".Length);
            int colon = rest.LastIndexOf(':');
            if (colon <= 0) return null;
            return new DataUri(value, contract, rest.Substring(0, colon), rest.Substring(colon + 1));
        }
    }
}
