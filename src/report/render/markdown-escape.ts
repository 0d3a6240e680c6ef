// Text from sources or a model, made inert for Markdown: no link, image, autolink, raw HTML or
// emphasis can be formed from it (`[x](javascript:…)`, `![](https://tracker…)`, `<javascript:…>`),
// and a line break inside it cannot start a new block. The HTML renderers escape the same text.

/** Quoted text as literal Markdown: the characters that start inline syntax are backslash-escaped.
 *  A citation marker such as [2] or [1, 3] stays as written unless a "(" or ":" follows it (which
 *  could make it a link or a link definition; with no definition left active, "[1][2]" is inert). */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_<>[\]!~])/g, '\\$1')
    .replace(/\\\[(\d{1,3}(?:[-–,;] ?\d{1,3})*)\\\](?![:(])/g, '[$1]');
}

const SAFE_LINK = /^(?:https?|file):\/\/[^\s<>]+$/i;

/** A source address: an autolink only for http(s) and file addresses, otherwise escaped text. */
export function markdownAddress(uri: string): string {
  return SAFE_LINK.test(uri) ? `<${uri}>` : escapeMarkdownInline(uri);
}
