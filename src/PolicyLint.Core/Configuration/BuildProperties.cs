using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Configuration
{
    /// <summary>The MSBuild properties the C# compiler honours for warnings, applied to PL codes the same way.</summary>
    public sealed class BuildProperties
    {
        public ISet<string> NoWarn { get; set; } = Empty();
        public ISet<string> WarningsAsErrors { get; set; } = Empty();
        public ISet<string> WarningsNotAsErrors { get; set; } = Empty();
        public bool TreatWarningsAsErrors { get; set; }

        /// <summary>Parses "PL0001;PL0002, CS1591" as MSBuild passes NoWarn and friends (any separator of ; , space).</summary>
        public static ISet<string> ParseCodes(string? value)
            => new HashSet<string>((value ?? string.Empty)
                .Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);

        private static ISet<string> Empty() => new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }
}
