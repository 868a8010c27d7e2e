using System;
using System.Linq;
using PolicyLint.Model;

namespace PolicyLint.Analysis
{
    /// <summary>
    /// PL0004, raised by the engine when a rule throws. Its rule (Rules/Files/PL0004AnalyzerFailure.cs) lies above the
    /// engine, so the engine finds it by id among the discovered rules.
    /// </summary>
    internal static class AnalyzerFailure
    {
        public const string Id = "PL0004";

        private static readonly Lazy<PolicyRule> Rule = new Lazy<PolicyRule>(() => PolicyAnalyzer.Rules.Single(r => r.Id == Id));

        public static void Report(RuleContext context, PolicyRule failed, PolicyDocument? document, Exception ex)
        {
            var previous = context.CurrentRule;
            context.CurrentRule = Rule.Value;
            try
            {
                if (document != null)
                    context.Report(document, document.FileStart, failed.Id, ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                context.CurrentRule = previous;
            }
        }
    }
}
