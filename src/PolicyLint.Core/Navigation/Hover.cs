using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Navigation
{
    /// <summary>A hover's text (markdown) and the span it is about.</summary>
    public sealed class HoverInfo
    {
        internal HoverInfo(string markdown, SourceSpan span)
        {
            Markdown = markdown;
            Span = span;
        }

        public string Markdown { get; }
        public SourceSpan Span { get; }

        public override string ToString() => Markdown;
    }

    public static partial class PolicyNavigation
    {
        /// <summary>
        /// What the symbol at the offset is, for a reference or a declaration: a title line ("**TechnicalProfile**
        /// `AAD-Common`"), then where it is declared (each declaration along the chain, nearest first, file and line, the
        /// one in the hovered file marked "(here)"), then what the merge along the chain gives: a claim's DataType,
        /// DisplayName and UserInputType; a technical profile's protocol, handler, DisplayName, the files that contribute
        /// and the profiles it includes; a claims transformation's method; a content definition's LoadUri and DataUri;
        /// a journey's number of steps. An Id declared nowhere says so and where it was looked for. Null when there is no
        /// symbol at the offset.
        /// </summary>
        public static HoverInfo? Hover(PolicySet set, string path, int offset)
        {
            if (FileOf(set, path) is not PolicyFile file || SymbolIndex.Of(set).At(file, offset) is not SymbolAt symbol) return null;
            var text = new StringBuilder();
            text.Append("**").Append(DeclarationKinds.DisplayName(symbol.Kind)).Append("** `").Append(symbol.Id).Append('`');
            var declarations = DeclarationsSeenFrom(set, file, symbol.Kind, symbol.Id);
            if (declarations.Count == 0)
            {
                text.Append("\n\nNot declared in ").Append(set.ChainOf(file).Describe()).Append('.');
                return new HoverInfo(text.ToString(), symbol.Span);
            }
            text.Append("\n\nDeclared in ");
            text.Append(string.Join(", ", declarations.Select(d => $"`{Path.GetFileName(d.File.FilePath)}` line {d.Node.StartTag.Start.Line + 1}"
                + (ReferenceEquals(d.File, file) && symbol.Role == SymbolRole.Declaration && d.Node.Equals(symbol.Node) ? " (here)" : ""))));
            text.Append('.');
            // The merge is the one of the chain that holds the nearest declaration (a base's reference may resolve in a policy inheriting it).
            var chain = ChainHolding(set, file, declarations[0].File);
            var details = symbol.Kind switch
            {
                DeclarationKind.ClaimType => ClaimDetails(chain.All(symbol.Kind, symbol.Id)),
                DeclarationKind.TechnicalProfile => ProfileDetails(set.ScopeOf(chain).TechnicalProfile(symbol.Id)),
                DeclarationKind.ClaimsTransformation => Lines(("TransformationMethod", Last(chain.All(symbol.Kind, symbol.Id), n => n["TransformationMethod"]))),
                DeclarationKind.ContentDefinition => Lines(("LoadUri", Last(chain.All(symbol.Kind, symbol.Id), n => n.ChildText("LoadUri"))),
                    ("DataUri", Last(chain.All(symbol.Kind, symbol.Id), n => n.ChildText("DataUri")))),
                DeclarationKind.UserJourney or DeclarationKind.SubJourney => JourneyDetails(set.ScopeOf(chain).Journey(symbol.Kind, symbol.Id)),
                _ => new List<string>(),
            };
            foreach (var line in details) text.Append("\n\n").Append(line);
            return new HoverInfo(text.ToString(), symbol.Span);
        }

        /// <summary>The file's chain when it holds the declaring file, else the chain of a policy inheriting the file that does.</summary>
        private static PolicyChain ChainHolding(PolicySet set, PolicyFile file, PolicyFile declaring)
        {
            var own = set.ChainOf(file);
            if (IndexOf(own.Policies, declaring) >= 0) return own;
            foreach (var other in set.Files)
            {
                var chain = set.ChainOf(other);
                if (IndexOf(chain.Policies, file) > 0 && IndexOf(chain.Policies, declaring) >= 0) return chain;
            }
            return own;
        }

        private static List<string> ClaimDetails(PolicyNodes parts)
            => Lines(("DataType", Last(parts, n => n.ChildText("DataType"))),
                ("DisplayName", Last(parts, n => n.ChildText("DisplayName"))),
                ("UserInputType", Last(parts, n => n.ChildText("UserInputType"))));

        private static List<string> ProfileDetails(MergedTechnicalProfile? profile)
        {
            if (profile == null) return new List<string>();
            var lines = Lines(("Protocol", profile.ProtocolName), ("Handler", profile.HandlerTypeName ?? profile.Handler),
                ("DisplayName", profile.Last("DisplayName")?.Text));
            var files = profile.OwnParts.Select(p => Path.GetFileName(p.Document.FilePath)).Distinct(StringComparer.Ordinal).ToList();
            if (files.Count > 1) lines.Add("Merged from " + string.Join(" → ", files.Select(f => $"`{f}`")) + " (base first)");
            if (profile.Included.Count > 0) lines.Add("Includes " + string.Join(" → ", profile.Included.Select(i => $"`{i}`")));
            return lines;
        }

        private static List<string> JourneyDetails(MergedJourney? journey)
            => journey == null ? new List<string>() : new List<string> { $"{journey.Steps.Count} orchestration step{(journey.Steps.Count == 1 ? "" : "s")}" };

        /// <summary>The value the nearest declaration sets (the last part that has one).</summary>
        private static string? Last(PolicyNodes parts, Func<PolicyNode, string?> read)
        {
            for (int i = parts.Count - 1; i >= 0; i--)
                if (read(parts[i]) is string value && value.Length > 0) return value;
            return null;
        }

        private static List<string> Lines(params (string Name, string? Value)[] values)
            => values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}: `{v.Value}`").ToList();
    }
}
