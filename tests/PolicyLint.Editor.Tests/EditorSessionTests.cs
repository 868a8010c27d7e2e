using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using PolicyLint.Build.Tests;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Editor.Tests
{
    /// <summary>
    /// docs/editor-session.txt (the screen as tmux captures it, raw ANSI) and docs/editor-session.svg (drawn by TerminalSvg):
    /// Neovim in tmux, with the README's Neovim 0.7 snippet as its init.lua and `policylint` on PATH, opened on samples/wechat
    /// at line 43, once the diagnostics are shown and `gl` has opened the line's float. POLICYLINT_UPDATE_DOCS=1 rewrites both.
    /// </summary>
    public sealed class EditorSessionTests
    {
        private const int Columns = 120, Rows = 30;

        [SkippableFact]
        public void TheCapturedEditorScreenInDocsIsCurrent()
        {
            Skip.If(Editor.OnPath("nvim") == null, NeovimSession.Missing);
            Skip.If(Editor.OnPath("tmux") == null, "tmux is not installed (CI installs Debian's tmux); the captured editor screen needs it");

            string ansi = Capture();
            // What the screen shows: the PL2001 message beside line 43, and the float with both of the line's findings.
            Assert.Contains("ClaimType 'UserId' is not declared", ansi); // in the float
            Assert.Contains("Diagnostics:", ansi);
            TerminalSvg.AssertCurrent("editor-session", ansi, Columns, "tests/PolicyLint.Editor.Tests", nameof(EditorSessionTests));
        }

        /// <summary>The Lua block under &lt;!-- neovim-0.7 --&gt; in the README.</summary>
        private static string ReadmeSnippet()
        {
            var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md"));
            var match = Regex.Match(readme, "<!-- neovim-0.7 -->\\s*```lua\\n(?<lua>.*?)```", RegexOptions.Singleline);
            Assert.True(match.Success, "README.md has no ```lua block under <!-- neovim-0.7 -->");
            return match.Groups["lua"].Value;
        }

        private static string Capture()
        {
            string folder = Editor.CopySample("wechat");
            string work = Path.Combine(Path.GetTempPath(), "policylint-tmux-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string bin = Path.Combine(work, "bin");
            Directory.CreateDirectory(bin);
            // `policylint` as the README's snippet starts it: the tool this test run built.
            string tool = Path.Combine(bin, "policylint");
            File.WriteAllText(tool, $"#!/bin/sh\nexec dotnet \"{Editor.ServerDll}\" \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string init = Path.Combine(work, "init.lua");
            File.WriteAllText(init, ReadmeSnippet());
            File.WriteAllText(Path.Combine(work, "tmux.conf"), "set -g default-terminal tmux-256color\nset -g status off\n");

            var environment = new Dictionary<string, string>
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["TERM"] = "xterm-256color",
                ["LANG"] = "C.UTF-8",
                ["LC_ALL"] = "C.UTF-8",
                ["COLORTERM"] = "",
                ["TMUX"] = "",
            };
            foreach (var name in new[] { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" })
                environment[name] = Path.Combine(work, name.ToLowerInvariant());
            // A server of our own (its own socket), so no user's tmux is touched, ended below.
            string socket = "policylint-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            (int, string) Tmux(string arguments) => Tool.Run("tmux", $"-u -L {socket} -f \"{Path.Combine(work, "tmux.conf")}\" {arguments}", folder, environment);
            try
            {
                var started = Tmux($"new-session -d -x {Columns} -y {Rows} \"nvim -u '{init}' +43 TrustFrameworkExtensions.xml\"");
                Assert.True(started.Item1 == 0, started.Item2);
                // The diagnostics are shown (beside line 43, a mark for each of its two and the last one's message), then `gl`
                // opens the line's float.
                WaitFor(() => Tmux("capture-pane -p").Item2, "\u25a0\u25a0 WeChat profile");
                Tmux("send-keys gl");
                WaitFor(() => Tmux("capture-pane -p").Item2, "Diagnostics:");
                // Then the screen as it stays.
                string previous = "", screen = Tmux("capture-pane -e -p").Item2;
                for (int i = 0; i < 50 && screen != previous; i++)
                {
                    Thread.Sleep(300);
                    previous = screen;
                    screen = Tmux("capture-pane -e -p").Item2;
                }
                return screen;
            }
            finally
            {
                Tmux("kill-server");
                Editor.Delete(work);
                Editor.Delete(folder);
            }
        }

        private static void WaitFor(Func<string> screen, string text)
        {
            string last = "";
            for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; Thread.Sleep(200))
                if ((last = screen()).Contains(text, StringComparison.Ordinal)) return;
            Assert.Fail($"the screen did not show \"{text}\" within 60 s:\n{last}");
        }
    }
}
