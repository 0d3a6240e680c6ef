// The language toolkit: pure functions over text (sentences, tokens, figures, dates, cues,
// lexicon, check-worthiness). Import from here; the files behind it may move.
// Only lexicon.ts (WordNet) and checkworthiness-model.ts (the shipped weights) read files,
// lazily, on first use.
export { tokenize, STOPWORDS, stem, contentTerms } from './tokens.js';
export type { Token } from './tokens.js';
export { splitSentences } from './sentences.js';
export { extractFigures, parseNumberWords } from './figures.js';
export { extractDates } from './dates.js';
export type { DateOptions } from './dates.js';
export { findCues, isNegated } from './cues.js';
export { antonymsOf, kindredSenses, onlyCapitalised, synonymsOf } from './lexicon.js';
export { checkworthiness, scoreFeatures } from './checkworthiness.js';
export { checkworthinessFeatures, DENSE_FEATURES } from './checkworthiness-features.js';
export type { CheckworthinessFeatures, SentenceParts } from './checkworthiness-features.js';
export { shippedCheckworthinessModel, validateCheckworthinessModel, CHECKWORTHINESS_MODEL_PATH } from './checkworthiness-model.js';
export type { CheckworthinessModel } from './checkworthiness-model.js';
export { analyzeText } from './analyze-text.js';
export type { AnalyzeOptions } from './analyze-text.js';
export { namedPlaces, placeName } from './places.js';
export type { NamedPlace, PlaceKind } from './places.js';
export { answerTypeOf } from './answer-type.js';
export type { AnswerType, AnswerKind } from './answer-type.js';
export { injectionText } from './injection.js';
