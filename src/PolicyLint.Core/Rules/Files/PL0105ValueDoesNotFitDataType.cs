using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Common;

namespace PolicyLint.Rules.Files
{
    /// <summary>
    /// A literal that the service parses as the claim's (or parameter's) DataType at upload and cannot:
    /// "Input string was not in a correct format" (troubleshoot.md; user-interface.md §4).
    /// </summary>
    public sealed class PL0105ValueDoesNotFitDataType : PolicyRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = Describe("PL0105",
            "Value does not fit its data type",
            "{0} '{1}' is not a valid {2} value{3}; expected {4}",
            DiagnosticSeverity.Error,
            "DefaultValue of an InputClaim, OutputClaim or PersistedClaim, an InputParameter Value and the second Value of a ClaimEquals precondition must parse as the DataType of the claim or parameter (int, long, boolean, date, dateTime, duration). Claim resolvers and {Settings:...} placeholders are not checked.");

        public override void Initialize(RuleRegistration registration)
        {
            foreach (var element in new[] { "InputClaim", "OutputClaim", "PersistedClaim" })
                registration.OnElement(element, CheckDefaultValue);
            registration.OnElement("InputParameter", CheckInputParameter);
            registration.OnElement("Precondition", CheckClaimEquals);
        }

        private void CheckDefaultValue(PolicyContext context, PolicyNode node)
        {
            var value = node.Attribute("DefaultValue");
            string? claim = node["ClaimTypeReferenceId"];
            if (value == null || claim == null || !IsLiteral(value.Value)) return;
            var declared = DeclaredType(context, claim);
            if (declared == null || Fits(declared.Value.Type, value.Value)) return;
            context.Report(value, "DefaultValue", value.Value, declared.Value.Type, $" for claim '{claim}' (declared {declared.Value.Type} in {declared.Value.Policy})", Expected(declared.Value.Type));
        }

        private void CheckInputParameter(PolicyContext context, PolicyNode node)
        {
            var value = node.Attribute("Value");
            string? type = node["DataType"];
            if (value == null || type == null || !IsLiteral(value.Value) || Fits(type, value.Value)) return;
            context.Report(value, $"InputParameter '{node["Id"]}' Value", value.Value, type, string.Empty, Expected(type));
        }

        private void CheckClaimEquals(PolicyContext context, PolicyNode node)
        {
            if (node["Type"] != "ClaimEquals") return;
            var values = node.ChildrenNamed("Value").ToList();
            if (values.Count < 2 || string.IsNullOrEmpty(values[0].Text) || values[1].Text == null || !IsLiteral(values[1].Text!)) return;
            string claim = values[0].Text!;
            string literal = values[1].Text!;
            var declared = DeclaredType(context, claim);
            if (declared == null) return;
            string type = declared.Value.Type;
            string where = $" for claim '{claim}' (declared {type} in {declared.Value.Policy})";
            if (type == "boolean")
            {
                // ClaimEquals compares the claim's string form, ordinal: a boolean that a claims transformation, a REST call or an
                // identity provider sets reads "True" or "False" (user-interface.md §4.2). One set by a DefaultValue keeps that
                // spelling, so "false" matches a DefaultValue="false": then only a warning.
                if (literal == "True" || literal == "False") return;
                const string expectedBoolean = "'True' or 'False' (ClaimEquals compares the claim's string form, case-sensitively)";
                if (context.Get(DefaultValues.Of).Sets(claim, literal))
                    context.ReportText(DiagnosticSeverity.Warning, values[1], "ClaimEquals value", literal, type,
                        where + "; it matches only where a DefaultValue spelled the same sets the claim, not a value a claims transformation, REST call or identity provider returns",
                        expectedBoolean);
                else
                    context.ReportText(DiagnosticSeverity.Error, values[1], "ClaimEquals value", literal, type, where, expectedBoolean);
                return;
            }
            if (Fits(type, literal)) return;
            // A literal no value of the type can equal is false whenever the claim has a value: policies use a sentinel such as
            // "undefined" as an absence test, and it works.
            context.ReportText(DiagnosticSeverity.Warning, values[1], "ClaimEquals value", literal, type,
                where + "; it never equals a value of the claim (for an absence test, use a ClaimsExist precondition)", Expected(type));
        }

        /// <summary>(claim, DefaultValue) pairs of every InputClaim, OutputClaim and PersistedClaim along the chain; once per policy.</summary>
        private sealed class DefaultValues
        {
            private readonly HashSet<(string Claim, string Value)> _pairs = new HashSet<(string, string)>(new PairComparer());

            /// <summary>A policy fact: the pairs of the policy's chain.</summary>
            public static readonly PolicyFact<DefaultValues> Of = Fact.OfPolicy(Build);

            public bool Sets(string claim, string value) => _pairs.Contains((claim, value));

            private static DefaultValues Build(PolicyContext context)
            {
                var result = new DefaultValues();
                foreach (var policy in context.Chain.Policies)
                {
                    if (policy.Document.Root is not PolicyNode root) continue;
                    foreach (var node in root.Descendants())
                    {
                        if (!node.IsNamed("InputClaim") && !node.IsNamed("OutputClaim") && !node.IsNamed("PersistedClaim")) continue;
                        string? claim = node["ClaimTypeReferenceId"];
                        string? value = node["DefaultValue"];
                        if (claim != null && value != null) result._pairs.Add((claim, value));
                    }
                }
                return result;
            }

            /// <summary>Claim Ids match ignoring case (as the service matches them); values exactly.</summary>
            private sealed class PairComparer : IEqualityComparer<(string Claim, string Value)>
            {
                public bool Equals((string Claim, string Value) a, (string Claim, string Value) b)
                    => string.Equals(a.Claim, b.Claim, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Value, b.Value, StringComparison.Ordinal);

                public int GetHashCode((string Claim, string Value) pair)
                    => StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Claim) * 31 + StringComparer.Ordinal.GetHashCode(pair.Value);
            }
        }

        private static bool IsLiteral(string value) => value.Length > 0 && !Placeholders.IsDynamic(value);

        /// <summary>The claim's DataType as merged along the chain (the nearest declaration that has one).</summary>
        private static (string Type, string Policy)? DeclaredType(PolicyContext context, string claim)
        {
            var parts = context.Chain.All(DeclarationKind.ClaimType, claim);
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                string? type = parts[i].ChildText("DataType");
                if (type == null) continue;
                var owner = context.Chain.Policies.FirstOrDefault(p => p.Document == parts[i].Document);
                return (type, owner?.PolicyId ?? System.IO.Path.GetFileName(parts[i].Document.FilePath));
            }
            return null;
        }

        private static readonly Regex Duration = new Regex(
            @"^-?P(?=\d|T\d)(\d+Y)?(\d+(Mo|M))?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$", RegexOptions.CultureInvariant, PolicyLint.Common.RegexGuard.Limit);

        /// <summary>True when the value parses as the type, or the type is not one this rule checks.</summary>
        internal static bool Fits(string type, string value)
        {
            switch (type)
            {
                case "int": return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                case "long": return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                case "boolean": return bool.TryParse(value, out _);
                case "date":
                case "dateTime":
                    return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);
                case "duration":
                    // The service's parser is not documented: accept the docs' PnYnMoDTnHnMnS form, xsd:duration and .NET TimeSpan text.
                    if (RegexGuard.IsMatch(Duration, value.Trim(), onTimeout: true) || TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)) return true;
                    try { XmlConvert.ToTimeSpan(value); return true; }
                    catch (FormatException) { return false; }
                    catch (OverflowException) { return false; }
                default: return true;
            }
        }

        private static string Expected(string type) => type switch
        {
            "int" => "a whole number from -2147483648 to 2147483647, such as 0",
            "long" => "a 64-bit whole number, such as 0",
            "boolean" => "true or false",
            "date" => "an ISO 8601 date such as 2022-01-01",
            "dateTime" => "an ISO 8601 date and time such as 2022-01-01T00:00:00Z",
            "duration" => "a duration such as P1Y2Mo5D or PT8H",
            _ => type,
        };
    }
}
