using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolicyLint.Analysis;
using PolicyLint.Catalogs;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules.ClaimsTransformations
{
    /// <summary>One of the three lists of a ClaimsTransformation, matched against what its method takes.</summary>
    internal sealed class TransformationList
    {
        private TransformationList(string listName, string itemName, string nameAttribute, string what,
            Func<TransformationMethod, List<TransformationSlot>> slots, Func<TransformationMethod, OpenSlots?> open)
        {
            ListName = listName;
            ItemName = itemName;
            NameAttribute = nameAttribute;
            What = what;
            Slots = slots;
            Open = open;
        }

        public string ListName { get; }
        public string ItemName { get; }
        /// <summary>TransformationClaimType for claims, Id for parameters.</summary>
        public string NameAttribute { get; }
        /// <summary>How messages call an entry: "input claim", "input parameter", "output claim".</summary>
        public string What { get; }
        public Func<TransformationMethod, List<TransformationSlot>> Slots { get; }
        public Func<TransformationMethod, OpenSlots?> Open { get; }
        public bool IsParameter => ItemName == "InputParameter";

        public static readonly ImmutableArray<TransformationList> All = ImmutableArray.Create<TransformationList>(
            new TransformationList("InputClaims", "InputClaim", "TransformationClaimType", "input claim", m => m.InputClaims, m => m.OpenInputClaims),
            new TransformationList("InputParameters", "InputParameter", "Id", "input parameter", m => m.InputParameters, m => m.OpenInputParameters),
            new TransformationList("OutputClaims", "OutputClaim", "TransformationClaimType", "output claim", m => m.OutputClaims, m => m.OpenOutputClaims));

        /// <summary>Each entry of this list with the slot it fills (null when unknown; Open when the name is open-ended).</summary>
        public IEnumerable<(PolicyNode Node, TransformationSlot? Slot, OpenSlots? Open)> Entries(PolicyNode transformation, TransformationMethod method)
        {
            var open = Open(method);
            var slots = Slots(method);
            foreach (var node in transformation.Path(ListName, ItemName))
            {
                string? name = node[NameAttribute];
                var slot = name == null ? null : SlotNamed(slots, name);
                yield return (node, slot, slot == null && open != null && open.AcceptsName(name) ? open : null);
            }
        }

        /// <summary>The slot an entry's name fills, or null.</summary>
        public static TransformationSlot? SlotNamed(List<TransformationSlot> slots, string name)
        {
            foreach (var slot in slots)
                if (slot.Matches(name)) return slot;
            return null;
        }

        /// <summary>"inputClaim1, inputClaim2" or "none".</summary>
        public string DescribeNames(TransformationMethod method)
        {
            var names = Slots(method).Select(s => s.Name).ToList();
            var open = Open(method);
            if (open != null) names.Add("(" + open.Note + ")");
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
    }

    internal static class TransformationShape
    {
        /// <summary>Calls the action for every declared ClaimsTransformation whose method is documented, with its Id.</summary>
        public static void OnTransformation(RuleRegistration registration, Action<PolicyContext, PolicyNode, TransformationMethod, string> action)
            => registration.OnElement("ClaimsTransformation", (context, node) =>
            {
                var method = MethodOf(node);
                if (method != null) action(context, node, method, node["Id"] ?? "");
            });

        /// <summary>A ClaimsTransformation declaration (BuildingBlocks/ClaimsTransformations) with a documented method.</summary>
        public static TransformationMethod? MethodOf(PolicyNode node)
        {
            if (node.Parent?.IsNamed("ClaimsTransformations") != true) return null;
            string? name = node["TransformationMethod"];
            return string.IsNullOrEmpty(name) ? null : ClaimsTransformationCatalog.Find(name!);
        }

        /// <summary>The ClaimType's DataType as the service sees it: the last declaration along the chain that states one.</summary>
        public static string? ClaimDataType(PolicyContext context, string claimId)
        {
            var declarations = context.Chain.All(DeclarationKind.ClaimType, claimId);
            for (int i = declarations.Count - 1; i >= 0; i--)
            {
                string? type = declarations[i].ChildText("DataType");
                if (!string.IsNullOrEmpty(type)) return type;
            }
            return null;
        }
    }
}
