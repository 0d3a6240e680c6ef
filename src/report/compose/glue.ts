// Glue words: the words the composer itself adds around extracted text ("according to",
// "reports", "provides"). They carry attribution and structure, not facts, so the verifier
// does not require them to appear in the cited passages. Keep this list short: every word
// here is a word the verifier stops checking.
import { stem } from '../../text/index.js';

const PASSAGE_GLUE = [
  'according', 'report', 'reports', 'reported', 'provide', 'provides', 'provided', 'state', 'states', 'stated',
  'note', 'notes', 'noted', 'find', 'finds', 'found', 'write', 'writes', 'wrote', 'source', 'sources', 'cited',
  'however', 'meanwhile', 'whereas', 'separately', 'contrast', 'compare', 'compared', 'comparison', 'earlier',
  'later', 'latest', 'edition', 'count', 'counts', 'counted', 'among', 'leaves', 'leaving', 'remaining', 'difference',
  'sets', 'out', 'adds', 'describes', 'describe', 'publisher', 'publishes', 'published', 'text', 'texts',
  'emphasise', 'emphasises', 'emphasize', 'emphasizes', 'disagree', 'disagrees', 'word', 'worded', 'differently',
  'against', 'strictly', 'comparable', 'group', 'outside', 'year', 'publications', 'work', 'works', 'datasets',
  'whole', 'wholes', 'different', 'directly', 'hard', 'so', 'qualify', 'thing',
  // "The figures disagree: … together make 16 + 38 = 54"
  'figures', 'together', 'make',
  // "X comes nearest to the claim in the line “…”" (claim-rank.ts, nearestLineSentence)
  'comes', 'nearest', 'claim', 'line',
];

// Words a sentence about the sources themselves (gaps, perspectives) may use on top.
const METADATA_GLUE = [
  ...PASSAGE_GLUE,
  'finding', 'findings', 'rest', 'rests', 'single', 'one', 'undated', 'date', 'dated', 'older', 'year', 'years', 'kind', 'kinds',
  'read', 'present', 'missing', 'absent', 'emphasis', 'emphasise', 'emphasises', 'emphasize', 'emphasizes',
  'stake', 'stakes', 'answer', 'question', 'primary', 'secondary', 'survey', 'surveys', 'figure', 'figures', 'check',
  'checked', 'cannot', 'conflict', 'conflicts', 'conflicting', 'disagree', 'disagrees', 'agree', 'agrees', 'differ',
  'differs', 'different', 'define', 'definitions', 'words', 'terms', 'include', 'includes', 'included', 'advocacy',
  'commentary', 'interest', 'interests', 'framing', 'frame', 'frames', 'how', 'used', 'uses', 'since', 'values', 'value',
  'quoted', 'figure', 'number', 'numbers', 'country', 'counts', 'jurisdiction', 'jurisdictions', 'individual', 'covers',
  'cover', 'covered', 'body', 'bodies', 'intergovernmental', 'government', 'legislation', 'ngo', 'ngos', 'academic',
  'news', 'legal', 'legal-commentary', 'reference', 'dataset', 'other', 'statute', 'statutes', 'treaty', 'treaties',
  'sides', 'side', 'view', 'views', 'weigh', 'weighs', 'careful', 'reading', 'alongside', 'time', 'given', 'test',
  'secondary', 'confirm', 'recent', 'reflect', 'later', 'changes', 'professional', 'deserves', 'come', 'comes',
  'each', 'single', 'addresses', 'part', 'company', 'companies', 'page', 'pages', 'blog', 'blogs', 'social', 'media', 'post', 'posts',
  'unknown', 'headline', 'headed', 'titles',
];

function stems(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => stem(w)));
}

export const PASSAGE_GLUE_STEMS: ReadonlySet<string> = stems(PASSAGE_GLUE);
export const METADATA_GLUE_STEMS: ReadonlySet<string> = stems(METADATA_GLUE);
