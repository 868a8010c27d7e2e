using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Analysis
{
    /// <summary>What every context shares: the options and a way to report for the rule being run.</summary>
    public abstract class RuleContext
    {
        private readonly DiagnosticSink _sink;

        private protected RuleContext(DiagnosticSink sink, AnalysisOptions options)
        {
            _sink = sink;
            Options = options;
        }

        public AnalysisOptions Options { get; }
        internal PolicyRule? CurrentRule { get; set; }

        /// <summary>How a message names another file: relative to the project (see <see cref="AnalysisOptions.ProjectDirectory"/>).</summary>
        public string DisplayPath(string path) => DisplayPaths.Relative(Options.ProjectDirectory, path);

        /// <summary>Reports at an attribute's value.</summary>
        public void Report(PolicyAttribute attribute, params object?[] args)
            => Report(attribute.Owner.Document, attribute.ValueSpan, args);

        /// <summary>Reports at an element's start tag.</summary>
        public void Report(PolicyNode node, params object?[] args)
            => Report(node.Document, node.StartTag, args);

        /// <summary>Reports at an element's text (e.g. &lt;DataUri&gt;), else its start tag.</summary>
        public void ReportText(PolicyNode node, params object?[] args)
            => Report(node.Document, node.Text != null ? node.TextSpan : node.StartTag, args);

        // For an element a rule has already checked is there (elements are handles, so "maybe an element" is PolicyNode?).
        public void Report(PolicyNode? node, params object?[] args) => Report(node!.Value, args);
        public void ReportText(PolicyNode? node, params object?[] args) => ReportText(node!.Value, args);

        /// <summary>Reports at the named attribute's value when present, else at the element.</summary>
        public void ReportAt(PolicyNode node, string attributeName, params object?[] args)
        {
            var attribute = node.Attribute(attributeName);
            if (attribute != null) Report(attribute, args);
            else Report(node, args);
        }

        public void Report(PolicyDocument document, SourceSpan span, params object?[] args)
            => Report(null, document, span, args);

        // A rule whose page splits its cases by condition (an error in one, a warning in another) names the
        // severity of the case; every other report takes the descriptor's default.

        /// <summary>Reports at an attribute's value, with the severity of this case.</summary>
        public void Report(DiagnosticSeverity severity, PolicyAttribute attribute, params object?[] args)
            => Report(severity, attribute.Owner.Document, attribute.ValueSpan, args);

        /// <summary>Reports at an element's start tag, with the severity of this case.</summary>
        public void Report(DiagnosticSeverity severity, PolicyNode node, params object?[] args)
            => Report(severity, node.Document, node.StartTag, args);

        /// <summary>Reports at an element's text, else its start tag, with the severity of this case.</summary>
        public void ReportText(DiagnosticSeverity severity, PolicyNode node, params object?[] args)
            => Report(severity, node.Document, node.Text != null ? node.TextSpan : node.StartTag, args);

        /// <summary>Reports at the named attribute's value when present, else at the element, with the severity of this case.</summary>
        public void ReportAt(DiagnosticSeverity severity, PolicyNode node, string attributeName, params object?[] args)
        {
            var attribute = node.Attribute(attributeName);
            if (attribute != null) Report(severity, attribute, args);
            else Report(severity, node, args);
        }

        public void Report(DiagnosticSeverity? severity, PolicyDocument document, SourceSpan span, params object?[] args)
            => Report(severity, document, span, (CodeFix?)null, args);

        // A rule that knows the repair attaches it (CodeFix.cs): `policylint fix` applies the safe ones, an editor offers them.

        /// <summary>Reports at an attribute's value, with a fix (none when null).</summary>
        public void Report(CodeFix? fix, PolicyAttribute attribute, params object?[] args)
            => Report(null, attribute.Owner.Document, attribute.ValueSpan, fix, args);

        /// <summary>Reports at an element's start tag, with a fix (none when null).</summary>
        public void Report(CodeFix? fix, PolicyNode node, params object?[] args)
            => Report(null, node.Document, node.StartTag, fix, args);

        /// <summary>Reports at an element's text, else its start tag, with a fix (none when null).</summary>
        public void ReportText(CodeFix? fix, PolicyNode node, params object?[] args)
            => Report(null, node.Document, node.Text != null ? node.TextSpan : node.StartTag, fix, args);

        /// <summary>Reports with the severity of this case (null: the descriptor's) and a fix (none when null).</summary>
        public void Report(DiagnosticSeverity? severity, PolicyDocument document, SourceSpan span, CodeFix? fix, params object?[] args)
        {
            var rule = CurrentRule ?? throw new System.InvalidOperationException("Report called outside a rule.");
            var location = Location.Create(document.FilePath, span.Span, span.Lines);
            var descriptor = rule.Descriptor;
            var properties = fix == null ? null : CodeFix.ToProperties(new[] { fix });
            _sink.Add(severity is DiagnosticSeverity own && own != descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, own, additionalLocations: null, properties: properties, args)
                : Diagnostic.Create(descriptor, location, additionalLocations: null, properties: properties, args));
        }
    }

    public sealed class DocumentContext : RuleContext
    {
        internal DocumentContext(DiagnosticSink sink, AnalysisOptions options, PolicyDocument document, bool isExplicit)
            : base(sink, options)
        {
            Document = document;
            IsExplicit = isExplicit;
        }

        public PolicyDocument Document { get; }
        /// <summary>Listed as a B2CPolicy item by the user rather than found by the default glob.</summary>
        public bool IsExplicit { get; }
        /// <summary>The size in bytes on disk, when known.</summary>
        public long? FileSize { get; internal set; }
    }

    public sealed class PolicyContext : RuleContext
    {
        internal PolicyContext(DiagnosticSink sink, AnalysisOptions options, PolicySet set, PolicyFile file, PolicyChain chain)
            : base(sink, options)
        {
            Set = set;
            File = file;
            Chain = chain;
        }

        public PolicySet Set { get; }
        public PolicyFile File { get; }
        /// <summary>This policy and its bases; resolved unless the rule said it can run on a broken chain.</summary>
        public PolicyChain Chain { get; }
        public PolicyDocument Document => File.Document;

        public Resolved? Resolve(DeclarationKind kind, string id) => Chain.Find(kind, id);

        /// <summary>
        /// Where a finding at <paramref name="at"/> was looked for: its policy and that policy's bases. Messages of findings
        /// that may lie in a base file say this rather than <c>Chain.Describe()</c>, so the finding reads the same through
        /// every relying party and the sink keeps it once.
        /// </summary>
        public string DescribeFrom(PolicyNode at) => Chain.DescribeFrom(at.Document);

        /// <summary>What this chain's declarations resolve to, shared with every policy that declares the same.</summary>
        public ResolutionScope Scope => _scope ??= Set.ScopeOf(Chain);
        private ResolutionScope? _scope;

        /// <summary>A technical profile merged along this policy's chain (cached per <see cref="Scope"/>).</summary>
        public MergedTechnicalProfile? TechnicalProfile(string id) => Scope.TechnicalProfile(id);

        /// <summary>A user or sub journey merged along this policy's chain (cached per <see cref="Scope"/>).</summary>
        public MergedJourney? Journey(DeclarationKind kind, string id) => Scope.Journey(kind, id);

        /// <summary>A fact of this policy (Facts.cs): computed on first use, kept while the engine analyzes this policy.</summary>
        public T Get<T>(PolicyFact<T> fact) where T : class => _facts.GetOrAdd(fact, this, fact.Create);
        private readonly FactStore _facts = new FactStore();

        /// <summary>A fact of this policy's resolution scope (Facts.cs), shared with every policy of the scope.</summary>
        public T Get<T>(ScopeFact<T> fact) where T : class => Scope.Get(fact);

        /// <summary>A fact of the build (Facts.cs), shared with every policy.</summary>
        public T Get<T>(BuildFact<T> fact) where T : class => Set.Get(fact);

        /// <summary>What claims each user journey of this policy's chain can have produced, step by step (shared by the scope).</summary>
        public Flow.ClaimFlow ClaimFlow => Get(Flow.ClaimFlow.OfScope);
    }

    public sealed class ProjectContext : RuleContext
    {
        internal ProjectContext(DiagnosticSink sink, AnalysisOptions options, PolicySet set)
            : base(sink, options) => Set = set;

        public PolicySet Set { get; }

        /// <summary>A fact of the build (Facts.cs), shared with the policies' rules.</summary>
        public T Get<T>(BuildFact<T> fact) where T : class => Set.Get(fact);
    }

    /// <summary>
    /// Collects the diagnostics of one analysis. A problem in a base file is found once per policy that inherits it and
    /// kept once: the key is the id, the place and the message. Not the place alone, since one place may hold several
    /// findings of one rule (a profile lacking two metadata items); so a message about a base file must not depend on the
    /// policy it was found through (say where it looked with <see cref="PolicyContext.DescribeFrom"/>).
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly Dictionary<(string, string, int, int, string), int> _seen = new Dictionary<(string, string, int, int, string), int>();
        public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

        public void Add(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var key = (diagnostic.Id, span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character, diagnostic.GetMessage());
            lock (_seen)
            {
                if (!_seen.TryGetValue(key, out int at))
                {
                    _seen[key] = Diagnostics.Count;
                    Diagnostics.Add(diagnostic);
                }
                // Found again through a policy that can fix it (a base's gap, seen from the child that adds steps): keep the fix.
                else if (Diagnostics[at].Properties.Count == 0 && diagnostic.Properties.Count > 0) Diagnostics[at] = diagnostic;
            }
        }
    }
}
