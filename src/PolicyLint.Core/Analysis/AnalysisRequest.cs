using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Common;

namespace PolicyLint.Analysis
{
    public sealed class AnalysisRequest
    {
        /// <summary>B2CPolicy items: analyzed and reported on.</summary>
        public List<PolicyInput> Policies { get; private set; } = new List<PolicyInput>();
        /// <summary>B2CPolicyReference items: resolved against, never reported on.</summary>
        public List<string> References { get; private set; } = new List<string>();
        public AnalysisOptions Options { get; set; } = new AnalysisOptions();
        /// <summary>Severity configuration applied after analysis (.editorconfig, NoWarn, ...).</summary>
        public Configuration.DiagnosticConfiguration Configuration { get; set; } = new Configuration.DiagnosticConfiguration();
        /// <summary>B2CSettingsFile: the B2C VS Code extension's appsettings.json; policies are linted once per environment in it.</summary>
        public string? SettingsFile { get; set; }
        /// <summary>SettingsFile is the default appsettings.json beside the project, not one the user named: a file of another format (an ASP.NET appsettings.json) is then ignored.</summary>
        public bool SettingsFileIsDefault { get; set; }

        /// <summary>The project folder: finding keys (baseline entries, SARIF fingerprints) and messages name files relative to it.</summary>
        public string? ProjectDirectory
        {
            get => Options.ProjectDirectory;
            set => Options.ProjectDirectory = value;
        }
        /// <summary>PolicyLintBaseline: a baseline file whose findings do not fail the build.</summary>
        public string? BaselineFile { get; set; }
        /// <summary>The severity known findings are shown at: Info (a suggestion) or Hidden.</summary>
        public DiagnosticSeverity BaselineSeverity { get; set; } = DiagnosticSeverity.Info;

        /// <summary>Files already parsed for this request: each environment of a settings file lints the same text.</summary>
        internal LoadedFiles? Loaded { get; set; }

        /// <summary>What the last analysis of a workspace found, per unit: policies whose chains an edit left alone keep their findings.</summary>
        internal AnalysisState? State { get; set; }

        /// <summary>A workspace's states, one per environment (each environment's options give other findings).</summary>
        internal Dictionary<string, AnalysisState>? States { get; set; }

        /// <summary>The same inputs with other options (one environment of the settings file).</summary>
        internal AnalysisRequest WithOptions(AnalysisOptions options)
        {
            var copy = (AnalysisRequest)MemberwiseClone();
            copy.Options = options;
            return copy;
        }

        /// <summary>The same options and configuration for other files (a workspace's files as they are now).</summary>
        internal AnalysisRequest WithFiles(IEnumerable<PolicyInput> policies, IEnumerable<string> references)
        {
            var copy = (AnalysisRequest)MemberwiseClone();
            copy.Policies = new List<PolicyInput>(policies);
            copy.References = new List<string>(references);
            return copy;
        }

        public AnalysisRequest AddPolicy(string path, bool isExplicit = true)
        {
            Policies.Add(new PolicyInput(path, isExplicit));
            return this;
        }
    }

    /// <summary>
    /// Parsed files (and their declaration index) shared by the runs of one lint: settings inside values are substituted
    /// by the rules, not in the text, so every environment reads the same documents; only a file whose tokens stand
    /// for markup is parsed again for an environment, with those tokens replaced (Common/MarkupTokens.cs).
    /// </summary>
    internal sealed class LoadedFiles : ISubstitutionCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Model.PolicyDocument Document, long? Size)> _documents
            = new System.Collections.Concurrent.ConcurrentDictionary<string, (Model.PolicyDocument, long?)>(System.StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(Model.PolicyDocument, bool), Resolution.PolicyFile> _files
            = new System.Collections.Concurrent.ConcurrentDictionary<(Model.PolicyDocument, bool), Resolution.PolicyFile>();

        public (Model.PolicyDocument Document, long? Size) Document(string path, System.Func<string, (Model.PolicyDocument, long?)> load)
            => _documents.GetOrAdd(path, load);

        /// <summary>Drops a file whose text changed, and everything made from it; the next analysis parses it again.</summary>
        public void Forget(string path)
        {
            if (!_documents.TryRemove(path, out var old)) return;
            var document = old.Document;
            _files.TryRemove((document, false), out _);
            _files.TryRemove((document, true), out _);
            _markupTokens.TryRemove(document, out _);
            foreach (var key in _substituted.Keys)
                if (ReferenceEquals(key.Item1, document) && _substituted.TryRemove(key, out var substituted) && substituted.IsValueCreated)
                {
                    _files.TryRemove((substituted.Value, false), out _);
                    _files.TryRemove((substituted.Value, true), out _);
                }
        }

        public Resolution.PolicyFile File(Model.PolicyDocument document, bool isReference)
            => _files.GetOrAdd((document, isReference), key => new Resolution.PolicyFile(key.Item1, key.Item2));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<Model.PolicyDocument, List<PolicyLint.Common.MarkupToken>> _markupTokens
            = new System.Collections.Concurrent.ConcurrentDictionary<Model.PolicyDocument, List<PolicyLint.Common.MarkupToken>>();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(Model.PolicyDocument, string), System.Lazy<Model.PolicyDocument>> _substituted
            = new System.Collections.Concurrent.ConcurrentDictionary<(Model.PolicyDocument, string), System.Lazy<Model.PolicyDocument>>();

        /// <summary>The file's tokens that may stand for markup (<see cref="PolicyLint.Common.MarkupTokens"/>), found once for every environment.</summary>
        public List<PolicyLint.Common.MarkupToken> MarkupTokens(Model.PolicyDocument document)
            => _markupTokens.GetOrAdd(document, PolicyLint.Common.MarkupTokens.Of);

        /// <summary>A file parsed with markup tokens replaced, once per distinct set of values (<paramref name="key"/>).</summary>
        public Model.PolicyDocument Substituted(Model.PolicyDocument document, string key, System.Func<Model.PolicyDocument> parse)
            => _substituted.GetOrAdd((document, key), _ => new System.Lazy<Model.PolicyDocument>(parse)).Value;
    }

    public sealed class PolicyInput
    {
        public PolicyInput(string path, bool isExplicit)
        {
            Path = path;
            IsExplicit = isExplicit;
        }

        public string Path { get; }
        /// <summary>Listed by the user; false for files the default glob found (non-policy XML is then skipped silently).</summary>
        public bool IsExplicit { get; }
    }

    public sealed class AnalysisResult
    {
        internal AnalysisResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, Model.PolicyDocument> documents, Resolution.PolicySet? set = null)
        {
            Diagnostics = diagnostics;
            Documents = documents;
            Set = set;
        }

        /// <summary>The policies analyzed and their chains (an editor navigates with it).</summary>
        public Resolution.PolicySet? Set { get; }

        /// <summary>The reported files, by path.</summary>
        public IReadOnlyDictionary<string, Model.PolicyDocument> Documents { get; }
        public int FilesAnalyzed => Documents.Count;

        /// <summary>In the order the rules reported them; the pipeline (Linter) sorts the final list.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }
}
