using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>Whether the symbol at a position can be renamed: the symbol (its Id's span), or why not.</summary>
    public sealed class RenameCheck
    {
        internal RenameCheck(SymbolAt? symbol, string? reason)
        {
            Symbol = symbol;
            Reason = reason;
        }

        public bool CanRename => Reason == null;
        /// <summary>The symbol under the cursor (also when it cannot be renamed); its Span is what the editor selects.</summary>
        public SymbolAt? Symbol { get; }
        /// <summary>Why it cannot be renamed, as a sentence for the user; null when it can.</summary>
        public string? Reason { get; }

        public override string ToString() => Reason ?? $"rename {Symbol}";
    }

    /// <summary>One replacement of an Id: the span is in the model's text of the file.</summary>
    public sealed class RenameEdit
    {
        public RenameEdit(string path, SourceSpan span, string newText)
        {
            Path = path;
            Span = span;
            NewText = newText;
        }

        public string Path { get; }
        public SourceSpan Span { get; }
        public string NewText { get; }

        /// <summary>As the fixes' edit (for <c>Fixer.Apply</c>).</summary>
        public FileEdit ToFileEdit() => new FileEdit(Path, Span.Span, NewText);

        public override string ToString() => $"{System.IO.Path.GetFileName(Path)}{Span} -> '{NewText}'";
    }

    /// <summary>The edits of a rename (every file, in the set's order, then by position), or the reason it was refused.</summary>
    public sealed class RenameResult
    {
        internal RenameResult(IReadOnlyList<RenameEdit> edits, string? error)
        {
            Edits = edits;
            Error = error;
        }

        public bool Succeeded => Error == null;
        public IReadOnlyList<RenameEdit> Edits { get; }
        public string? Error { get; }

        public override string ToString() => Error ?? string.Join(Environment.NewLine, Edits);
    }

    public static partial class PolicyNavigation
    {
        /// <summary>
        /// Names the service gives a meaning without any reference: renaming them would change behaviour, not a name.
        /// The error page's content definition (the service shows "api.error" on a failure).
        /// </summary>
        private static readonly HashSet<(DeclarationKind, string)> Implicit = new HashSet<(DeclarationKind, string)>(KindAndId.Comparer)
        {
            (DeclarationKind.ContentDefinition, "api.error"),
        };

        /// <summary>Characters an Id cannot hold in a policy file: quotes and markup need escaping, braces read as claim resolvers and {Settings:…} tokens.</summary>
        private static readonly char[] Forbidden = { '<', '>', '&', '"', '\'', '{', '}' };

        /// <summary>
        /// Whether the symbol at the offset can be renamed everywhere it occurs (see <see cref="References"/> for where that
        /// is). Refused: no symbol at the offset; an Id no file of the set declares (its other uses cannot be known); a
        /// declaration or use in a B2CPolicyReference file (never edited); a name the service uses implicitly
        /// ("api.error"); an occurrence written with an entity or a {Settings:…} token; a file of the set that does not parse and uses the Id or inherits from a file of the scope (it has
        /// no chain, so what it refers to cannot be known).
        /// </summary>
        public static RenameCheck PrepareRename(PolicySet set, string path, int offset)
            => Check(set, path, offset, out _);

        /// <summary>
        /// The edits that rename the symbol at the offset to <paramref name="newName"/> in every declaration and reference
        /// (each replaces the whole value). Refused as <see cref="PrepareRename"/> refuses, and for a new name that is empty,
        /// holds white space, a control character or one of &lt; &gt; &amp; " ' { }, or that some file of the scope already
        /// declares for the same kind (it would merge two declarations). A new name that differs only in case is allowed.
        /// </summary>
        public static RenameResult Rename(PolicySet set, string path, int offset, string newName)
        {
            var check = Check(set, path, offset, out var scope);
            if (!check.CanRename) return Refused(check.Reason!);
            if (InvalidName(newName) is string invalid) return Refused(invalid);
            var symbol = check.Symbol!;
            if (!string.Equals(newName, scope!.Id, StringComparison.OrdinalIgnoreCase))
                foreach (var file in scope.Files)
                    if (file.Declarations(symbol.Kind).TryGetValue(newName, out var existing))
                        return Refused($"{DeclarationKinds.DisplayName(symbol.Kind)} '{existing[0]["Id"]}' is already declared in {Describe(file, existing[0])}.");
            var edits = scope.Occurrences.Select(o => new RenameEdit(o.Path, o.Span, newName)).ToList();
            return new RenameResult(edits, null);
        }

        private static RenameResult Refused(string reason) => new RenameResult(Array.Empty<RenameEdit>(), reason);

        private static string? InvalidName(string name)
        {
            if (string.IsNullOrEmpty(name)) return "The new name is empty.";
            foreach (char c in name)
            {
                if (char.IsWhiteSpace(c)) return "The new name holds white space, which an Id cannot hold.";
                if (char.IsControl(c)) return "The new name holds a control character.";
                if (Array.IndexOf(Forbidden, c) >= 0) return $"The new name holds '{c}', which an Id cannot hold.";
            }
            return null;
        }

        private static RenameCheck Check(PolicySet set, string path, int offset, out SymbolScope? scope)
        {
            scope = null;
            if (FileOf(set, path) is not PolicyFile file || SymbolIndex.Of(set).At(file, offset) is not SymbolAt symbol)
                return new RenameCheck(null, "There is no declared name here to rename.");
            string kind = DeclarationKinds.DisplayName(symbol.Kind);
            if (Implicit.Contains((symbol.Kind, symbol.Id)))
                return new RenameCheck(symbol, $"{kind} '{symbol.Id}' is used by the service without a reference; renaming it would change what the service does.");
            scope = SymbolScope.Of(set, file, symbol);
            if (scope.Declaring.Count == 0)
                return new RenameCheck(symbol, $"{kind} '{symbol.Id}' is not declared in any policy of the set, so its other uses cannot be known.");
            foreach (var declaring in scope.Declaring)
                if (declaring.IsReference)
                    return new RenameCheck(symbol, $"{kind} '{symbol.Id}' is declared in {Path.GetFileName(declaring.FilePath)}, a B2CPolicyReference that PolicyLint does not edit.");
            foreach (var occurrence in scope.Occurrences)
            {
                var owner = FileOf(set, occurrence.Path)!;
                if (owner.IsReference)
                    return new RenameCheck(symbol, $"{kind} '{symbol.Id}' is used in {Path.GetFileName(owner.FilePath)}, a B2CPolicyReference that PolicyLint does not edit.");
                // The source spells the value otherwise (an entity, a {Settings:…} token): replacing it would lose that.
                if (occurrence.Span.Span.Length != occurrence.Id.Length)
                    return new RenameCheck(symbol, $"'{occurrence.Id}' is written with an entity or a settings token in {Describe(owner, occurrence.Node)}; rename it by hand.");
            }
            // A file that does not parse has no chain, so the scope cannot hold it; it may still use the Id (its tree holds
            // what was read before the error) or inherit from a file of the scope, and a rename would leave it behind.
            var index = SymbolIndex.Of(set);
            foreach (var broken in set.Files.Where(f => !f.Document.IsWellFormed))
                if (index.Of(broken, symbol.Kind, symbol.Id).Any()
                    || (broken.BasePolicyId is string baseId && set.FindPolicy(baseId) is PolicyFile inherited && scope.Files.Contains(inherited)))
                    return new RenameCheck(symbol, $"{Path.GetFileName(broken.FilePath)} is not well-formed XML and may use '{symbol.Id}'; fix it before renaming.");
            return new RenameCheck(symbol, null);
        }

        /// <summary>"TrustFrameworkBase.xml line 12".</summary>
        internal static string Describe(PolicyFile file, PolicyNode node)
            => $"{Path.GetFileName(file.FilePath)} line {node.StartTag.Start.Line + 1}";
    }
}
