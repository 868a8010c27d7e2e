using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;

namespace PolicyLint.Cli.Lsp
{
    /// <summary>
    /// One workspace folder: its configuration, its <see cref="PolicyWorkspace"/> (the files the build would lint, with the
    /// editor's open texts) and the last analysis. Not thread-safe: the server calls it under its lock.
    /// </summary>
    internal sealed class PolicyFolder
    {
        private readonly HashSet<string> _listed = new HashSet<string>(StringComparer.Ordinal);
        private readonly Func<string, ProjectConfiguration> _load;

        /// <param name="load">Reads the folder's configuration (a project, the command line's defaults, or loose files).</param>
        public PolicyFolder(string root, Func<string, ProjectConfiguration> load)
        {
            Root = root;
            _load = load;
        }

        public string Root { get; }
        public ProjectConfiguration? Configuration { get; private set; }
        public PolicyWorkspace? Workspace { get; private set; }
        /// <summary>The last analysis, and whether a change came after it.</summary>
        public WorkspaceAnalysis? Last { get; set; }
        public bool Dirty { get; set; } = true;
        /// <summary>The diagnostics last published for each file (a key per list), to publish a closed file only when its list changed.</summary>
        public Dictionary<string, string> Published { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public bool Contains(string path)
            => path.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>
        /// Reads the configuration (again) and brings the workspace's files in line with it: new policies are added, those no
        /// longer listed are removed unless the editor holds them. <paramref name="open"/>: the open documents in the folder.
        /// </summary>
        public void Configure(IReadOnlyCollection<string> open)
        {
            Configuration = _load(Root);
            var options = Configuration.Options;
            // Open documents the configuration does not list are policies too (their .editorconfig files are looked up).
            var listed = new HashSet<string>(options.Policies.Select(p => p.Path).Concat(options.References), StringComparer.Ordinal);
            foreach (var path in open)
                if (!listed.Contains(path)) options.Policies.Add(new PolicyInput(path, isExplicit: true));
            var request = options.ToRequest();
            if (Workspace == null) Workspace = new PolicyWorkspace(request);
            else
            {
                Workspace.Configure(request);
                foreach (var policy in request.Policies) Workspace.Add(policy.Path, isReference: false, policy.IsExplicit);
                foreach (var reference in request.References) Workspace.Add(reference, isReference: true);
                foreach (var gone in _listed.Where(p => !listed.Contains(p) && !open.Contains(p)).ToList()) Workspace.Remove(gone);
            }
            _listed.Clear();
            _listed.UnionWith(listed);
            Dirty = true;
        }

        /// <summary>Whether the configuration lists the file (a policy or a reference).</summary>
        public bool Lists(string path) => _listed.Contains(path);
    }
}
