using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLint.Tests.Infrastructure;
using Xunit;

namespace PolicyLint.Cli.Tests
{
    /// <summary>
    /// docs/cli-session.txt (the raw ANSI a terminal receives) and docs/cli-session.svg (the same, drawn as a terminal shows
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
            string svg = Svg(ansi);
            string txtPath = Path.Combine(Paths.RepoRoot, "docs", "cli-session.txt"), svgPath = Path.Combine(Paths.RepoRoot, "docs", "cli-session.svg");
            if (Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(txtPath, ansi);
                File.WriteAllText(svgPath, svg);
                return;
            }
            Assert.True(File.Exists(txtPath) && File.ReadAllText(txtPath) == ansi, "docs/cli-session.txt is stale: run POLICYLINT_UPDATE_DOCS=1 dotnet test --filter TerminalSessionTests");
            Assert.True(File.Exists(svgPath) && File.ReadAllText(svgPath) == svg, "docs/cli-session.svg is stale: run POLICYLINT_UPDATE_DOCS=1 dotnet test --filter TerminalSessionTests");
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

        private static readonly Regex Sgr = new Regex("\u001b\\[([0-9;]*)m", RegexOptions.CultureInvariant);

        private const double CharWidth = 7.8, LineHeight = 17, Pad = 12;

        /// <summary>The ANSI text drawn as a terminal would: SGR colours, bold and dim; lines wrapped at <see cref="Columns"/>.</summary>
        internal static string Svg(string ansi)
        {
            var rows = new List<List<(string Text, string Style)>>();
            foreach (var line in ansi.TrimEnd('\n').Split('\n'))
            {
                var row = new List<(string, string)>();
                int width = 0;
                string fill = "#d4d4d4";
                bool bold = false, dim = false;
                int at = 0;
                void Add(string text)
                {
                    foreach (char c in text.Replace("\t", "    "))
                    {
                        if (width == Columns)
                        {
                            rows.Add(row);
                            row = new List<(string, string)>();
                            width = 0;
                        }
                        string style = $"fill=\"{fill}\"" + (bold ? " font-weight=\"bold\"" : "") + (dim ? " opacity=\"0.6\"" : "");
                        if (row.Count > 0 && row[row.Count - 1].Item2 == style) row[row.Count - 1] = (row[row.Count - 1].Item1 + c, style);
                        else row.Add((c.ToString(), style));
                        width++;
                    }
                }
                foreach (Match m in Sgr.Matches(line))
                {
                    Add(line.Substring(at, m.Index - at));
                    at = m.Index + m.Length;
                    foreach (var code in m.Groups[1].Value.Split(';'))
                        switch (code)
                        {
                            case "": case "0": fill = "#d4d4d4"; bold = dim = false; break;
                            case "1": bold = true; break;
                            case "2": dim = true; break;
                            case "31": fill = "#f14c4c"; break;
                            case "32": fill = "#23d18b"; break;
                            case "33": fill = "#e5e510"; break;
                            case "36": fill = "#29b8db"; break;
                        }
                }
                Add(line.Substring(at));
                rows.Add(row);
            }

            double boxWidth = Pad * 2 + Columns * CharWidth, height = Pad * 2 + rows.Count * LineHeight;
            var svg = new StringBuilder();
            svg.Append(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{boxWidth:0.#}\" height=\"{height:0.#}\" viewBox=\"0 0 {boxWidth:0.#} {height:0.#}\">\n"));
            svg.Append("<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"#1e1e1e\"/>\n");
            svg.Append("<g font-family=\"Consolas, 'DejaVu Sans Mono', Menlo, monospace\" font-size=\"13\" xml:space=\"preserve\">\n");
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows[i].Count == 0) continue;
                svg.Append(FormattableString.Invariant($"<text x=\"{Pad}\" y=\"{Pad + (i + 1) * LineHeight - 4:0.#}\" textLength=\"{rows[i].Sum(s => s.Text.Length) * CharWidth:0.#}\">"));
                foreach (var (text, style) in rows[i]) svg.Append("<tspan ").Append(style).Append('>').Append(Escape(text)).Append("</tspan>");
                svg.Append("</text>\n");
            }
            svg.Append("</g>\n</svg>\n");
            return svg.ToString();
        }

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
