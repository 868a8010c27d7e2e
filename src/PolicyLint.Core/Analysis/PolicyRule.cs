using System;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// One rule = one id = one file. A rule says which elements it wants to see; the engine walks each
    /// policy once and calls it, like a Roslyn analyzer's RegisterSyntaxNodeAction.
    /// </summary>
    public abstract class PolicyRule
    {
        public abstract DiagnosticDescriptor Descriptor { get; }

        /// <summary>False for rules that must run even when a policy's inheritance chain is broken (the PL0/PL1 rules).</summary>
        public virtual bool NeedsResolvedChain => true;

        public abstract void Initialize(RuleRegistration registration);

        /// <summary>The fix this rule attaches to its diagnostics (when it can), for the docs and the fix fixtures; null when none.</summary>
        public virtual RuleFix? Fix => null;

        public string Id => Descriptor.Id;

        /// <summary>Builds a descriptor with the id's category and its documentation link.</summary>
        protected static DiagnosticDescriptor Describe(string id, string title, string messageFormat, DiagnosticSeverity severity, string description = "", bool enabledByDefault = true)
            => RuleDescriptors.Create(id, title, messageFormat, severity, description, enabledByDefault);
    }

    /// <summary>What a rule's fix does, and whether `policylint fix` applies it in bulk (safe) or only offers it.</summary>
    public sealed class RuleFix
    {
        public RuleFix(string description, bool isSafe)
        {
            Description = description;
            IsSafe = isSafe;
        }

        public string Description { get; }
        public bool IsSafe { get; }
    }

    public static class RuleDescriptors
    {
        public const string DocsBase = "https://github.com/policylint/policylint/blob/main/docs/rules/";

        public static string HelpLink(string id) => DocsBase + id + ".md";

        public static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description = "", bool enabledByDefault = true)
            => new DiagnosticDescriptor(id, title, messageFormat, RuleCategory.ForId(id), severity, enabledByDefault,
                description: description.Length == 0 ? null : description, helpLinkUri: HelpLink(id), customTags: new[] { "PolicyLint" });
    }

    /// <summary>What a rule subscribes to.</summary>
    public sealed class RuleRegistration
    {
        internal RuleRegistration(PolicyRule rule) => Rule = rule;

        internal PolicyRule Rule { get; }
        internal Action<DocumentContext>? DocumentAction { get; private set; }
        internal Action<PolicyContext>? PolicyAction { get; private set; }
        internal Action<ProjectContext>? ProjectAction { get; private set; }
        internal System.Collections.Generic.List<(string Name, Action<PolicyContext, Model.PolicyNode> Action)> ElementActions { get; } = new();
        internal System.Collections.Generic.List<ScopeAction> ScopeActions { get; } = new();

        /// <summary>Every reported file, well-formed or not, policy or not (PL0xxx file checks).</summary>
        public void OnDocument(Action<DocumentContext> action) => DocumentAction += action;

        /// <summary>Once per reported, well-formed policy, after its elements were visited.</summary>
        public void OnPolicy(Action<PolicyContext> action) => PolicyAction += action;

        /// <summary>
        /// Once per resolution scope, after its policy's elements were visited: for work whose findings lie only in the
        /// scope's declarations, which the relying parties of one base would otherwise each find again. The engine runs it
        /// with the first policy of the scope it analyzes.
        /// </summary>
        public void OnScope(Action<PolicyContext> action) => ScopeActions.Add(new ScopeAction(null, action));

        /// <summary>
        /// Once per resolution scope, with the first policy of the scope it analyzes for which <paramref name="qualifies"/>
        /// holds (a leaf, say): never, when none does. The test must depend on the policy alone, not on what ran before.
        /// </summary>
        public void OnScope(Func<PolicyContext, bool> qualifies, Action<PolicyContext> action) => ScopeActions.Add(new ScopeAction(qualifies, action));

        /// <summary>Every element with this local name in a reported, well-formed policy.</summary>
        public void OnElement(string localName, Action<PolicyContext, Model.PolicyNode> action) => ElementActions.Add((localName, action));

        /// <summary>Once for the whole build, after every policy.</summary>
        public void OnProject(Action<ProjectContext> action) => ProjectAction += action;
    }

    /// <summary>Work a rule does once per resolution scope (<see cref="RuleRegistration.OnScope(Action{PolicyContext})"/>).</summary>
    internal sealed class ScopeAction
    {
        public ScopeAction(Func<PolicyContext, bool>? qualifies, Action<PolicyContext> action)
        {
            Qualifies = qualifies;
            Action = action;
        }

        public Func<PolicyContext, bool>? Qualifies { get; }
        public Action<PolicyContext> Action { get; }
    }
}
