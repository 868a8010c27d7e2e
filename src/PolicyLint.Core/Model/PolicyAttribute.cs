using System;

namespace PolicyLint.Model
{
    /// <summary>
    /// An attribute, made when asked for from its document's attribute array (a class, not a handle, so that a
    /// missing attribute is plain null and its Value is the attribute's value). Two instances for the same
    /// attribute are equal.
    /// </summary>
    public sealed class PolicyAttribute : IEquatable<PolicyAttribute>
    {
        private readonly PolicyDocument _document;
        private readonly int _owner, _index;

        internal PolicyAttribute(PolicyDocument document, int owner, int index)
        {
            _document = document;
            _owner = owner;
            _index = index;
        }

        private ref AttributeData Data => ref _document.Attributes[_index];
        public PolicyNode Owner => new PolicyNode(_document, _owner);
        public string Name => _document.Names[Data.Name];
        public string Value => _document.AttributeValues[_index];
        public SourceSpan NameSpan => _document.Span(Data.NameStart, Data.NameStart + Name.Length);
        /// <summary>The value between the quotes.</summary>
        public SourceSpan ValueSpan => _document.Span(Data.ValueStart, Data.ValueEnd);
        internal int ValueEnd => Data.ValueEnd;

        public bool Equals(PolicyAttribute? other) => other != null && _index == other._index && ReferenceEquals(_document, other._document);
        public override bool Equals(object? obj) => Equals(obj as PolicyAttribute);
        public override int GetHashCode() => _document.GetHashCode() * 31 + _index;

        public override string ToString() => $"{Name}=\"{Value}\"";
    }
}
