using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Pipeline
{
    /// <summary>
    /// The policy files of a project, from disk or from memory (an editor's open buffers), each with a version, and what
    /// their last analysis found. After an edit, <see cref="Analyze"/> parses only the changed file and runs again only
    /// the checks whose inputs include it: that file's own checks and the policies whose chains contain it; every other
    /// finding is kept (see <see cref="AnalysisState"/>). The build and the command line make a workspace of their files
    /// and analyze it once (<see cref="Linter.Run"/>); a language server keeps one and edits it.
    /// </summary>
    public sealed class PolicyWorkspace
    {
        private AnalysisRequest _request;
        private readonly List<Entry> _entries = new List<Entry>();
        private readonly Dictionary<string, Entry> _byPath = new Dictionary<string, Entry>(PathComparer);
        private readonly LoadedFiles _loaded = new LoadedFiles();
        private readonly Dictionary<string, AnalysisState> _states = new Dictionary<string, AnalysisState>(StringComparer.Ordinal);
        private readonly object _gate = new object();

        private static StringComparer PathComparer => StringComparer.Ordinal;

        /// <param name="request">
        /// The options, configuration, settings file and baseline the analyses use; its Policies and References are the
        /// workspace's first files, read from disk.
        /// </param>
        public PolicyWorkspace(AnalysisRequest request)
        {
            _request = request;
            foreach (var policy in request.Policies) Add(policy.Path, isReference: false, policy.IsExplicit);
            foreach (var reference in request.References) Add(reference, isReference: true, isExplicit: true);
        }

        /// <summary>Every file, in the order analyses list them: policies, then references (the build's order).</summary>
        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_gate) return Ordered().Select(e => e.Path).ToList();
            }
        }

        /// <summary>A policy to analyze (isReference false) or a file only resolved against; read from disk until given a text.</summary>
        public void Add(string path, bool isReference = false, bool isExplicit = true)
        {
            lock (_gate)
            {
                if (_byPath.TryGetValue(path, out var entry))
                {
                    entry.IsReference = isReference;
                    entry.IsExplicit = isExplicit;
                    return;
                }
                entry = new Entry(path) { IsReference = isReference, IsExplicit = isExplicit };
                _entries.Add(entry);
                _byPath[path] = entry;
            }
        }

        /// <summary>
        /// The text of a file as an editor holds it: the file is analyzed with this text, not what is on disk, until
        /// <see cref="Close"/>. A file the workspace does not list yet becomes a policy of it. A version older than the
        /// one held is ignored (a late notification).
        /// </summary>
        public void SetText(string path, string text, int version)
        {
            lock (_gate)
            {
                if (!_byPath.TryGetValue(path, out var entry))
                {
                    entry = new Entry(path) { IsReference = false, IsExplicit = true, AddedByText = true };
                    _entries.Add(entry);
                    _byPath[path] = entry;
                }
                else if (entry.Text != null && version < entry.Version) return;
                entry.Text = text;
                entry.Version = version;
                _loaded.Forget(path);
            }
        }

        /// <summary>The text of a file held in memory, or null when it is read from disk.</summary>
        public string? TextOf(string path)
        {
            lock (_gate) return _byPath.TryGetValue(path, out var entry) ? entry.Text : null;
        }

        /// <summary>The version given with the file's text (0 for a file read from disk).</summary>
        public int VersionOf(string path)
        {
            lock (_gate) return _byPath.TryGetValue(path, out var entry) ? entry.Version : 0;
        }

        /// <summary>The editor closed the file: it is read from disk again, or leaves the workspace when only its text brought it in.</summary>
        public void Close(string path)
        {
            lock (_gate)
            {
                if (!_byPath.TryGetValue(path, out var entry)) return;
                if (entry.AddedByText && !File.Exists(path))
                {
                    RemoveEntry(entry);
                    return;
                }
                entry.Text = null;
                entry.Version = 0;
                _loaded.Forget(path);
            }
        }

        /// <summary>The file changed on disk: read it again at the next analysis (no effect while an editor holds its text).</summary>
        public void Reload(string path)
        {
            lock (_gate)
            {
                if (_byPath.TryGetValue(path, out var entry) && entry.Text == null) _loaded.Forget(path);
            }
        }

        /// <summary>Removes a file; its findings go with it at the next analysis.</summary>
        public bool Remove(string path)
        {
            lock (_gate)
            {
                if (!_byPath.TryGetValue(path, out var entry)) return false;
                RemoveEntry(entry);
                return true;
            }
        }

        /// <summary>
        /// New options or configuration (an .editorconfig, a settings file or the project changed): the next analysis runs
        /// every check again. The files stay; the request's own Policies and References are not read.
        /// </summary>
        public void Configure(AnalysisRequest request)
        {
            lock (_gate)
            {
                _request = request;
                _states.Clear();
            }
        }

        /// <summary>Analyzes the files as they are now: what a build of them would report, with the findings of each file.</summary>
        public WorkspaceAnalysis Analyze()
        {
            lock (_gate)
            {
                var ordered = Ordered().ToList();
                var request = _request.WithFiles(
                    ordered.Where(e => !e.IsReference).Select(e => new PolicyInput(e.Path, e.IsExplicit)),
                    ordered.Where(e => e.IsReference).Select(e => e.Path));
                // Files given as text are parsed from it; the others are read from disk once, by the engine, through the cache.
                foreach (var entry in _entries)
                    if (entry.Text != null)
                    {
                        var text = entry.Text;
                        _loaded.Document(entry.Path, path => (PolicyParser.Parse(path, text), Encoding.UTF8.GetByteCount(text)));
                    }
                request.Loaded = _loaded;
                request.States = _states;
                var result = Linter.Lint(request);
                return new WorkspaceAnalysis(result, _states.Values.Sum(s => s.Reused), _states.Values.Sum(s => s.Computed));
            }
        }

        private IEnumerable<Entry> Ordered() => _entries.Where(e => !e.IsReference).Concat(_entries.Where(e => e.IsReference));

        private void RemoveEntry(Entry entry)
        {
            _entries.Remove(entry);
            _byPath.Remove(entry.Path);
            _loaded.Forget(entry.Path);
        }

        private sealed class Entry
        {
            public Entry(string path) => Path = path;
            public string Path { get; }
            public bool IsReference { get; set; }
            public bool IsExplicit { get; set; }
            public bool AddedByText { get; set; }
            public string? Text { get; set; }
            public int Version { get; set; }
        }
    }

    /// <summary>What one analysis of a workspace found.</summary>
    public sealed class WorkspaceAnalysis
    {
        private Dictionary<string, List<ConfiguredDiagnostic>>? _byFile;

        internal WorkspaceAnalysis(LintResult result, int reused, int computed)
        {
            Result = result;
            UnitsReused = reused;
            UnitsComputed = computed;
        }

        /// <summary>Every finding, as the build reports them (sorted, configured, the baseline applied).</summary>
        public LintResult Result { get; }

        /// <summary>The policies analyzed and their chains, for navigation.</summary>
        public PolicySet? Set => Result.Set;

        /// <summary>How many units (a file's own checks, a scope's policies) kept their findings, and how many ran.</summary>
        public int UnitsReused { get; }
        public int UnitsComputed { get; }

        /// <summary>The findings in one file, suppressed ones included (check <see cref="ConfiguredDiagnostic.IsShown"/>).</summary>
        public IReadOnlyList<ConfiguredDiagnostic> For(string path)
        {
            _byFile ??= Result.All.GroupBy(c => c.Diagnostic.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            return _byFile.TryGetValue(path, out var list) ? list : (IReadOnlyList<ConfiguredDiagnostic>)Array.Empty<ConfiguredDiagnostic>();
        }
    }
}
