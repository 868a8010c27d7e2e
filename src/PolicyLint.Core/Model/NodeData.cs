namespace PolicyLint.Model
{
    /// <summary>
    /// One element as its document stores it: 52 bytes. Its attributes run from AttributeStart to the next element's
    /// AttributeStart (attributes are stored in element order); its name and namespace are indexes into the document's
    /// lists; its position among its siblings is looked up when asked, not stored.
    /// It holds no references, nor does <see cref="AttributeData"/>: the garbage collector then never scans the large
    /// arrays of them, which cost more collection time than their size when each element held its text.
    /// </summary>
    internal struct NodeData
    {
        /// <summary>One more than the index of the element's text in the document's <see cref="PolicyDocument.Texts"/>; 0 when it has none.</summary>
        public int Text;
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

    /// <summary>One attribute as its document stores it: 16 bytes; its value is in <see cref="PolicyDocument.AttributeValues"/> at the same index.</summary>
    internal struct AttributeData
    {
        /// <summary>Index into the document's <see cref="PolicyDocument.Names"/>.</summary>
        public int Name;
        public int NameStart, ValueStart, ValueEnd;
    }
}
