namespace PolicyLint.Model
{
    /// <summary>
    /// One element as its document stores it: 56 bytes. Its attributes run from AttributeStart to the next element's
    /// AttributeStart (attributes are stored in element order); its name and namespace are indexes into the document's
    /// lists; its position among its siblings is looked up when asked, not stored.
    /// </summary>
    internal struct NodeData
    {
        public string? Text;
        /// <summary>Index into the document's <see cref="PolicyDocument.Names"/>.</summary>
        public int Name;
        public int Namespace;
        public int Parent;
        public int Depth;
        public int ChildStart, ChildCount;
        public int AttributeStart;
        public int TagStart, TagEnd;
        public int TextStart, TextEnd;
        public int EndOffset;
    }

    /// <summary>One attribute as its document stores it: 24 bytes.</summary>
    internal struct AttributeData
    {
        public string Value;
        /// <summary>Index into the document's <see cref="PolicyDocument.Names"/>.</summary>
        public int Name;
        public int NameStart, ValueStart, ValueEnd;
    }
}
