using System;
using System.Collections.Generic;

namespace PolicyLint.Catalogs.Schema
{
    /// <summary>
    /// The shape of one kind of element: its attributes, its ordered child slots (an XSD sequence whose
    /// particles are single elements or, rarely, a choice), the type of its text, and the uniqueness keys it scopes.
    /// Built by <see cref="SchemaBuilder"/>; the data lives in <see cref="PolicySchema"/>.
    /// </summary>
    public sealed class ElementType
    {
        internal ElementType(string name) => Name = name;

        /// <summary>Type name (the element name, or Parent.Element where one name has several shapes).</summary>
        public string Name { get; }
        public List<AttributeDecl> Attributes { get; } = new List<AttributeDecl>();
        public List<Slot> Slots { get; } = new List<Slot>();
        /// <summary>The value type of the element's text; null when the text is free (or the element has none).</summary>
        public SimpleType? Text { get; internal set; }
        /// <summary>The element may hold text (a simple type or simple content); element-only and empty ones may not.</summary>
        public bool AllowsText { get; internal set; }
        /// <summary>Any child element is accepted and not validated (TechnicalProfile/Extensions).</summary>
        public bool AnyContent { get; internal set; }
        public List<UniqueKey> Keys { get; } = new List<UniqueKey>();

        private Dictionary<string, (int Slot, int Particle)>? _position;
        private int _required = -1;
        private int _typed = -1;

        /// <summary>The slot that accepts this child name and the particle within it, or (-1, -1).</summary>
        public (int Slot, int Particle) PositionOf(string childName)
        {
            var map = _position;
            if (map == null)
            {
                map = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
                for (int i = 0; i < Slots.Count; i++)
                    for (int p = 0; p < Slots[i].Particles.Length; p++)
                        if (!map.ContainsKey(Slots[i].Particles[p].Name)) map[Slots[i].Particles[p].Name] = (i, p);
                _position = map;
            }
            return map.TryGetValue(childName, out var position) ? position : (-1, -1);
        }

        public int SlotOf(string childName) => PositionOf(childName).Slot;

        /// <summary>Has required attributes (most elements have none: the check is skipped).</summary>
        public bool HasRequiredAttributes => (_required < 0 ? _required = Attributes.Exists(a => a.Required) ? 1 : 0 : _required) == 1;

        /// <summary>Has attributes with a restricted value type.</summary>
        public bool HasTypedAttributes => (_typed < 0 ? _typed = Attributes.Exists(a => a.Type != null && a.Type.ReportedBy == null) ? 1 : 0 : _typed) == 1;

        public AttributeDecl? Attribute(string name)
        {
            for (int i = 0; i < Attributes.Count; i++)
                if (string.Equals(Attributes[i].Name, name, StringComparison.Ordinal)) return Attributes[i];
            return null;
        }

        public IEnumerable<string> ChildNames()
        {
            foreach (var slot in Slots)
                foreach (var p in slot.Particles) yield return p.Name;
        }

        public override string ToString() => Name;
    }

    public sealed class AttributeDecl
    {
        public AttributeDecl(string name, bool required, SimpleType? type)
        {
            Name = name;
            Required = required;
            Type = type;
        }

        public string Name { get; }
        public bool Required { get; }
        /// <summary>Null for free strings.</summary>
        public SimpleType? Type { get; }
    }

    /// <summary>One child element allowed in a slot, with its occurrence bounds.</summary>
    public sealed class Particle
    {
        public Particle(string name, string typeName, int min, int max)
        {
            Name = name;
            TypeName = typeName;
            Min = min;
            Max = max;
        }

        public const int Unbounded = int.MaxValue;

        public string Name { get; }
        public string TypeName { get; }
        public int Min { get; }
        public int Max { get; }
        public ElementType Type { get; internal set; } = null!;
    }

    /// <summary>
    /// A position in a sequence. One particle, or a choice of several (only one of which may be used);
    /// a choice here is always optional (every branch may be empty), as in the XSD's Restriction and Inheritance.
    /// </summary>
    public sealed class Slot
    {
        public Slot(params Particle[] particles) => Particles = particles;

        public Particle[] Particles { get; }
        public bool IsChoice => Particles.Length > 1;
        public bool IsOptional => IsChoice || Particles[0].Min == 0;

        public int IndexOf(string name)
        {
            for (int i = 0; i < Particles.Length; i++)
                if (string.Equals(Particles[i].Name, name, StringComparison.Ordinal)) return i;
            return -1;
        }
    }

    /// <summary>An xs:key: within the element that owns it, the Field attribute of the elements at Path is unique.</summary>
    public sealed class UniqueKey
    {
        public UniqueKey(string kind, string[] path, string field, bool numeric)
        {
            Kind = kind;
            Path = path;
            Field = field;
            Numeric = numeric;
        }

        /// <summary>What is being keyed, for the message ("ClaimType Id", "OrchestrationStep Order").</summary>
        public string Kind { get; }
        public string[] Path { get; }
        public string Field { get; }
        /// <summary>Compared as xs:int (Order="01" duplicates Order="1").</summary>
        public bool Numeric { get; }
        /// <summary>Why the key is here when the public XSD does not declare it (null when it does).</summary>
        public string? NotInXsd { get; internal set; }
    }
}
