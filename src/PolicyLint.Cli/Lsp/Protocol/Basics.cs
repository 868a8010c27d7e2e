using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

// The Language Server Protocol's types that `policylint lsp` uses (LSP 3.17), nothing more. Property names are the
// protocol's in camelCase (the server's serializer names them so); null properties are left out.
namespace PolicyLint.Cli.Lsp.Protocol
{
    /// <summary>Zero-based line and UTF-16 character, as Roslyn's LinePosition.</summary>
    public sealed class Position
    {
        public Position() { }
        public Position(int line, int character)
        {
            Line = line;
            Character = character;
        }

        public int Line { get; set; }
        public int Character { get; set; }
    }

    public sealed class Range
    {
        public Range() { }
        public Range(Position start, Position end)
        {
            Start = start;
            End = end;
        }

        public Position Start { get; set; } = new Position();
        public Position End { get; set; } = new Position();
    }

    public sealed class Location
    {
        public string Uri { get; set; } = "";
        public Range Range { get; set; } = new Range();
    }

    public sealed class TextDocumentIdentifier
    {
        public string Uri { get; set; } = "";
    }

    public sealed class VersionedTextDocumentIdentifier
    {
        public string Uri { get; set; } = "";
        /// <summary>Null in a WorkspaceEdit for a file the client has not opened.</summary>
        public int? Version { get; set; }
    }

    public sealed class TextDocumentItem
    {
        public string Uri { get; set; } = "";
        public string LanguageId { get; set; } = "";
        public int Version { get; set; }
        public string Text { get; set; } = "";
    }

    public class TextDocumentPositionParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
        public Position Position { get; set; } = new Position();
    }

    public sealed class TextEdit
    {
        public Range Range { get; set; } = new Range();
        public string NewText { get; set; } = "";
    }

    /// <summary>Either `changes` (uri → edits) or `documentChanges` (TextDocumentEdit and CreateFile, in order).</summary>
    public sealed class WorkspaceEdit
    {
        public Dictionary<string, List<TextEdit>>? Changes { get; set; }
        public List<object>? DocumentChanges { get; set; }
    }

    public sealed class TextDocumentEdit
    {
        public VersionedTextDocumentIdentifier TextDocument { get; set; } = new VersionedTextDocumentIdentifier();
        public List<TextEdit> Edits { get; set; } = new List<TextEdit>();
    }

    public sealed class CreateFile
    {
        public string Kind { get; set; } = "create";
        public string Uri { get; set; } = "";
    }

    public sealed class MarkupContent
    {
        public string Kind { get; set; } = "markdown";
        public string Value { get; set; } = "";
    }

    /// <summary>window/logMessage and window/showMessage.</summary>
    public sealed class MessageParams
    {
        public const int Error = 1, Warning = 2, Info = 3, Log = 4;
        public int Type { get; set; }
        public string Message { get; set; } = "";
    }

    /// <summary>What the server reads of the client's capabilities: it is kept as JSON and asked by path.</summary>
    public static class Capabilities
    {
        public static bool Has(JToken? capabilities, string path)
            => capabilities?.SelectToken(path) is JValue value && value.Type == JTokenType.Boolean && (bool)value.Value!;

        public static bool Lists(JToken? capabilities, string path, string item)
            => capabilities?.SelectToken(path) is JArray array && array.Values<string>().Contains(item);
    }
}
