using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Model;
using PolicyLint.Common;

namespace PolicyLint.Rules.Files
{
    public enum SchemaProblem
    {
        /// <summary>PL0101: unknown element, wrong parent, wrong position or too many.</summary>
        ElementNotAllowed,
        /// <summary>PL0102: required element or attribute missing.</summary>
        Missing,
        /// <summary>PL0103: value outside the enumeration or pattern.</summary>
        ValueNotAllowed,
        /// <summary>PL0104: duplicate key within its scope.</summary>
        Duplicate,
    }

    /// <summary>One schema finding: where (an element's start tag, its text, or an attribute's value) and what.</summary>
    public sealed class SchemaFinding
    {
        internal SchemaFinding(SchemaProblem problem, PolicyNode node, PolicyAttribute? attribute, bool atText, string message)
        {
            Problem = problem;
            Node = node;
            Attribute = attribute;
            AtText = atText;
            Message = message;
        }

        public SchemaProblem Problem { get; }
        public PolicyNode Node { get; }
        public PolicyAttribute? Attribute { get; }
        public bool AtText { get; }
        public string Message { get; }
        /// <summary>
        /// The parent's type when the element is one its parent allows but stands in the wrong place or once too often
        /// (not an unknown element, not a wrong parent): reordering the parent's children may then repair it (PL0101's fix).
        /// </summary>
        public ElementType? ParentType { get; internal set; }

        public SourceSpan Span => Attribute != null ? Attribute.ValueSpan : AtText && Node.Text != null ? Node.TextSpan : Node.StartTag;

        public override string ToString() => $"{Problem} {Span}: {Message}";
    }

    /// <summary>
    /// Validates one policy file against <see cref="PolicySchema"/> in a single walk over its elements (explicit
    /// stack, no recursion). Each child list is matched against its parent's ordered slots greedily, which is exact
    /// because the schema's sequences are deterministic (no element name appears in two slots of one parent).
    /// An element that is not allowed is reported once and its subtree is not validated (no cascade), except an
    /// element that is only out of order, whose content is still checked against its own type.
    /// </summary>
    public static class SchemaValidator
    {
        public static List<SchemaFinding> Validate(PolicyDocument document) => Validate(document, PolicySchema.Model);

        public static List<SchemaFinding> Validate(PolicyDocument document, PolicySchemaModel schema)
        {
            var findings = new List<SchemaFinding>();
            var root = document.Root;
            if (root == null || !document.IsPolicy) return findings;

            var stack = new Stack<(PolicyNode Node, ElementType Type)>();
            var keys = new KeyScratch();
            stack.Push((root.Value, schema.Root));
            while (stack.Count > 0)
            {
                var (node, type) = stack.Pop();
                CheckAttributes(node, type, findings);
                CheckText(node, type, findings);
                if (type.AnyContent) continue;
                MatchChildren(node, type, schema, findings, stack);
                foreach (var key in type.Keys) CheckKey(node, key, findings, keys);
            }
            return findings;
        }

        private static void CheckAttributes(PolicyNode node, ElementType type, List<SchemaFinding> findings)
        {
            if (type.HasRequiredAttributes)
            foreach (var decl in type.Attributes)
            {
                if (decl.Required && node[decl.Name] == null)
                    findings.Add(new SchemaFinding(SchemaProblem.Missing, node, null, false,
                        $"<{node.Name}> is missing the required attribute '{decl.Name}'." + AttributeHint(node, decl.Name, type)));
            }
            if (!type.HasTypedAttributes) return;
            var attributes = node.Attributes;
            for (int i = 0; i < attributes.Count; i++)
            {
                var decl = type.Attribute(attributes.NameAt(i));
                if (decl?.Type == null || decl.Type.ReportedBy != null) continue;
                string value = attributes.ValueAt(i);
                // The attribute object is made only for a finding.
                if (!IsAllowed(decl.Type, value)) CheckValue(node, attributes[i], decl.Type, value, findings);
            }
        }

        // A misspelt attribute shows up as a missing required one: name the attribute that is there instead.
        private static string AttributeHint(PolicyNode node, string missing, ElementType type)
        {
            foreach (var attribute in node.Attributes)
            {
                if (type.Attribute(attribute.Name) != null) continue;
                if (DidYouMean.Nearest(attribute.Name, new[] { missing }) != null || string.Equals(attribute.Name, missing, StringComparison.OrdinalIgnoreCase))
                    return $" Found '{attribute.Name}': attribute names are case-sensitive and must be spelt exactly.";
            }
            return string.Empty;
        }

        private static void CheckText(PolicyNode node, ElementType type, List<SchemaFinding> findings)
        {
            if (!type.AllowsText)
            {
                // Text that is only {Settings:Key} tokens stands for elements the build puts in (PL7008 reports a token without a value).
                if (node.Text != null && !PolicyLint.Common.SettingsTokens.IsOnlyTokens(node.Text))
                    findings.Add(new SchemaFinding(SchemaProblem.ValueNotAllowed, node, null, true,
                        $"<{node.Name}> cannot contain text (found '{Shorten(node.Text)}'): it holds {(type.Slots.Count == 0 ? "only attributes" : "only child elements")}."));
                return;
            }
            var valueType = type.Text;
            if (valueType == null || valueType.ReportedBy != null) return;
            CheckValue(node, null, valueType, node.Text ?? string.Empty, findings);
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

        // A token is replaced before the upload; a braced name cannot be part of a schema-typed value, so it is a
        // deploy-time token too. A sample placeholder is PL7001's (one warning, not also an error here): only what is
        // wrong besides it ('yourtenant.on microsoft.com') is checked.
        private static bool IsAllowed(SimpleType valueType, string value)
            => valueType.IsValid(value) || Placeholders.IsDynamic(value) || Placeholders.HasBracedName(value)
               || (Placeholders.IsSamplePlaceholder(value) && (Placeholders.WithoutSamplePlaceholder(value) is not string rest || valueType.IsValid(rest)));

        private static void CheckValue(PolicyNode node, PolicyAttribute? attribute, SimpleType valueType, string value, List<SchemaFinding> findings)
        {
            if (IsAllowed(valueType, value)) return;
            string what = attribute != null ? $"{attribute.Name} of <{node.Name}>" : $"<{node.Name}>";
            string shown = value.Length == 0 ? "An empty value" : $"'{value}'";
            string hint = valueType.Values != null ? DidYouMean.Hint(value, valueType.Values) : string.Empty;
            findings.Add(new SchemaFinding(SchemaProblem.ValueNotAllowed, node, attribute, attribute == null,
                $"{shown} is not allowed for {what}: expected {valueType.Expectation}.{hint}"));
        }

        private static void MatchChildren(PolicyNode node, ElementType type, PolicySchemaModel schema, List<SchemaFinding> findings, Stack<(PolicyNode, ElementType)> stack)
        {
            var children = node.Children;
            var slots = type.Slots;
            int slot = 0;          // current slot
            int branch = -1;       // particle used in the current slot (choices)
            int count = 0;         // occurrences in the current slot
            string? previous = null; // last child accepted, for messages
            bool reported = false;
            string? lastName = null; // siblings often repeat a name (OutputClaim, OutputClaim...): skip the lookup
            (int Slot, int Particle) lastPosition = (-1, -1);

            for (int i = 0; i < children.Count; i++)
            {
                var child = children[i];
                if (!ReferenceEquals(child.Name, lastName))
                {
                    lastName = child.Name;
                    lastPosition = child.NamespaceUri == PolicyDocument.PolicyNamespace ? type.PositionOf(child.Name) : (-1, -1);
                }
                var (target, particleIndex) = lastPosition;
                if (target < 0)
                {
                    reported = true;
                    findings.Add(NotAllowed(child, node, type, schema, slots, slot, branch, count, previous, unknownHere: true));
                    continue; // subtree skipped: one diagnostic, not a cascade
                }

                var particle = slots[target].Particles[particleIndex];
                bool accepted;
                if (target == slot)
                {
                    accepted = (branch < 0 || branch == particleIndex) && count < particle.Max;
                }
                else if (target > slot)
                {
                    // Skipping ahead is fine only if no required slot is jumped over.
                    accepted = SlotSatisfied(slots[slot], branch, count);
                    for (int s = slot + 1; accepted && s < target; s++) accepted = slots[s].IsOptional;
                }
                else accepted = false;

                if (!accepted)
                {
                    reported = true;
                    findings.Add(NotAllowed(child, node, type, schema, slots, slot, branch, count, previous, unknownHere: false));
                    // Out of order but in the right parent: its own content is still worth checking.
                    stack.Push((child, particle.Type));
                    continue;
                }

                if (target != slot)
                {
                    slot = target;
                    count = 0;
                }
                branch = particleIndex;
                count++;
                previous = child.Name;
                stack.Push((child, particle.Type));
            }

            // A child already reported as not allowed usually explains what looks missing: say it once.
            if (reported || slots.Count == 0) return;
            for (int s = slot; s < slots.Count; s++)
            {
                bool satisfied = s == slot ? SlotSatisfied(slots[s], branch, count) : slots[s].IsOptional;
                if (satisfied) continue;
                var missing = slots[s].Particles[0];
                string where = s == slot || previous == null ? "" : $" (after <{previous}>)";
                findings.Add(new SchemaFinding(SchemaProblem.Missing, node, null, false,
                    $"<{node.Name}> is missing the required element <{missing.Name}>{where}."));
                break;
            }
        }

        private static bool SlotSatisfied(Slot slot, int branch, int count)
            => branch >= 0 ? count >= slot.Particles[branch].Min : slot.IsOptional;

        private static SchemaFinding NotAllowed(PolicyNode child, PolicyNode parent, ElementType type, PolicySchemaModel schema,
            List<Slot> slots, int slot, int branch, int count, string? previous, bool unknownHere)
        {
            var expected = Expected(slots, slot, branch, count);
            string position = previous == null ? $"at the start of <{parent.Name}>" : $"after <{previous}>";
            string expectation = expected.Count == 0
                ? (previous == null ? $" <{parent.Name}> has no child elements." : $" Nothing more is allowed {position}.")
                : $" Expected {(expected.Count == 1 ? "" : "one of ")}{List(expected)} {position}.";

            string what;
            if (child.NamespaceUri != PolicyDocument.PolicyNamespace)
            {
                what = $"Element <{child.Name}> in namespace '{child.NamespaceUri}' is not allowed in <{parent.Name}>: policy elements are in namespace '{PolicyDocument.PolicyNamespace}'.";
            }
            else if (unknownHere)
            {
                var homes = schema.ParentsOf(child.Name);
                what = homes.Length > 0
                    ? $"Element <{child.Name}> is not allowed in <{parent.Name}>; it belongs in {string.Join(" or ", homes.Select(h => "<" + h + ">"))}."
                    : $"Element <{child.Name}> is not a policy schema element and is not allowed in <{parent.Name}>.";
                string hint = DidYouMean.Hint(child.Name, type.ChildNames());
                if (hint.Length > 0) return new SchemaFinding(SchemaProblem.ElementNotAllowed, child, null, false, what + expectation + hint);
            }
            else
            {
                int target = type.SlotOf(child.Name);
                var particle = slots[target].Particles[slots[target].IndexOf(child.Name)];
                if (target == slot && branch >= 0 && branch != slots[target].IndexOf(child.Name))
                    what = $"Element <{child.Name}> cannot be combined with <{slots[slot].Particles[branch].Name}> in <{parent.Name}>.";
                else if (target == slot)
                    what = $"Element <{child.Name}> may appear {(particle.Max == 1 ? "only once" : $"at most {particle.Max} times")} in <{parent.Name}>.";
                else if (target < slot)
                    what = $"Element <{child.Name}> is out of order in <{parent.Name}>: it must come before <{slots[slot].Particles[Math.Max(branch, 0)].Name}>.";
                else
                    what = $"Element <{child.Name}> is not allowed here in <{parent.Name}>: a required element comes first.";
            }
            return new SchemaFinding(SchemaProblem.ElementNotAllowed, child, null, false, what + expectation) { ParentType = unknownHere ? null : type };
        }

        /// <summary>What the key checks of one file reuse: every element with keys would otherwise make its own lists and map.</summary>
        private sealed class KeyScratch
        {
            public List<PolicyNode> Level = new List<PolicyNode>(), Next = new List<PolicyNode>();
            public readonly Dictionary<string, PolicyNode> Seen = new Dictionary<string, PolicyNode>(StringComparer.Ordinal);
        }

        /// <summary>The elements at a short path of child names below the scope (no iterator nesting, no recursion), in <see cref="KeyScratch.Level"/>.</summary>
        private static List<PolicyNode> Selected(PolicyNode scope, string[] path, KeyScratch scratch)
        {
            var level = scratch.Level;
            level.Clear();
            level.Add(scope);
            foreach (var step in path)
            {
                var next = scratch.Next;
                next.Clear();
                foreach (var node in level)
                {
                    var children = node.Children;
                    for (int i = 0; i < children.Count; i++)
                        if (children[i].IsNamed(step)) next.Add(children[i]);
                }
                scratch.Next = level;
                scratch.Level = level = next;
            }
            return level;
        }

        // Long lists (a TechnicalProfile has 30 children) are cut: the first few are the likely intent.
        private static string List(List<string> names)
            => names.Count <= MaxListed ? string.Join(", ", names) : string.Join(", ", names.Take(MaxListed)) + ", ...";

        private const int MaxListed = 8;

        /// <summary>The names that may come next: the current slot if it has room, then following slots up to the first required one.</summary>
        private static List<string> Expected(List<Slot> slots, int slot, int branch, int count)
        {
            var names = new List<string>();
            for (int s = slot; s < slots.Count; s++)
            {
                var current = slots[s];
                bool isCurrent = s == slot;
                for (int p = 0; p < current.Particles.Length; p++)
                {
                    var particle = current.Particles[p];
                    if (isCurrent && branch >= 0 && (branch != p || count >= particle.Max)) continue;
                    if (!names.Contains(particle.Name)) names.Add(particle.Name);
                }
                bool satisfied = isCurrent ? SlotSatisfied(current, branch, count) : current.IsOptional;
                if (!satisfied) break;
            }
            return names;
        }

        private static void CheckKey(PolicyNode scope, UniqueKey key, List<SchemaFinding> findings, KeyScratch scratch)
        {
            var selected = Selected(scope, key.Path, scratch);
            if (selected.Count < 2) return;
            var seen = scratch.Seen;
            seen.Clear();
            foreach (var node in selected)
            {
                string? value = node[key.Field];
                if (value == null) continue;
                if (key.Numeric && int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
                    value = number.ToString(CultureInfo.InvariantCulture);
                if (seen.TryGetValue(value, out var first))
                {
                    int line = first.StartTag.Start.Line + 1;
                    string scopeName = scope.Attribute("Id") is PolicyAttribute id ? $"<{scope.Name} Id=\"{id.Value}\">" : $"<{scope.Name}>";
                    if (scope.Name == "OrchestrationSteps" && scope.Parent?["Id"] is string journey) scopeName = $"<{scope.Parent.Value.Name} Id=\"{journey}\">";
                    findings.Add(new SchemaFinding(SchemaProblem.Duplicate, node, node.Attribute(key.Field), false,
                        $"{key.Kind} '{node[key.Field]}' is already used in {scopeName} at line {line}; each must be unique."));
                }
                else seen[value] = node;
            }
        }
    }
}

namespace PolicyLint.Rules.Files
{
    /// <summary>The findings of one policy file, computed once and shared by PL0101-PL0104.</summary>
    public sealed class SchemaFindings
    {
        public SchemaFindings(List<SchemaFinding> all) => All = all;

        public List<SchemaFinding> All { get; }
    }
}
