// Which XML documents are B2C policies: those whose root element is TrustFrameworkPolicy (with or without a prefix).
// Only the start of the text is read: the prolog (declaration, comments, processing instructions, DOCTYPE) and the
// root's start tag.

const prolog = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/;
const policyRoot = /^<(?:[A-Za-z_][\w.-]*:)?TrustFrameworkPolicy(?=[\s/>]|$)/;

/** How much of a document is read to find its root: a prolog longer than this is not a policy's. */
export const headLength = 64 * 1024;

export function isPolicyText(text: string): boolean {
    const head = text.length > headLength ? text.slice(0, headLength) : text;
    const skipped = prolog.exec(head);
    return policyRoot.test(head.slice(skipped ? skipped[0].length : 0));
}
