using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace PolicyLint.Tests.Infrastructure
{
    /// <summary>
    /// An expected diagnostic written in a fixture as an XML comment:
    /// <c>&lt;!-- expect: PL2001@34 --&gt;</c> (this line, column 34) or
    /// <c>&lt;!-- expect: PL2001@12:34 "Did you mean 'email'" --&gt;</c> (line 12, column 34, message contains the text),
    /// optionally with the severity of the case: <c>&lt;!-- expect: PL5002@34 warning --&gt;</c>.
    /// </summary>
    public sealed record Expectation(string File, int Line, int Column, string Id, string? MessagePart, string? Severity = null)
    {
        private static readonly Regex Pattern = new Regex(
            @"<!--\s*expect:\s*(?<id>PL\d{4})@(?:(?<line>\d+):)?(?<col>\d+)(?:\s+(?<severity>error|warning|suggestion))?(?:\s+""(?<msg>[^""]*)"")?\s*-->",
            RegexOptions.Compiled);

        public static List<Expectation> Read(string path, string displayName)
        {
            var result = new List<Expectation>();
            var lines = System.IO.File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Pattern.Matches(lines[i]))
                {
                    int line = m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : i + 1;
                    result.Add(new Expectation(displayName, line, int.Parse(m.Groups["col"].Value), m.Groups["id"].Value,
                        m.Groups["msg"].Success ? m.Groups["msg"].Value : null, m.Groups["severity"].Success ? m.Groups["severity"].Value : null));
                }
                if (lines[i].Contains("expect:", StringComparison.Ordinal) && !Pattern.IsMatch(lines[i]))
                    throw new FormatException($"{displayName}({i + 1}): malformed expect comment; use <!-- expect: PLnnnn@col --> or <!-- expect: PLnnnn@line:col warning \"message part\" -->");
            }
            return result;
        }

        public override string ToString() => $"{File}({Line},{Column}): {Id}" + (Severity == null ? "" : " " + Severity) + (MessagePart == null ? "" : $" \"{MessagePart}\"");
    }
}
