// Features for check-worthiness ("does this sentence state a checkable fact?"). Shared by the
// scorer and by scripts/train-checkworthiness.ts, so training and use cannot drift apart.
//
// Contract: `checkworthinessFeatures(sentence, parts?)` returns `dense` values in the order of
// DENSE_FEATURES (each in [0,1]) and the distinct stemmed content `terms` of the sentence.
// Pass `parts` when the figures, dates and cues are already known, to avoid reading them twice.
import type { Cue, DateMention, Figure } from '../../model.js';
import { findCues } from '../words/cues.js';
import { extractDates } from '../dates.js';
import { extractFigures } from '../figures/figures.js';
import { STOPWORDS, stem, tokenize } from '../tokens.js';

export const DENSE_FEATURES = [
  'figures', 'percent', 'money', 'whole', 'bound', 'digits', 'date', 'year', 'comparison', 'causal', 'legal', 'statistic',
  'question', 'exclamation', 'i', 'we', 'you', 'opinion', 'future', 'hedge', 'negation', 'attribution', 'length', 'short',
  'proper-nouns', 'boilerplate', 'past-tense', 'perfect', 'url', 'mention', 'hashtag', 'quote', 'superlative', 'imperative',
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];

export interface SentenceParts {
  figures: Figure[];
  dates: DateMention[];
  cues: Cue[];
}

export interface CheckworthinessFeatures {
  dense: number[];
  terms: string[];
}

const COMPARISON = /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|increas\w*|decreas\w*|doubled|tripled|rose|risen|fell|fallen|grew|grown|dropped|declin\w*|than|record|cut|up|down)\b/i;
const CAUSAL = /\b(?:because|caused?|causes|due\s+to|result(?:ed|s)?\s+in|leads?\s+to|led\s+to|therefore|thanks\s+to|as\s+a\s+result|responsible\s+for)\b/i;
const LEGAL = /\b(?:laws?|illegal|legal\w*|criminal\w*|crimes?|court|statutes?|convicted|bann?(?:ed|s)?|legislation|bills?|voted?|votes|passed|signed|act|ruling|sentenced|prison|tax(?:es)?|regulations?|treaty|unconstitutional|prohibit\w*|lawsuit|indicted|charged)\b/i;
const STATISTIC = /\b(?:percent|per\s+cent|million|billion|trillion|rate|average|number|jobs|unemployment|deficit|debt|budget|economy|growth|poverty|population|income|wages?|spending|cost|costs|GDP|inflation|deaths|cases|majority|half|quarter|twice|times)\b/i;
const OPINION = /\b(?:think|believe|feel|hope|want|wish|should|must|ought|need\s+to|great|terrible|wonderful|horrible|amazing|disgrace\w*|love|hate|proud|ridiculous|sad|best|worst|beautiful|incredible|stupid|wrong|right)\b/i;
const FUTURE = /\b(?:will|going\s+to|gonna|would|plan\s+to|intend)\b|'ll\b/i;
const BOILERPLATE = /\b(?:thank(?:s|\s+you)?|applause|laughter|crosstalk|good\s+(?:evening|morning|night)|welcome|congratulations|please|ladies\s+and\s+gentlemen|okay|ok|excuse\s+me|go\s+ahead|let\s+me|allow\s+me|I\s+mean|you\s+know)\b/i;
const PERFECT = /\b(?:has|have|had)\s+(?:\w+\s+)?(?:been|\w+ed)\b/i;
const SUPERLATIVE = /\b(?:most|least|\w+est|first|only|largest|biggest|highest|lowest)\b/i;
const IMPERATIVE = /^(?:let|look|listen|go|come|tell|think|imagine|remember|stop|vote|join|read|watch|see|check|help|make)\b/i;
const PRONOUN_I = /\b(?:I|me|my|mine|I'm|I've|I'd|I'll)\b/;
const PRONOUN_WE = /\b(?:we|our|us|ours|we're|we've)\b/i;
const PRONOUN_YOU = /\b(?:you|your|yours|you're|you've)\b/i;

function has(re: RegExp, text: string): number {
  return re.test(text) ? 1 : 0;
}

export function checkworthinessFeatures(sentence: string, parts?: SentenceParts): CheckworthinessFeatures {
  const text = sentence.length > 2000 ? sentence.slice(0, 2000) : sentence;
  const figures = parts?.figures ?? extractFigures(text);
  const dates = parts?.dates ?? extractDates(text);
  const cues = parts?.cues ?? findCues(text);
  const tokens = tokenize(text);
  const terms = new Set<string>();
  let proper = 0;
  let past = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && t.text !== 'I') proper++;
    if (t.lower.length > 4 && t.lower.endsWith('ed')) past++;
    if (!STOPWORDS.has(t.lower) && !/^\d/.test(t.lower) && t.lower.length > 1) terms.add(stem(t.lower));
  }
  const trimmed = text.trim();
  const f: Record<DenseFeature, number> = {
    figures: Math.min(figures.length, 3) / 3,
    percent: figures.some((x) => x.unit === 'percent' || x.unit === 'percentage points') ? 1 : 0,
    money: figures.some((x) => x.unit === 'dollars' || x.unit === 'euros' || x.unit === 'pounds') ? 1 : 0,
    whole: figures.some((x) => x.whole !== null) ? 1 : 0,
    bound: figures.some((x) => x.bound !== '=' || x.approximate) ? 1 : 0,
    digits: /\d/.test(text) ? 1 : 0,
    date: dates.length > 0 ? 1 : 0,
    year: /\b(?:1[89]\d\d|20\d\d)\b/.test(text) ? 1 : 0,
    comparison: has(COMPARISON, text),
    causal: has(CAUSAL, text),
    legal: has(LEGAL, text),
    statistic: has(STATISTIC, text),
    question: trimmed.endsWith('?') ? 1 : 0,
    exclamation: trimmed.includes('!') ? 1 : 0,
    i: has(PRONOUN_I, text),
    we: has(PRONOUN_WE, text),
    you: has(PRONOUN_YOU, text),
    opinion: has(OPINION, text),
    future: has(FUTURE, text),
    hedge: cues.some((c) => c.kind === 'hedge') ? 1 : 0,
    negation: cues.some((c) => c.kind === 'negation') ? 1 : 0,
    attribution: cues.some((c) => c.kind === 'attribution') ? 1 : 0,
    length: Math.min(1, Math.log1p(tokens.length) / Math.log(61)),
    short: tokens.length < 6 ? 1 : 0,
    'proper-nouns': Math.min(proper, 4) / 4,
    boilerplate: has(BOILERPLATE, text),
    'past-tense': Math.min(past, 3) / 3,
    perfect: has(PERFECT, text),
    url: /https?:\/\/|www\./i.test(text) ? 1 : 0,
    mention: /(?:^|\s)@\w/.test(text) ? 1 : 0,
    hashtag: /(?:^|\s)#\w/.test(text) ? 1 : 0,
    quote: /["“”]/.test(text) ? 1 : 0,
    superlative: has(SUPERLATIVE, text),
    imperative: has(IMPERATIVE, trimmed),
  };
  return { dense: DENSE_FEATURES.map((k) => f[k]), terms: [...terms] };
}
