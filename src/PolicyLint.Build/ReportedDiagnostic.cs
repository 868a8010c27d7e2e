using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PolicyLint.Build
{
    /// <summary>
    /// A diagnostic as the build logs it, kept in obj/ so that a build with nothing changed re-reports the last
    /// analysis without loading the analyzer (or the compiler assemblies it uses). No Roslyn type appears here.
    /// </summary>
    internal sealed class ReportedDiagnostic
    {
        public string Severity = "";   // error | warning | info
        public string Id = "";
        public string HelpLink = "";
        public string File = "";
        public int Line, Column, EndLine, EndColumn;
        public string Message = "";

        /// <summary>
        /// Logs with MSBuild's full form, so consoles and IDEs show file(line,col,endLine,endCol). Through the build
        /// engine rather than a TaskLoggingHelper: the report task then needs only Microsoft.Build.Framework, which
        /// MSBuild has loaded already. Returns whether it was an error.
        /// </summary>
        public bool LogTo(Microsoft.Build.Framework.IBuildEngine engine, string sender)
        {
            var now = DateTime.UtcNow;
            switch (Severity)
            {
                case Common.Severities.Error:
                    engine.LogErrorEvent(new Microsoft.Build.Framework.BuildErrorEventArgs(null, Id, File, Line, Column, EndLine, EndColumn, Message, null, sender, HelpLink, now));
                    return true;
                case Common.Severities.Warning:
                    engine.LogWarningEvent(new Microsoft.Build.Framework.BuildWarningEventArgs(null, Id, File, Line, Column, EndLine, EndColumn, Message, null, sender, HelpLink, now));
                    return false;
                default:
                    engine.LogMessageEvent(new Microsoft.Build.Framework.BuildMessageEventArgs(null, Id, File, Line, Column, EndLine, EndColumn, Message, null, sender, Microsoft.Build.Framework.MessageImportance.Normal, now));
                    return false;
            }
        }

        public static void WriteAll(string path, IEnumerable<ReportedDiagnostic> diagnostics)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var sb = new StringBuilder();
            foreach (var d in diagnostics)
                sb.Append(string.Join("\t", d.Severity, d.Id, Escape(d.HelpLink), Escape(d.File), d.Line, d.Column, d.EndLine, d.EndColumn, Escape(d.Message))).Append('\n');
            System.IO.File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        }

        public static List<ReportedDiagnostic> ReadAll(string path)
        {
            var result = new List<ReportedDiagnostic>();
            if (!System.IO.File.Exists(path)) return result;
            foreach (var line in System.IO.File.ReadAllLines(path, Encoding.UTF8))
            {
                var f = line.Split('\t');
                if (f.Length != 9) continue;
                result.Add(new ReportedDiagnostic
                {
                    Severity = f[0], Id = f[1], HelpLink = Unescape(f[2]), File = Unescape(f[3]),
                    Line = int.Parse(f[4]), Column = int.Parse(f[5]), EndLine = int.Parse(f[6]), EndColumn = int.Parse(f[7]),
                    Message = Unescape(f[8]),
                });
            }
            return result;
        }

        private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

        private static string Unescape(string s)
        {
            if (s.IndexOf('\\') < 0) return s;
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
                char c = s[++i];
                sb.Append(c == 't' ? '\t' : c == 'r' ? '\r' : c == 'n' ? '\n' : c);
            }
            return sb.ToString();
        }
    }
}
