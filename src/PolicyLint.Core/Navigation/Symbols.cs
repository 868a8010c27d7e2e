using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>Whether a symbol occurrence declares its Id (the Id attribute of a declaration) or names it (a reference value).</summary>
    public enum SymbolRole
    {
        Declaration,
        Reference,
    }

    /// <summary>An occurrence of a declared name: a declaration's Id value or a reference value, in a file.</summary>
    public class SymbolLocation
    {
        public SymbolLocation(string path, SourceSpan span, DeclarationKind kind, string id, SymbolRole role)
        {
            Path = path;
            Span = span;
            Kind = kind;
            Id = id;
            Role = role;
        }

        public string Path { get; }
        /// <summary>The Id between the quotes (an attribute value) or the element's trimmed text (a metadata item, a precondition value).</summary>
        public SourceSpan Span { get; }
        public DeclarationKind Kind { get; }
        /// <summary>The Id as written at this place (its case may differ from the declaration's).</summary>
        public string Id { get; }
        public SymbolRole Role { get; }

        public override string ToString() => $"{System.IO.Path.GetFileName(Path)}{Span} {Role} {Kind} '{Id}'";
    }

    /// <summary>The symbol under a cursor, with the place it was read from.</summary>
    public sealed class SymbolAt : SymbolLocation
    {
        internal SymbolAt(string path, SourceSpan span, DeclarationKind kind, string id, SymbolRole role, string site, PolicyNode node)
            : base(path, span, kind, id, role)
        {
            Site = site;
            Node = node;
        }

        /// <summary>What holds it: "ClaimType Id" for a declaration, the reference site ("OutputClaim ClaimTypeReferenceId") for a reference.</summary>
        public string Site { get; }
        /// <summary>The element that holds the value.</summary>
        public PolicyNode Node { get; }
    }
}
