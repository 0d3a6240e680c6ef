// Plain words for source kinds, as a report names them.
import type { SourceKind } from '../model.js';

export const KIND_WORDS: Record<SourceKind, string> = {
  legislation: 'legislation',
  government: 'government publications',
  intergovernmental: 'intergovernmental texts',
  ngo: 'NGO reports',
  academic: 'academic work',
  news: 'news reports',
  'legal-commentary': 'legal commentary',
  reference: 'reference works',
  dataset: 'datasets',
  other: 'other sources',
};

/** The kinds a balanced reading of a legal or policy question would include. */
export const EXPECTED_KINDS: readonly SourceKind[] = ['legislation', 'intergovernmental', 'government', 'ngo', 'academic', 'legal-commentary', 'news'];

/** "a, b and c" */
export function joinWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
