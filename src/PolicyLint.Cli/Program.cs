using System;
using System.IO;

namespace PolicyLint.Cli
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            // Colour and code frames only for a person at a console: never when piped, redirected or NO_COLOR is set.
            bool terminal = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            return Cli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), terminal);
        }
    }
}
