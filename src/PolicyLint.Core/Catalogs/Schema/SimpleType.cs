using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace PolicyLint.Catalogs.Schema
{
    /// <summary>How a simple type constrains a value; <c>SimpleTypeCheck</c> (Rules/Files) applies it.</summary>
    public enum SimpleTypeKind
    {
        /// <summary>One of <see cref="SimpleType.Values"/> (case-sensitive).</summary>
        Enumeration,
        /// <summary>The whole value matches <see cref="SimpleType.Pattern"/>.</summary>
        Pattern,
        /// <summary>xs:boolean: true, false, 1, 0 (surrounding white space collapsed).</summary>
        Boolean,
        /// <summary>xs:int: a 32-bit signed integer.</summary>
        Int,
        /// <summary>xs:integer: any whole number.</summary>
        Integer,
        /// <summary>A string of <see cref="SimpleType.MinLength"/> to <see cref="SimpleType.MaxLength"/> characters.</summary>
        Length,
    }

    /// <summary>
    /// The allowed values of an attribute or of an element's text: an enumeration, a pattern or an XSD built-in
    /// (xs:boolean, xs:int), as data. The pattern stays a string here; the schema check compiles it where it is used.
    /// </summary>
    public sealed class SimpleType
    {
        private SimpleType(string name, string expectation, SimpleTypeKind kind)
        {
            Name = name;
            Expectation = expectation;
            Kind = kind;
        }

        /// <summary>The XSD's name for the type (DataType, TenantId, xs:boolean).</summary>
        public string Name { get; }
        /// <summary>What a valid value looks like, for messages ("one of: a, b, c").</summary>
        public string Expectation { get; }
        public SimpleTypeKind Kind { get; }
        /// <summary>The enumeration, for did-you-mean hints; null for other kinds.</summary>
        public IReadOnlyList<string>? Values { get; private set; }
        /// <summary>The enumeration as a set (case-sensitive): the schema check looks up every value of every file.</summary>
        public FrozenSet<string>? ValueSet { get; private set; }
        /// <summary>The XSD pattern facet (written with \A and \z) of a <see cref="SimpleTypeKind.Pattern"/>.</summary>
        public string? Pattern { get; private set; }
        public int MinLength { get; private set; }
        public int MaxLength { get; private set; } = int.MaxValue;
        /// <summary>Set when another rule owns the check (the value is in the table for completeness only).</summary>
        public string? ReportedBy { get; private set; }

        public static SimpleType Enumeration(string name, params string[] values)
            => new SimpleType(name, "one of " + string.Join(", ", values), SimpleTypeKind.Enumeration) { Values = values, ValueSet = values.ToFrozenSet(StringComparer.Ordinal) };

        /// <summary>An XSD pattern facet: the whole value must match (written here with \A and \z).</summary>
        public static SimpleType Matching(string name, string regex, string expectation)
            => new SimpleType(name, expectation, SimpleTypeKind.Pattern) { Pattern = regex };

        /// <summary>A string whose length lies between <paramref name="min"/> and <paramref name="max"/>.</summary>
        public static SimpleType OfLength(string name, string expectation, int min, int max = int.MaxValue)
            => new SimpleType(name, expectation, SimpleTypeKind.Length) { MinLength = min, MaxLength = max };

        internal SimpleType OwnedBy(string ruleId)
            => new SimpleType(Name, Expectation, Kind) { Values = Values, ValueSet = ValueSet, Pattern = Pattern, MinLength = MinLength, MaxLength = MaxLength, ReportedBy = ruleId };

        public static readonly SimpleType Boolean = new SimpleType("xs:boolean", "true or false", SimpleTypeKind.Boolean);

        public static readonly SimpleType Int = new SimpleType("xs:int", "a whole number", SimpleTypeKind.Int);

        public static readonly SimpleType Integer = new SimpleType("xs:integer", "a whole number", SimpleTypeKind.Integer);

        public override string ToString() => Name;
    }
}
