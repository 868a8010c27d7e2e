using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.Journeys
{
    /// <summary>
    /// A user journey ends by issuing a token. The upload rejects a journey with no SendClaims step (upload error U18 "User journey
    /// 'PasswordReset' does not contain a send claims step", azure-ad-b2c/samples#44): an error. It does not require the SendClaims
    /// step to be last: steps after an unconditional SendClaims step never run, and a journey whose SendClaims steps all have
    /// preconditions can run off its end without a token: warnings. Sub journeys of Type Call return to their caller and are
    /// exempt; Transfer sub journeys never return, so they end the same way.
    /// </summary>
    public sealed class PL3002NoFinalSendClaims : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL3002",
            "Journey does not end with SendClaims",
            "{0} must end with a SendClaims step, but {1}",
            DiagnosticSeverity.Error,
            "A user journey, and a sub journey of Type Transfer, must contain a SendClaims step that issues the token (the upload rejects one without), and should end with it: steps after an unconditional SendClaims step never run. Sub journeys of Type Call return to their caller and are exempt.");

        public override void Initialize(RuleRegistration registration) => registration.OnPolicy(context =>
        {
            foreach (var journey in context.Get(JourneyScope.Of).Journeys)
            {
                if (journey.Kind == DeclarationKind.SubJourney && JourneyScope.JourneyAttribute(journey, "Type") != "Transfer") continue;
                var steps = journey.Steps;
                if (steps.Count == 0)
                {
                    context.Report(DiagnosticSeverity.Error, journey.Nearest, JourneyScope.Describe(journey), "it has no orchestration steps");
                    continue;
                }
                var last = steps[steps.Count - 1];
                if (JourneyScope.TypeOf(last) == "SendClaims") continue;
                var sendClaims = steps.Where(s => JourneyScope.TypeOf(s) == "SendClaims").ToList();
                if (sendClaims.Count == 0)
                {
                    context.Report(DiagnosticSeverity.Error, journey.Nearest, JourneyScope.Describe(journey), "it has no SendClaims step");
                    continue;
                }
                string lastStep = $"its last step (Order {last["Order"]}) is of Type '{JourneyScope.TypeOf(last)}'";
                PolicyNode? unconditional = sendClaims.Where(s => !HasPreconditions(journey, s)).Cast<PolicyNode?>().FirstOrDefault();
                string problem = unconditional is PolicyNode final
                    ? $"{lastStep}: the steps after the SendClaims step (Order {final["Order"]}) never run"
                    : $"{lastStep}: when the preconditions skip every SendClaims step, the journey ends without issuing a token";
                context.Report(DiagnosticSeverity.Warning, journey.Nearest, JourneyScope.Describe(journey), problem);
            }
        });

        private static bool HasPreconditions(MergedJourney journey, PolicyNode step)
            => journey.PartsOf(step).Any(part => part.Path("Preconditions", "Precondition").Any());
    }
}
