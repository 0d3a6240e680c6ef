// Reading one entry of an article's sources list: its URL and, where it can be told apart, its title.
import { findUrl } from './url.js';

/** Section headings that open an article's own sources list. */
export const REFERENCE_HEADING = /^(?:references?|sources?|notes?|bibliography|works cited|citations?|footnotes?|endnotes?|further reading)\s*:?$/i;

export interface EntryParts {
  url: string | null;
  title: string | null;
}

/**
 * Read an entry such as `Global survey of laws — Example Centre, 2023. https://example.org/survey`,
 * `[Global survey of laws](https://example.org/survey)`, `Smith J. (2020). "A title". Journal.` or
 * `https://example.org/x "A title"` (a Markdown link definition).
 */
export function parseEntry(entry: string): EntryParts {
  const text = entry.trim();
  const mdLink = /\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/.exec(text);
  if (mdLink && mdLink[1] && mdLink[2]) {
    const anchor = mdLink[1].trim();
    return { url: mdLink[2], title: /^https?:\/\//i.test(anchor) ? titleFromText(text.replace(mdLink[0], ' ')) : anchor };
  }
  const url = findUrl(text);
  const quoted = /["“]([^"”]{4,})["”]/.exec(text);
  if (quoted && quoted[1]) return { url, title: quoted[1].trim() };
  const rest = url ? text.replace(url, ' ') : text;
  return { url, title: titleFromText(rest) };
}

/** The leading segment of an entry, before " — ", " – ", " | " or a ". " that ends it; null when nothing is left. */
function titleFromText(text: string): string | null {
  const cleaned = text.replace(/\s+/g, ' ').replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, '').trim();
  if (cleaned === '' || /^(?:retrieved|accessed|available)\b/i.test(cleaned)) return null;
  const cut = cleaned.split(/\s[—–|]\s|\s-\s|\.\s(?=\p{Lu})/u)[0]?.trim() ?? '';
  return cut.length >= 3 ? cut.replace(/[.,;:]+$/, '') : null;
}

/** A comparable form of a title: lower case, letters and digits only, single spaces. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
