using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs.Schema
{
    /// <summary>A built schema: every element type, the root, and which parents each element name has.</summary>
    public sealed class PolicySchemaModel
    {
        internal PolicySchemaModel(ElementType root, IReadOnlyDictionary<string, ElementType> types, IReadOnlyDictionary<string, string[]> parents)
        {
            Root = root;
            Types = types;
            Parents = parents;
        }

        public ElementType Root { get; }
        public IReadOnlyDictionary<string, ElementType> Types { get; }
        /// <summary>Element name → the element names it may appear in ("ClaimType" → ["ClaimsSchema"]).</summary>
        public IReadOnlyDictionary<string, string[]> Parents { get; }

        public string[] ParentsOf(string elementName) => Parents.TryGetValue(elementName, out var p) ? p : Array.Empty<string>();
    }

    /// <summary>Small DSL that keeps <see cref="PolicySchema"/> close to the notation of schema.md.</summary>
    internal sealed class SchemaBuilder
    {
        private const string FreeText = "#text";
        private readonly Dictionary<string, ElementType> _types = new Dictionary<string, ElementType>(StringComparer.Ordinal);

        public TypeBuilder Type(string name)
        {
            if (_types.ContainsKey(name)) throw new InvalidOperationException("Schema type declared twice: " + name);
            var type = new ElementType(name);
            _types[name] = type;
            return new TypeBuilder(this, type);
        }

        /// <summary>The shared type of a text-only element (no attributes, no children).</summary>
        internal string TextType(SimpleType? value)
        {
            string name = value == null ? FreeText : "#" + value.Name + (value.ReportedBy == null ? "" : "@" + value.ReportedBy);
            if (!_types.ContainsKey(name)) _types[name] = new ElementType(name) { Text = value, AllowsText = true };
            return name;
        }

        public PolicySchemaModel Build(string rootType)
        {
            var parents = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            var usedAs = new Dictionary<ElementType, HashSet<string>>();
            foreach (var type in _types.Values)
                foreach (var slot in type.Slots)
                    foreach (var p in slot.Particles)
                    {
                        if (!_types.TryGetValue(p.TypeName, out var target))
                            throw new InvalidOperationException($"Schema type '{p.TypeName}' of element {type.Name}/{p.Name} is not declared.");
                        p.Type = target;
                        if (!usedAs.TryGetValue(target, out var names)) usedAs[target] = names = new HashSet<string>(StringComparer.Ordinal);
                        names.Add(p.Name);
                    }
            var root = _types[rootType];
            usedAs[root] = new HashSet<string> { "TrustFrameworkPolicy" };
            foreach (var type in _types.Values)
                foreach (var slot in type.Slots)
                    foreach (var p in slot.Particles)
                    {
                        if (!parents.TryGetValue(p.Name, out var set)) parents[p.Name] = set = new SortedSet<string>(StringComparer.Ordinal);
                        if (usedAs.TryGetValue(type, out var owners)) set.UnionWith(owners);
                    }
            return new PolicySchemaModel(root, _types, parents.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    internal sealed class TypeBuilder
    {
        private readonly SchemaBuilder _schema;
        private readonly ElementType _type;

        public TypeBuilder(SchemaBuilder schema, ElementType type)
        {
            _schema = schema;
            _type = type;
        }

        public TypeBuilder Attr(string name, SimpleType? type = null) { _type.Attributes.Add(new AttributeDecl(name, false, type)); return this; }
        public TypeBuilder RequiredAttr(string name, SimpleType? type = null) { _type.Attributes.Add(new AttributeDecl(name, true, type)); return this; }

        /// <summary>The element's own text has this type (XSD simpleContent or a simple-typed element).</summary>
        public TypeBuilder Text(SimpleType type) { _type.Text = type; _type.AllowsText = true; return this; }

        /// <summary>The element's own text is free (XSD simpleContent extending xs:string).</summary>
        public TypeBuilder FreeText() { _type.AllowsText = true; return this; }

        /// <summary>Children are not validated (xs:any processContents="skip").</summary>
        public TypeBuilder AnyChildren() { _type.AnyContent = true; _type.AllowsText = true; return this; }

        // Complex children: the type defaults to the element's name.
        public TypeBuilder Optional(string element, string? type = null) => Add(element, type ?? element, 0, 1);
        public TypeBuilder Required(string element, string? type = null) => Add(element, type ?? element, 1, 1);
        public TypeBuilder ZeroOrMore(string element, string? type = null) => Add(element, type ?? element, 0, Particle.Unbounded);
        public TypeBuilder OneOrMore(string element, string? type = null) => Add(element, type ?? element, 1, Particle.Unbounded);

        // Text-only children (no attributes, no child elements).
        public TypeBuilder OptionalText(string element, SimpleType? value = null) => Add(element, _schema.TextType(value), 0, 1);
        public TypeBuilder RequiredText(string element, SimpleType? value = null) => Add(element, _schema.TextType(value), 1, 1);
        public TypeBuilder ZeroOrMoreText(string element, SimpleType? value = null) => Add(element, _schema.TextType(value), 0, Particle.Unbounded);
        public TypeBuilder OneOrMoreText(string element, SimpleType? value = null) => Add(element, _schema.TextType(value), 1, Particle.Unbounded);

        /// <summary>An optional choice: at most one of the branches is used, each within its own bounds.</summary>
        public TypeBuilder Choice(params (string Element, string Type, int Min, int Max)[] branches)
        {
            _type.Slots.Add(new Slot(branches.Select(b => new Particle(b.Element, b.Type, b.Min, b.Max)).ToArray()));
            return this;
        }

        /// <summary>Within this element, <paramref name="field"/> of the elements at <paramref name="path"/> (slash-separated) is unique.</summary>
        public TypeBuilder Key(string kind, string path, string field, bool numeric = false, string? notInXsd = null)
        {
            _type.Keys.Add(new UniqueKey(kind, path.Split('/'), field, numeric) { NotInXsd = notInXsd });
            return this;
        }

        private TypeBuilder Add(string element, string type, int min, int max)
        {
            _type.Slots.Add(new Slot(new Particle(element, type, min, max)));
            return this;
        }
    }
}
