// The language toolkit: pure functions over text (sentences, tokens, figures, dates, cues,
// lexicon, check-worthiness). Import from here; the files behind it may move.
export { tokenize, STOPWORDS, stem, contentTerms } from './tokens.js';
export type { Token } from './tokens.js';
export { splitSentences } from './sentences.js';
export { extractFigures, parseNumberWords } from './figures.js';
export { extractDates } from './dates.js';
export type { DateOptions } from './dates.js';
