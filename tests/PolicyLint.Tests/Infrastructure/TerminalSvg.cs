using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace PolicyLint.Tests.Infrastructure
{
    /// <summary>
    /// ANSI text drawn as an SVG the way a terminal shows it, for the captured sessions in docs/: SGR colours (the 16
    /// colours, 256 colours and RGB, foreground and background), bold, dim, underline and reverse, carried from line to
    /// line as a terminal carries them; lines wrapped at a given width.
    /// </summary>
    public static class TerminalSvg
    {
        private const string Foreground = "#d4d4d4", Background = "#1e1e1e";
        private const double CharWidth = 7.8, LineHeight = 17, Pad = 12;

        // VS Code's dark terminal colours, with its bright red, green and cyan for the normal ones (as the CLI session was drawn).
        private static readonly string[] Palette =
        {
            "#000000", "#f14c4c", "#23d18b", "#e5e510", "#2472c8", "#bc3fbc", "#29b8db", "#e5e5e5",
            "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#e5e5e5",
        };

        private static readonly Regex Sgr = new Regex("\u001b\\[([0-9;:]*)m", RegexOptions.CultureInvariant);

        private sealed class Pen
        {
            public string? Fill, Back;
            public bool Bold, Dim, Underline, Reverse;

            public void Reset()
            {
                Fill = Back = null;
                Bold = Dim = Underline = Reverse = false;
            }

            public string Style => $"fill=\"{(Reverse ? Back ?? Background : Fill ?? Foreground)}\"" + (Bold ? " font-weight=\"bold\"" : "")
                + (Dim ? " opacity=\"0.6\"" : "") + (Underline ? " text-decoration=\"underline\"" : "");

            public string? Box => Reverse ? Fill ?? Foreground : Back;
        }

        private sealed class Cell
        {
            public string Text = "";
            public string Style = "";
            public string? Box;
        }

        /// <summary>
        /// docs/&lt;name&gt;.txt holds the session's raw ANSI and docs/&lt;name&gt;.svg its drawing: the test fails when either
        /// is stale, and POLICYLINT_UPDATE_DOCS=1 rewrites both.
        /// </summary>
        public static void AssertCurrent(string name, string ansi, int columns, string project, string test)
        {
            string txtPath = Path.Combine(Paths.RepoRoot, "docs", name + ".txt"), svgPath = Path.Combine(Paths.RepoRoot, "docs", name + ".svg");
            string svg = Render(ansi, columns);
            if (Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(txtPath, ansi);
                File.WriteAllText(svgPath, svg);
                return;
            }
            string renew = $"run POLICYLINT_UPDATE_DOCS=1 dotnet test {project} --filter {test}";
            Assert.True(File.Exists(txtPath) && File.ReadAllText(txtPath) == ansi, $"docs/{name}.txt is stale: {renew}\n{ansi}");
            Assert.True(File.Exists(svgPath) && File.ReadAllText(svgPath) == svg, $"docs/{name}.svg is stale: {renew}");
        }

        public static string Render(string ansi, int columns)
        {
            var rows = new List<List<Cell>>();
            var pen = new Pen();
            foreach (var line in ansi.TrimEnd('\n').Split('\n'))
            {
                var row = new List<Cell>();
                int width = 0, at = 0;
                void Add(string text)
                {
                    foreach (char c in text.Replace("\t", "    "))
                    {
                        if (width == columns)
                        {
                            rows.Add(row);
                            row = new List<Cell>();
                            width = 0;
                        }
                        string style = pen.Style;
                        string? box = pen.Box;
                        var last = row.Count > 0 ? row[row.Count - 1] : null;
                        if (last != null && last.Style == style && last.Box == box) last.Text += c;
                        else row.Add(new Cell { Text = c.ToString(), Style = style, Box = box });
                        width++;
                    }
                }
                foreach (Match m in Sgr.Matches(line))
                {
                    Add(line.Substring(at, m.Index - at));
                    at = m.Index + m.Length;
                    Apply(pen, m.Groups[1].Value.Split(';'));
                }
                Add(line.Substring(at));
                rows.Add(row);
            }

            double boxWidth = Pad * 2 + columns * CharWidth, height = Pad * 2 + rows.Count * LineHeight;
            var svg = new StringBuilder();
            svg.Append(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{boxWidth:0.#}\" height=\"{height:0.#}\" viewBox=\"0 0 {boxWidth:0.#} {height:0.#}\">\n"));
            svg.Append($"<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"{Background}\"/>\n");
            for (int i = 0; i < rows.Count; i++)
            {
                int column = 0;
                foreach (var cell in rows[i])
                {
                    if (cell.Box != null)
                        svg.Append(FormattableString.Invariant($"<rect x=\"{Pad + column * CharWidth:0.#}\" y=\"{Pad + i * LineHeight:0.#}\" width=\"{cell.Text.Length * CharWidth:0.#}\" height=\"{LineHeight:0.#}\" fill=\"{cell.Box}\"/>\n"));
                    column += cell.Text.Length;
                }
            }
            svg.Append("<g font-family=\"Consolas, 'DejaVu Sans Mono', Menlo, monospace\" font-size=\"13\" xml:space=\"preserve\">\n");
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows[i].Count == 0) continue;
                svg.Append(FormattableString.Invariant($"<text x=\"{Pad}\" y=\"{Pad + (i + 1) * LineHeight - 4:0.#}\" textLength=\"{rows[i].Sum(s => s.Text.Length) * CharWidth:0.#}\">"));
                foreach (var cell in rows[i]) svg.Append("<tspan ").Append(cell.Style).Append('>').Append(Escape(cell.Text)).Append("</tspan>");
                svg.Append("</text>\n");
            }
            svg.Append("</g>\n</svg>\n");
            return svg.ToString();
        }

        private static void Apply(Pen pen, string[] codes)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                int code = codes[i] == "" ? 0 : int.TryParse(codes[i].Split(':')[0], out var n) ? n : -1;
                switch (code)
                {
                    case 0: pen.Reset(); break;
                    case 1: pen.Bold = true; break;
                    case 2: pen.Dim = true; break;
                    case 4: pen.Underline = true; break;
                    case 7: pen.Reverse = true; break;
                    case 22: pen.Bold = pen.Dim = false; break;
                    case 24: pen.Underline = false; break;
                    case 27: pen.Reverse = false; break;
                    case >= 30 and <= 37: pen.Fill = Palette[code - 30]; break;
                    case 39: pen.Fill = null; break;
                    case >= 40 and <= 47: pen.Back = Palette[code - 40]; break;
                    case 49: pen.Back = null; break;
                    case >= 90 and <= 97: pen.Fill = Palette[code - 90 + 8]; break;
                    case >= 100 and <= 107: pen.Back = Palette[code - 100 + 8]; break;
                    case 38: case 48: case 58:
                        // 38;5;n or 38;2;r;g;b (and 48 for the background; 58, the underline's colour, is read and dropped).
                        string? colour = null;
                        if (i + 2 < codes.Length && codes[i + 1] == "5") { colour = Indexed(int.Parse(codes[i + 2])); i += 2; }
                        else if (i + 4 < codes.Length && codes[i + 1] == "2") { colour = Rgb(int.Parse(codes[i + 2]), int.Parse(codes[i + 3]), int.Parse(codes[i + 4])); i += 4; }
                        if (code == 38) pen.Fill = colour;
                        else if (code == 48) pen.Back = colour;
                        break;
                }
            }
        }

        /// <summary>xterm's 256 colours: the 16, a 6×6×6 cube, 24 greys.</summary>
        private static string Indexed(int n)
        {
            if (n < 16) return Palette[n];
            if (n >= 232) return Rgb(8 + 10 * (n - 232), 8 + 10 * (n - 232), 8 + 10 * (n - 232));
            int[] level = { 0, 95, 135, 175, 215, 255 };
            n -= 16;
            return Rgb(level[n / 36], level[n / 6 % 6], level[n % 6]);
        }

        private static string Rgb(int r, int g, int b) => FormattableString.Invariant($"#{r:x2}{g:x2}{b:x2}");

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
