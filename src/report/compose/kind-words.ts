// Plain words for source kinds, as a report names them.
import type { SourceKind } from '../../model.js';

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
  company: 'company pages',
  blog: 'blogs and social media posts',
  other: 'other sources',
  unknown: 'sources of unknown kind',
};

/** The kinds a balanced reading of a legal or policy question would include. */
export const EXPECTED_KINDS: readonly SourceKind[] = ['legislation', 'intergovernmental', 'government', 'ngo', 'academic', 'legal-commentary', 'news'];

/**
 * Is the question about law? Only then do legislation and the other kinds of a legal reading
 * belong in the gaps and perspectives: a claim about a film or a footballer is not missing its
 * statute. Words of law: law(s), legal, illegal, legislation, statute, criminalise, crime, restrict, mandate,
 * offence, court, ruling, treaty, convention, constitution, regulation, act of parliament, ban.
 */
const LAW_WORDS = /\b(?:laws?|lawful|unlawful|legal(?:ly|ity|i[sz]ed?)?|illegal(?:ly)?|legislat\w*|statut\w*|criminali[sz]\w*|decriminali[sz]\w*|crimes?|criminal|offen[cs]es?|penal\w*|courts?|rul(?:ing|ed)|judg(?:e|ment|ement)s?|treat(?:y|ies)|conventions?|constitution\w*|regulat\w*|prohibit\w*|restrict\w*|mandat\w*|outlaw\w*|bann?(?:ed|s)?|prosecut\w*|jurisdictions?|sanctions?|rights?)\b/i;

export function aboutLaw(text: string): boolean {
  return LAW_WORDS.test(text);
}

/** "a, b and c" */
export function joinWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
