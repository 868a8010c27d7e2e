using System.Collections.Generic;
using System.Linq;
using PolicyLint.Catalogs.Schema;
using PolicyLint.Model;

namespace PolicyLint.Rules.Files
{
    /// <summary>The children of an element put in its type's slot order, when that order is all that is wrong.</summary>
    public static class SchemaOrder
    {
        /// <summary>
        /// The children sorted by slot (stable: children of one slot keep their order), or null when that is not a valid
        /// sequence (an unknown or foreign child, too many of one, two branches of a choice, a required slot empty) or
        /// changes nothing.
        /// </summary>
        public static List<PolicyNode>? Reordered(PolicyNode parent, ElementType type)
        {
            var children = parent.Children.ToList();
            var slotOf = new int[children.Count];
            for (int i = 0; i < children.Count; i++)
            {
                if (children[i].NamespaceUri != PolicyDocument.PolicyNamespace) return null;
                slotOf[i] = type.SlotOf(children[i].Name);
                if (slotOf[i] < 0) return null;
            }
            var order = Enumerable.Range(0, children.Count).OrderBy(i => slotOf[i]).ToList();
            if (order.Select((child, at) => child == at).All(same => same)) return null;

            int next = 0;
            for (int s = 0; s < type.Slots.Count; s++)
            {
                var slot = type.Slots[s];
                int branch = -1, count = 0;
                for (; next < order.Count && slotOf[order[next]] == s; next++, count++)
                {
                    int particle = slot.IndexOf(children[order[next]].Name);
                    if (branch >= 0 && particle != branch) return null;
                    branch = particle;
                }
                if (count == 0 ? !slot.IsOptional : count < slot.Particles[branch].Min || count > slot.Particles[branch].Max) return null;
            }
            return order.Select(i => children[i]).ToList();
        }
    }
}
