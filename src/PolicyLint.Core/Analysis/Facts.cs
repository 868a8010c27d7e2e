using System;
using PolicyLint.Resolution;

namespace PolicyLint.Analysis
{
    // A fact is something several rules (or one rule, on many elements) read and that costs enough to compute once: the
    // claim flow, the journeys a relying party runs, a file's schema findings. A rule declares it once, as an immutable
    // static field, and reads it with context.Get(fact); the engine computes it on first use and keeps the value for as
    // long as what it is computed from: the kind of fact says what that is, because its function is given only that.
    //
    //   PolicyFact<T>: from the policy being analyzed (its document and chain); let go when the engine moves to the next policy.
    //   ScopeFact<T>:  from a resolution scope (the chain's declarations alone), shared by the relying parties of one base;
    //                  let go with the scope, once no scope left to analyze uses it.
    //   FileFact<T>:   from one parsed file alone; kept with the file, so a workspace computes it once per version of the
    //                  file, whichever analyses read it.
    //   BuildFact<T>:  from every file of the build; let go with the build. A build fact that reads files other than the
    //                  chain of the policy asking must read only what AnalysisState.Shape records of them, or the
    //                  workspace's incremental analysis would keep findings computed from a stale file.

    /// <summary>A value computed from the policy being analyzed, once per policy (see Facts.cs).</summary>
    public sealed class PolicyFact<T> where T : class
    {
        internal PolicyFact(Func<PolicyContext, T> create) => Create = create;
        internal Func<PolicyContext, T> Create { get; }
    }

    /// <summary>A value computed from a resolution scope's declarations, once per scope (see Facts.cs).</summary>
    public sealed class ScopeFact<T> where T : class
    {
        internal ScopeFact(Func<ResolutionScope, T> create) => Create = create;
        internal Func<ResolutionScope, T> Create { get; }
    }

    /// <summary>A value computed from one parsed file alone, once per parsed file (see Facts.cs).</summary>
    public sealed class FileFact<T> where T : class
    {
        internal FileFact(Func<PolicyFile, T> create) => Create = create;
        internal Func<PolicyFile, T> Create { get; }
    }

    /// <summary>A value computed from every file of the build, once per build (see Facts.cs).</summary>
    public sealed class BuildFact<T> where T : class
    {
        internal BuildFact(Func<PolicySet, T> create) => Create = create;
        internal Func<PolicySet, T> Create { get; }
    }

    /// <summary>Declares facts, and reads them where there is no rule context (a fact computed from other facts).</summary>
    public static class Fact
    {
        public static PolicyFact<T> OfPolicy<T>(Func<PolicyContext, T> create) where T : class => new PolicyFact<T>(create);
        public static ScopeFact<T> OfScope<T>(Func<ResolutionScope, T> create) where T : class => new ScopeFact<T>(create);
        public static BuildFact<T> OfBuild<T>(Func<PolicySet, T> create) where T : class => new BuildFact<T>(create);
        public static FileFact<T> OfFile<T>(Func<PolicyFile, T> create) where T : class => new FileFact<T>(create);

        public static T Get<T>(this ResolutionScope scope, ScopeFact<T> fact) where T : class => scope.Facts.GetOrAdd(fact, scope, fact.Create);
        public static T Get<T>(this PolicySet set, BuildFact<T> fact) where T : class => set.Facts.GetOrAdd(fact, set, fact.Create);

        /// <summary>A file fact's value; the file may be read by several analyses at once (a workspace's environments, an editor).</summary>
        public static T Get<T>(this PolicyFile file, FileFact<T> fact) where T : class
        {
            lock (file.Facts) return file.Facts.GetOrAdd(fact, file, fact.Create);
        }
    }
}
