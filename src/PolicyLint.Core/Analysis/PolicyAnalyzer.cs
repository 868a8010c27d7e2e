using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Rules.Files;
using PolicyLint.Common;

namespace PolicyLint.Analysis
{
    /// <summary>Runs every rule over a set of policies. Never throws for bad input.</summary>
    public static class PolicyAnalyzer
    {
        private static readonly Lazy<IReadOnlyList<PolicyRule>> LazyRules = new Lazy<IReadOnlyList<PolicyRule>>(DiscoverRules);

        /// <summary>Every rule in this assembly, by id.</summary>
        public static IReadOnlyList<PolicyRule> Rules => LazyRules.Value;

        public static IEnumerable<DiagnosticDescriptor> Descriptors => Rules.Select(r => r.Descriptor);

        private static IReadOnlyList<PolicyRule> DiscoverRules()
            => typeof(PolicyRule).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(PolicyRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (PolicyRule)Activator.CreateInstance(t)!)
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToList();

        /// <summary>Parses and analyzes; returns diagnostics at their default severity, unsorted (Linter sorts once).</summary>
        public static AnalysisResult Analyze(AnalysisRequest request) => Analyze(request, Rules);

        /// <summary>Runs the given rules instead of the discovered ones (tests use it to put a failing rule through the engine).</summary>
        internal static AnalysisResult Analyze(AnalysisRequest request, IEnumerable<PolicyRule> rules)
        {
            // Every rule asks Placeholders whether a value is a deploy-time token: it answers with this build's shapes.
            using (Placeholders.Use(request.Options.Tokens))
                return AnalyzeWithTokens(request, rules);
        }

        private static AnalysisResult AnalyzeWithTokens(AnalysisRequest request, IEnumerable<PolicyRule> rules)
        {
            var options = request.Options;
            var registrations = rules.Select(r => { var reg = new RuleRegistration(r); r.Initialize(reg); return reg; }).ToList();

            var inputs = DistinctInputs(request);
            // Messages name other files relative to the project (or to the inputs' common folder), never by absolute path.
            if (options.ProjectDirectory == null)
            {
                options = options.Clone();
                options.ProjectDirectory = DisplayPaths.CommonDirectory(inputs.Select(i => i.Path));
            }
            string? root = options.ProjectDirectory;
            var loaded = new (PolicyDocument Doc, long? Size)[inputs.Count];
            var cache = request.Loaded;
            // One name table per parsing thread for the whole build: values repeated across files become one string.
            using (var names = new System.Threading.ThreadLocal<System.Xml.XmlNameTable>(() => new System.Xml.NameTable()))
            {
                Parallel.For(0, inputs.Count, i =>
                {
                    var (doc, size) = cache != null
                        ? cache.Document(inputs[i].Path, path => Load(path, root, names.Value!))
                        : Load(inputs[i].Path, root, names.Value!);
                    // Tokens standing for attributes or elements: the file as this environment deploys it.
                    loaded[i] = (PolicyLint.Common.MarkupTokens.Substitute(doc, options.Settings, cache), size);
                });
            }

            // A workspace keeps the last analysis's findings by unit; a single build starts from nothing.
            var state = request.State ?? new AnalysisState();
            state.Reused = state.Computed = 0;
            var documentUnits = new Dictionary<(PolicyDocument, bool, long?), List<Diagnostic>>();
            var documentOrder = new List<List<Diagnostic>>();
            var files = new List<PolicyFile>();
            PolicyDocument? firstReported = null;
            var reported = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
            for (int i = 0; i < inputs.Count; i++)
            {
                var (doc, size) = loaded[i];
                var input = inputs[i];
                bool looksLikePolicy = doc.HasPolicyRootName || (!doc.IsWellFormed && doc.Text.IndexOf("TrustFrameworkPolicy", StringComparison.Ordinal) >= 0);
                if (!input.IsReference && (input.IsExplicit || looksLikePolicy))
                {
                    reported[doc.FilePath] = doc;
                    firstReported ??= doc;
                    var key = (doc, input.IsExplicit, size);
                    if (state.Documents.TryGetValue(key, out var found)) state.Reused++;
                    else
                    {
                        var sink = new DiagnosticSink();
                        var documentContext = new DocumentContext(sink, options, doc, input.IsExplicit) { FileSize = size };
                        foreach (var reg in registrations)
                            if (reg.DocumentAction != null) Run(documentContext, reg.Rule, doc, reg.DocumentAction);
                        found = sink.Diagnostics;
                        state.Computed++;
                    }
                    documentUnits[key] = found;
                    documentOrder.Add(found);
                }
                if (doc.HasPolicyRootName) files.Add(cache != null ? cache.File(doc, input.IsReference) : new PolicyFile(doc, input.IsReference));
            }

            var set = new PolicySet(files);
            var inputKey = inputs.Select(i => (i.Path, i.IsExplicit, i.IsReference)).ToList();
            bool reuse = state.CanReuse(inputKey, files);
            // A workspace keeps its scopes for the next analysis, which takes over those of unchanged chains.
            bool keepScopes = request.State != null;
            if (reuse) set.Previous = state.Set;

            // Policies of one resolution scope run together, and a scope's merged profiles and claim flows are let go once
            // no scope left to analyze uses them (a scope reuses its bases' merges): kept to the end, the scopes of a large
            // repository held more memory than its documents.
            // (Grouped by the scope's chain, not the scope: the grouping would hold every scope to the end.)
            var groups = set.Reported.Where(f => f.Document.IsWellFormed).GroupBy(f => ResolutionScope.DeclaringChain(set, set.ChainOf(f))).ToList();
            var uses = groups.Select(g => ResolutionScope.ScopesUsedBy(set, g.Key).ToList()).ToList();
            var users = new Dictionary<PolicyChain, int>();
            foreach (var used in uses.SelectMany(u => u))
                users[used] = users.TryGetValue(used, out int n) ? n + 1 : 1;
            // Which rules run on which element names: worked out once per build, for chains resolved and not.
            var resolved = new Dispatch(registrations, resolvedChain: true);
            var unresolved = new Dispatch(registrations, resolvedChain: false);
            var scopeUnits = new Dictionary<UnitKey, List<Diagnostic>>();
            var scopeOrder = new List<List<Diagnostic>>();
            for (int g = 0; g < groups.Count; g++)
            {
                var key = new UnitKey(groups[g].Select(file => (file, set.ChainOf(file))));
                if (reuse && state.Scopes.TryGetValue(key, out var found)) state.Reused++;
                else
                {
                    var sink = new DiagnosticSink();
                    // The group is one resolution scope: its scope actions run here, with its first policy that qualifies,
                    // so the group's findings (kept or reused as one unit) hold them.
                    var scopeDone = new HashSet<ScopeAction>();
                    foreach (var file in groups[g])
                    {
                        var chain = set.ChainOf(file);
                        AnalyzePolicy(new PolicyContext(sink, options, set, file, chain), chain.IsResolved ? resolved : unresolved, scopeDone);
                    }
                    found = sink.Diagnostics;
                    state.Computed++;
                }
                scopeUnits[key] = found;
                scopeOrder.Add(found);
                foreach (var used in uses[g])
                    if (--users[used] == 0 && !keepScopes) set.Forget(used);
            }

            // Project rules read every file: they run every time.
            var all = new DiagnosticSink();
            var project = new ProjectContext(all, options, set);
            // A project rule has no file of its own: a failure is reported at the first reported file.
            foreach (var reg in registrations)
                if (reg.ProjectAction != null) Run(project, reg.Rule, firstReported, reg.ProjectAction);
            set.TakeOverPrevious();
            if (request.State != null) state.Replace(inputKey, files, set, documentUnits, scopeUnits);

            foreach (var unit in documentOrder.Concat(scopeOrder))
                foreach (var diagnostic in unit) all.Add(diagnostic);
            var diagnostics = all.Diagnostics
                .Where(d => reported.ContainsKey(d.Location.GetLineSpan().Path))
                .ToList();
            // In the order the rules found them: the pipeline sorts once, after configuration adds its own (Linter).
            return new AnalysisResult(diagnostics, reported, set);
        }

        /// <summary>The rules that run on a policy, and their element actions by element name.</summary>
        private sealed class Dispatch
        {
            public Dispatch(List<RuleRegistration> registrations, bool resolvedChain)
            {
                Active = registrations.Where(r => !r.Rule.NeedsResolvedChain || resolvedChain).ToList();
                foreach (var reg in Active)
                    foreach (var (name, action) in reg.ElementActions)
                    {
                        if (!ByName.TryGetValue(name, out var list)) ByName[name] = list = new List<(PolicyRule, Action<PolicyContext, PolicyNode>)>();
                        list.Add((reg.Rule, action));
                    }
            }

            public List<RuleRegistration> Active { get; }
            public Dictionary<string, List<(PolicyRule Rule, Action<PolicyContext, PolicyNode> Action)>> ByName { get; } =
                new Dictionary<string, List<(PolicyRule Rule, Action<PolicyContext, PolicyNode> Action)>>(StringComparer.Ordinal);
        }

        private static void AnalyzePolicy(PolicyContext context, Dispatch dispatch, HashSet<ScopeAction> scopeDone)
        {
            var byName = dispatch.ByName;
            var document = context.Document;
            if (byName.Count > 0)
            {
                // Looked up once per distinct name of the document, not once per element: the walk is then an array index per element.
                var names = document.Names;
                var actionsByName = new List<(PolicyRule Rule, Action<PolicyContext, PolicyNode> Action)>?[names.Length];
                for (int i = 0; i < names.Length; i++)
                    if (byName.TryGetValue(names[i], out var actions)) actionsByName[i] = actions;
                var nodes = document.Nodes;
                // Elements are stored in document order, the root first: every element is the root or below it.
                for (int i = 0; i < nodes.Length; i++)
                    if (actionsByName[nodes[i].Name] is { } actions) Visit(context, actions, new PolicyNode(document, i));
            }
            foreach (var reg in dispatch.Active)
            {
                if (reg.PolicyAction != null) Run(context, reg.Rule, context.Document, reg.PolicyAction);
                foreach (var once in reg.ScopeActions)
                    if (!scopeDone.Contains(once))
                        Run(context, reg.Rule, context.Document, c => { if ((once.Qualifies == null || once.Qualifies(c)) && scopeDone.Add(once)) once.Action(c); });
            }
        }

        /// <summary>The element actions for one node; the hot path, so no closure per call.</summary>
        private static void Visit(PolicyContext context, List<(PolicyRule Rule, Action<PolicyContext, PolicyNode> Action)> actions, PolicyNode node)
        {
            foreach (var (rule, action) in actions)
            {
                context.CurrentRule = rule;
                try
                {
                    action(context, node);
                }
                catch (Exception ex)
                {
                    AnalyzerFailure.Report(context, rule, node.Document, ex);
                }
                finally
                {
                    context.CurrentRule = null;
                }
            }
        }

        private static void Run<TContext>(TContext context, PolicyRule rule, PolicyDocument? document, Action<TContext> action) where TContext : RuleContext
        {
            var previous = context.CurrentRule;
            context.CurrentRule = rule;
            try
            {
                action(context);
            }
            catch (Exception ex)
            {
                AnalyzerFailure.Report(context, rule, document, ex);
            }
            finally
            {
                context.CurrentRule = previous;
            }
        }

        /// <summary>
        /// Policies, then references, each file once: a file listed twice (an explicit item and the default glob, or a
        /// policy also given as a reference) is one file, not two policies with the same PolicyId.
        /// </summary>
        private static List<(string Path, bool IsExplicit, bool IsReference)> DistinctInputs(AnalysisRequest request)
        {
            var inputs = new List<(string Path, bool IsExplicit, bool IsReference)>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var all = request.Policies.Select(p => (p.Path, p.IsExplicit, IsReference: false))
                .Concat(request.References.Select(r => (Path: r, IsExplicit: true, IsReference: true)));
            foreach (var input in all)
            {
                string key;
                try { key = Path.GetFullPath(input.Path); }
                catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException) { key = input.Path; }
                if (index.TryGetValue(key, out int i))
                {
                    if (input.IsExplicit && !input.IsReference) inputs[i] = (inputs[i].Path, true, inputs[i].IsReference);
                    continue;
                }
                index[key] = inputs.Count;
                inputs.Add(input);
            }
            return inputs;
        }

        private static (PolicyDocument, long?) Load(string path, string? root, System.Xml.XmlNameTable names)
        {
            long? size = null;
            try
            {
                size = new FileInfo(path).Length;
                return (PolicyParser.ParseFile(path, names), size);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is System.Security.SecurityException)
            {
                // The size stays known for a file too large to read, so PL0005 still reports it.
                // The system's message names the file by its absolute path: name it as every other message does.
                string reason = ex.Message;
                try { reason = reason.Replace(Path.GetFullPath(path), DisplayPaths.Relative(root, path)); }
                catch (Exception inner) when (inner is ArgumentException || inner is NotSupportedException || inner is PathTooLongException || inner is System.Security.SecurityException) { }
                return (PolicyParser.Unreadable(path, reason), size);
            }
        }
    }
}
