using System.IO;
using PolicyLint.Analysis;

namespace PolicyLint.Cli
{
    /// <summary>`policylint fix`: applies every safe fix, lints again and reports what changed and what is left.</summary>
    internal static class FixCommand
    {
        public static int Run(CliArguments parsed, HostOptions options, TextWriter stdout, TextWriter stderr, string cwd)
        {
            stderr.WriteLine("policylint: fix is not available yet");
            return Cli.BadUsage;
        }
    }
}
