using System;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Cli.Tests
{
    /// <summary>
    /// docs/cli-session.txt (the raw ANSI a terminal receives) and docs/cli-session.svg (the same, drawn by TerminalSvg as a terminal shows
    /// it, wrapped at <see cref="Columns"/>): `policylint` and `policylint fix --dry-run` on samples/wechat, run in process
    /// with the terminal mode on (colour and code frames), as Program turns it on for a console. The folder is shown as
    /// /home/dev/wechat. POLICYLINT_UPDATE_DOCS=1 rewrites both.
    /// </summary>
    public sealed class TerminalSessionTests
    {
        private const int Columns = 120;
        private const string ShownFolder = "/home/dev/wechat";

        [Fact]
        public void TheCapturedSessionInDocsIsCurrent()
        {
            string ansi = Session();
            TerminalSvg.AssertCurrent("cli-session", ansi, Columns, "tests/PolicyLint.Cli.Tests", nameof(TerminalSessionTests));
            // What the session shows: a code frame under the PL2001 finding, in colour, and the exit code.
            Assert.Contains("\u001b[1;31merror PL2001\u001b[0m", ansi);
            Assert.Contains("   43 |\u001b[0m             <OutputClaim ClaimTypeReferenceId=\"UserId\"", ansi);
        }

        private static string Session()
        {
            string folder = Path.Combine(Paths.RepoRoot, "samples", "wechat");
            var session = new StringBuilder();
            void Run(params string[] args)
            {
                session.Append("\u001b[32mdev@host\u001b[0m:\u001b[1m~/wechat\u001b[0m$ policylint").Append(string.Concat(args.Select(a => " " + a))).Append('\n');
                var (exit, stdout, stderr) = CliRun.InProcess(args, folder, terminal: true);
                session.Append(stdout).Append(stderr);
                session.Append("\u001b[32mdev@host\u001b[0m:\u001b[1m~/wechat\u001b[0m$ echo $?\n").Append(exit).Append('\n');
            }
            Run();
            Run("fix", "--dry-run");
            return session.ToString().Replace(folder, ShownFolder);
        }
    }
}
