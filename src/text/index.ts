// The language toolkit: pure functions over text (sentences, tokens, figures, dates, cues,
// lexicon, check-worthiness). Import from here; the files behind it may move.
// Only lexicon.ts (WordNet) and checkworthiness-model.ts (the shipped weights) read files,
// lazily, on first use.
export { tokenize, STOPWORDS, stem, contentTerms } from './tokens.js';
export type { Token } from './tokens.js';
export { splitSentences } from './sentences.js';
export { extractFigures, parseNumberWords } from './figures/figures.js';
export { extractDates } from './dates.js';
export type { DateOptions } from './dates.js';
export { findCues, isNegated } from './words/cues.js';
export { antonymsOf, commonWord, kindOf, kindredSenses, onlyCapitalised, synonymsOf } from './words/lexicon.js';
export { checkworthiness, scoreFeatures } from './checkworthiness/checkworthiness.js';
export { checkworthinessFeatures, DENSE_FEATURES } from './checkworthiness/checkworthiness-features.js';
export type { CheckworthinessFeatures, SentenceParts } from './checkworthiness/checkworthiness-features.js';
export { shippedCheckworthinessModel, validateCheckworthinessModel, CHECKWORTHINESS_MODEL_PATH } from './checkworthiness/checkworthiness-model.js';
export type { CheckworthinessModel } from './checkworthiness/checkworthiness-model.js';
export { analyzeText } from './analyze-text.js';
export type { AnalyzeOptions } from './analyze-text.js';
export { namedPlaces, placeName } from './words/places.js';
export { expandShortNames, multiWordNames, PageNames } from './words/short-names.js';
export type { NameInText } from './words/short-names.js';
export type { NamedPlace, PlaceKind } from './words/places.js';
export { answerTypeOf } from './words/answer-type.js';
export type { AnswerType, AnswerKind } from './words/answer-type.js';
export { injectionText } from './injection.js';
