using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>One value to offer: what to insert, what it is, where it is declared, and the span of the text it replaces.</summary>
    public sealed class CompletionCandidate
    {
        internal CompletionCandidate(string label, DeclarationKind? kind, string detail, SourceSpan replaceSpan)
        {
            Label = label;
            Kind = kind;
            Detail = detail;
            ReplaceSpan = replaceSpan;
        }

        /// <summary>The Id, as declared (also the text to insert).</summary>
        public string Label { get; }
        /// <summary>The declaration kind; null for a policy key (B2CPolicyKey).</summary>
        public DeclarationKind? Kind { get; }
        /// <summary>"ClaimType (string) in TrustFrameworkBase.xml line 12", "policy key".</summary>
        public string Detail { get; }
        /// <summary>The value being typed, in the text given to <see cref="PolicyNavigation.Complete"/>: the whole value between the quotes (or the element's text word).</summary>
        public SourceSpan ReplaceSpan { get; }

        public override string ToString() => $"{Label} ({Detail})";
    }

    public static partial class PolicyNavigation
    {
        /// <summary>Attributes whose value names a declaration (every attribute site of ReferenceSites, with the key references).</summary>
        internal static readonly IReadOnlyDictionary<(string Element, string Attribute), DeclarationKind> ReferenceAttributes = new Dictionary<(string, string), DeclarationKind>
        {
            [("InputClaim", "ClaimTypeReferenceId")] = DeclarationKind.ClaimType,
            [("OutputClaim", "ClaimTypeReferenceId")] = DeclarationKind.ClaimType,
            [("PersistedClaim", "ClaimTypeReferenceId")] = DeclarationKind.ClaimType,
            [("DisplayClaim", "ClaimTypeReferenceId")] = DeclarationKind.ClaimType,
            [("ClaimsExchange", "TechnicalProfileReferenceId")] = DeclarationKind.TechnicalProfile,
            [("ValidationTechnicalProfile", "ReferenceId")] = DeclarationKind.TechnicalProfile,
            [("IncludeTechnicalProfile", "ReferenceId")] = DeclarationKind.TechnicalProfile,
            [("UseTechnicalProfileForSessionManagement", "ReferenceId")] = DeclarationKind.TechnicalProfile,
            [("OrchestrationStep", "CpimIssuerTechnicalProfileReferenceId")] = DeclarationKind.TechnicalProfile,
            [("UserJourney", "DefaultCpimIssuerTechnicalProfileReferenceId")] = DeclarationKind.TechnicalProfile,
            [("AuthorizationTechnicalProfile", "ReferenceId")] = DeclarationKind.TechnicalProfile,
            [("ValidationClaimsExchangeTechnicalProfile", "TechnicalProfileReferenceId")] = DeclarationKind.TechnicalProfile,
            [("InputClaimsTransformation", "ReferenceId")] = DeclarationKind.ClaimsTransformation,
            [("OutputClaimsTransformation", "ReferenceId")] = DeclarationKind.ClaimsTransformation,
            [("OrchestrationStep", "ContentDefinitionReferenceId")] = DeclarationKind.ContentDefinition,
            [("DefaultUserJourney", "ReferenceId")] = DeclarationKind.UserJourney,
            [("Endpoint", "UserJourneyReferenceId")] = DeclarationKind.UserJourney,
            [("Candidate", "SubJourneyReferenceId")] = DeclarationKind.SubJourney,
            [("PredicateReference", "Id")] = DeclarationKind.Predicate,
            [("PredicateValidationReference", "Id")] = DeclarationKind.PredicateValidation,
            [("InputValidationReference", "Id")] = DeclarationKind.InputValidation,
            [("DisplayClaim", "DisplayControlReferenceId")] = DeclarationKind.DisplayControl,
            [("LocalizedResourcesReference", "LocalizedResourcesReferenceId")] = DeclarationKind.LocalizedResources,
            [("ClientDefinition", "ReferenceId")] = DeclarationKind.ClientDefinition,
        };

        /// <summary>LocalizedString/LocalizedCollection ElementId names a declaration for these ElementTypes.</summary>
        private static readonly Dictionary<string, DeclarationKind> LocalizedElementTypes = new Dictionary<string, DeclarationKind>(StringComparer.Ordinal)
        {
            ["ClaimType"] = DeclarationKind.ClaimType,
            ["Predicate"] = DeclarationKind.Predicate,
            ["PredicateValidation"] = DeclarationKind.PredicateValidation,
            ["DisplayControl"] = DeclarationKind.DisplayControl,
        };

        /// <summary>Technical-profile metadata items whose text names a declaration.</summary>
        private static readonly Dictionary<string, DeclarationKind> ReferenceMetadata = new Dictionary<string, DeclarationKind>(StringComparer.Ordinal)
        {
            [Catalogs.MetadataKeys.ContentDefinitionReferenceId] = DeclarationKind.ContentDefinition,
            ["ClaimTypeOnWhichToEnable"] = DeclarationKind.ClaimType,
        };

        /// <summary>
        /// The values that fit where the cursor is, read from <paramref name="text"/> (the editor's text, which may be
        /// mid-edit and not well-formed: the element and attribute are found by scanning back from the offset, not from the
        /// model). Offered: inside a reference attribute's value (ClaimTypeReferenceId, ReferenceId of
        /// IncludeTechnicalProfile, ValidationTechnicalProfile, InputClaimsTransformation…, TechnicalProfileReferenceId,
        /// ContentDefinitionReferenceId, DisplayControlReferenceId, LocalizedResourcesReferenceId, SubJourneyReferenceId,
        /// LocalizedString ElementId by its ElementType, a Key's StorageReferenceId when <paramref name="policyKeys"/> is
        /// given), and in the text of a metadata Item keyed ContentDefinitionReferenceId or ClaimTypeOnWhichToEnable and of
        /// a Precondition's first Value (a claim). The Ids are those declared along the chain of the file at
        /// <paramref name="path"/> in the set (its last good model), each once, named as its nearest declaration names it,
        /// sorted ignoring case; the client filters them by what is typed. Empty anywhere else.
        /// </summary>
        public static IReadOnlyList<CompletionCandidate> Complete(PolicySet set, string path, string text, int offset, ISet<string>? policyKeys)
        {
            offset = Math.Max(0, Math.Min(offset, text.Length));
            if (CompletionContext.At(text, offset) is not CompletionContext context) return Array.Empty<CompletionCandidate>();
            var replace = TextSpanIn(text, context.ValueStart, context.ValueEnd);
            if (context.IsPolicyKey)
                return policyKeys == null ? Array.Empty<CompletionCandidate>()
                    : policyKeys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).Select(k => new CompletionCandidate(k, null, "policy key", replace)).ToList();
            if (context.Kind is not DeclarationKind kind || FileOf(set, path) is not PolicyFile file) return Array.Empty<CompletionCandidate>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = new List<CompletionCandidate>();
            foreach (var policy in set.ChainOf(file).Policies)
                foreach (var pair in policy.Declarations(kind))
                    if (seen.Add(pair.Key))
                        result.Add(new CompletionCandidate(pair.Value[0]["Id"] ?? pair.Key, kind, DetailOf(kind, policy, pair.Value[0]), replace));
            result.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Label, b.Label) is int c && c != 0 ? c : string.CompareOrdinal(a.Label, b.Label));
            return result;
        }

        private static string DetailOf(DeclarationKind kind, PolicyFile policy, PolicyNode declaration)
        {
            string what = DeclarationKinds.DisplayName(kind);
            if (kind == DeclarationKind.ClaimType && declaration.ChildText("DataType") is string dataType) what += $" ({dataType})";
            return $"{what} in {Path.GetFileName(policy.FilePath)} line {declaration.StartTag.Start.Line + 1}";
        }

        /// <summary>A span of a text that has no model: its line positions counted here (\r\n, \r and \n end a line, as the model counts).</summary>
        internal static SourceSpan TextSpanIn(string text, int start, int end)
        {
            var startPosition = PositionIn(text, start);
            int line = startPosition.Line, character = startPosition.Character;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) { line++; character = 0; }
                else if (c != '\r') character++;
            }
            return new SourceSpan(TextSpan.FromBounds(start, end), new LinePositionSpan(startPosition, new LinePosition(line, character)));
        }

        private static LinePosition PositionIn(string text, int offset)
        {
            int line = 0, lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new LinePosition(line, offset - lineStart);
        }

        /// <summary>Where the cursor is in raw text: the value being typed and what it names.</summary>
        private sealed class CompletionContext
        {
            public int ValueStart, ValueEnd;
            public DeclarationKind? Kind;
            public bool IsPolicyKey;

            public static CompletionContext? At(string text, int offset)
            {
                int tagStart = offset == 0 ? -1 : text.LastIndexOf('<', offset - 1);
                if (tagStart < 0 || tagStart + 1 >= text.Length) return null;
                int tagEnd = text.LastIndexOf('>', offset - 1);
                return tagEnd > tagStart ? InText(text, offset, tagStart, tagEnd) : InTag(text, offset, tagStart);
            }

            /// <summary>Inside a start tag: which attribute's value holds the cursor, if any.</summary>
            private static CompletionContext? InTag(string text, int offset, int tagStart)
            {
                string element = NameAt(text, tagStart + 1, out int i);
                if (element.Length == 0) return null;
                string? attribute = null;
                while (i < offset)
                {
                    char c = text[i];
                    if (char.IsWhiteSpace(c) || c == '=') { i++; continue; }
                    if (c == '"' || c == '\'')
                    {
                        int close = text.IndexOf(c, i + 1);
                        if (close >= 0 && close < offset) { i = close + 1; attribute = null; continue; }
                        // The cursor is inside this value.
                        var context = ForAttribute(text, tagStart, element, attribute);
                        if (context == null) return null;
                        context.ValueStart = i + 1;
                        context.ValueEnd = WordEnd(text, offset, c);
                        return context;
                    }
                    attribute = NameAt(text, i, out int next);
                    if (next == i) i++;
                    else i = next;
                }
                return null;
            }

            /// <summary>In an element's text: a metadata item's or a precondition's first Value.</summary>
            private static CompletionContext? InText(string text, int offset, int tagStart, int tagEnd)
            {
                if (text[tagEnd - 1] == '/') return null;
                string element = NameAt(text, tagStart + 1, out _);
                DeclarationKind? kind = null;
                if (element == "Item" && AttributeIn(text, tagStart, "Key") is string key && ReferenceMetadata.TryGetValue(key, out var named)) kind = named;
                else if (element == "Value" && IsFirstPreconditionValue(text, tagStart)) kind = DeclarationKind.ClaimType;
                if (kind == null) return null;
                int start = offset;
                while (start > tagEnd + 1 && !char.IsWhiteSpace(text[start - 1])) start--;
                return new CompletionContext { Kind = kind, ValueStart = start, ValueEnd = WordEnd(text, offset, '<') };
            }

            private static CompletionContext? ForAttribute(string text, int tagStart, string element, string? attribute)
            {
                if (attribute == null) return null;
                if (element == "Key" && attribute == "StorageReferenceId") return new CompletionContext { IsPolicyKey = true };
                if ((element == "LocalizedString" || element == "LocalizedCollection") && attribute == "ElementId")
                    return AttributeIn(text, tagStart, "ElementType") is string type && LocalizedElementTypes.TryGetValue(type, out var localized)
                        ? new CompletionContext { Kind = localized } : null;
                return ReferenceAttributes.TryGetValue((element, attribute), out var kind) ? new CompletionContext { Kind = kind } : null;
            }

            /// <summary>Where the value being typed ends: at its closing quote, or (unclosed) at white space or markup.</summary>
            private static int WordEnd(string text, int offset, char quote)
            {
                int end = offset;
                while (end < text.Length && text[end] != quote && text[end] != '<' && text[end] != '>' && !char.IsWhiteSpace(text[end])) end++;
                return end;
            }

            /// <summary>An XML name at <paramref name="start"/>, without its prefix; <paramref name="end"/> is just past it.</summary>
            private static string NameAt(string text, int start, out int end)
            {
                end = start;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '-' || text[end] == '.' || text[end] == ':')) end++;
                string name = text.Substring(start, end - start);
                int colon = name.LastIndexOf(':');
                return colon >= 0 ? name.Substring(colon + 1) : name;
            }

            /// <summary>An attribute's value in the tag that starts at <paramref name="tagStart"/> (up to its '&gt;' or the next '&lt;').</summary>
            private static string? AttributeIn(string text, int tagStart, string name)
            {
                int end = text.IndexOfAny(new[] { '<', '>' }, tagStart + 1);
                if (end < 0) end = text.Length;
                int i = tagStart + 1;
                while ((i = text.IndexOf(name, i, end - i, StringComparison.Ordinal)) >= 0)
                {
                    int after = i + name.Length;
                    bool starts = char.IsWhiteSpace(text[i - 1]);
                    while (after < end && char.IsWhiteSpace(text[after])) after++;
                    if (starts && after < end && text[after] == '=')
                    {
                        after++;
                        while (after < end && char.IsWhiteSpace(text[after])) after++;
                        if (after < end && (text[after] == '"' || text[after] == '\''))
                        {
                            int close = text.IndexOf(text[after], after + 1);
                            if (close >= 0 && close < end) return text.Substring(after + 1, close - after - 1);
                        }
                    }
                    i += name.Length;
                }
                return null;
            }

            private static bool IsNameEnd(string text, int at) => at >= text.Length || char.IsWhiteSpace(text[at]) || text[at] == '>' || text[at] == '/';

            /// <summary>The Value starting at <paramref name="tagStart"/> is its Precondition's first (the claim; the second is a literal).</summary>
            private static bool IsFirstPreconditionValue(string text, int tagStart)
            {
                int precondition = tagStart;
                do precondition = text.LastIndexOf("<Precondition", precondition - 1, StringComparison.Ordinal);
                while (precondition > 0 && !IsNameEnd(text, precondition + "<Precondition".Length));
                if (precondition < 0 || text.LastIndexOf("</Precondition", tagStart, StringComparison.Ordinal) > precondition) return false;
                return text.IndexOf("<Value", precondition, tagStart - precondition, StringComparison.Ordinal) < 0;
            }
        }
    }
}
