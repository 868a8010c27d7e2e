namespace PolicyLint.Reporting
{
    /// <summary>
    /// A finding as every writer prints it: severity name, id, help link, file, 1-based span and message, as plain values.
    /// Made once from a Diagnostic (<see cref="CanonicalFormat.ToFinding"/>); no Roslyn type appears here.
    /// </summary>
    public sealed class Finding
    {
        public Finding(string severity, string id, string helpLink, string file, int line, int column, int endLine, int endColumn, string message)
        {
            Severity = severity;
            Id = id;
            HelpLink = helpLink;
            File = file;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Message = message;
        }

        /// <summary>error, warning or info (<see cref="Common.Severities.Name"/>).</summary>
        public string Severity { get; }
        public string Id { get; }
        public string HelpLink { get; }
        public string File { get; }
        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }
        public string Message { get; }
    }
}
