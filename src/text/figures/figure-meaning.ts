// What a figure counts: the meaning of each figure of a sentence, read around it.
//
// Contract: `readFigureMeanings(sentence)` returns, for each figure `extractFigures` finds (in
// order), its value, bound and range, the kind of quantity (count, percent, percentage points,
// money, measure, rate) and its scale, the counted thing (head noun, the words that restrict it),
// the words the clause says of it (its predicate), the whole it is out of, the period or date it
// holds for ("since 2006", "in 2023", "as of May"), where the count comes from (survey, statute,
// estimate, study, record, report), whether the clause denies it ("not", "no longer") and which
// way it moved ("rose", "fell"); plus notes on what was read with care or left out:
// - digits of other scripts ("٣٠", "३०") are read as their values, with a note;
// - ranges are read with every dash (figures.ts); a four-digit year after "in"/"since" is a
//   period, "2,006 cases" a count (dates.ts decides);
// - a number the figure reader does not take (a lone "30" with no counted thing after a word
//   in another script, a figure in a script it cannot read) is noted, never guessed.
import { listEnd, listedSubject, placesOf } from './figure-places.js';
import { clauses, COMPARISON_BASE, firstComma, lastComma, predicateStart, secondPredicate, shapeAsides, YEAR_ON_YEAR } from './figure-clauses.js';
import type { Figure } from '../../model.js';
import { readPeriods, type FigurePeriod } from './figure-periods.js';
import { extractFigures } from './figures.js';
import { multipleDirection, withMultiples } from './figure-multiples.js';
import { isNumberWord } from './number-words.js';
import { clauseComma, coordinateAdjectives, sizeAdjective } from './figure-commas.js';
import { STOPWORDS, tokenize } from '../tokens.js';
import { ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE, AUXILIARIES, COUNT_SOURCE_WORDS, IRREGULAR_VERBS, OVER_PERIOD, PER_PERIOD, DOWN_WORDS, INCLUSIVE, MONEY_WORDS, NEGATION, RATE_AFTER, SUBSET_BEFORE, UP_WORDS, VAGUE_AMOUNT, type CountSource } from './figure-words.js';
import { hasSense } from '../words/lexicon.js';

export type { CountSource } from './figure-words.js';
export type { FigurePeriod } from './figure-periods.js';

export type FigureKind = 'count' | 'percent' | 'points' | 'money' | 'measure' | 'rate';

export interface FigureMeaning {
  figure: Figure;
  kind: FigureKind;
  /** The scale word the value was written with (1e6 for "2.3 million"), 1 when none. */
  scale: number;
  /** The share it states, in [0,1]: "a quarter", "25 %", "one in four", "140 of 196"; null for plain counts. */
  share: number | null;
  /** The counted thing's head noun as written ("districts", "clinics"), or null. */
  counted: string | null;
  /** Words (lower-case) restricting the counted thing inside the figure ("private" in "1,200 private clinics"). */
  modifiers: string[];
  /** The clause the figure is read in. */
  clause: string;
  /** Content words (lower-case) the clause says of the figure: its words less the figure, its period and its counted noun. */
  said: string[];
  whole: number | null;
  period: FigurePeriod | null;
  countSource: CountSource | null;
  negated: boolean;
  direction: 'up' | 'down' | null;
  /** The verbs that say what the counted things do or undergo ("offer", "inspected"), lower-case. */
  verbs: string[];
  /** The figure counts part of a set named before it ("Of those, 310 offered …"). */
  subset: boolean;
  /** The set is named with what it takes in ("junior ministers included", "fuel and electricity together"). */
  inclusive: boolean;
  /** The unit as measured ("degrees celsius", "millimetres", "marks"), null for a plain count. */
  measure: string | null;
  /** For a rate: what it is per ("per 10,000 people", "for every 1,000 residents" → 10000, 1000), else null. */
  perBase: number | null;
  /** The stretch of time a figure is counted per ("a day" → "day"), or over ("in a week" → "in week"), or null. */
  per: string | null;
  /** Words of a phrase restricting the counted thing right after it: "in its top division", "that receive public funding", "under 25". */
  restriction: string[];
  /** For a share: the words that restrict what it is a share of ("private-sector", "who turned out", "intensive care"). */
  ofWords: string[];
  /** Named places or bodies of a known kind the figure is given for ("gaines county"), lower-case: figure-places.ts. */
  places: string[];
}

export interface FigureReading {
  sentence: string;
  figures: FigureMeaning[];
  notes: string[];
}

/** The zero of each decimal digit block the reader folds to ASCII (Arabic-Indic … full-width). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

/** Digits of other scripts folded to ASCII, one code unit for one, so offsets stay the same. */
export function foldDigits(text: string): { text: string; folded: string[] } {
  const folded: string[] = [];
  const out = text.replace(/\p{Nd}+/gu, (run) => {
    if (/^[0-9]+$/.test(run)) return run;
    let ascii = '';
    for (const ch of run) {
      const cp = ch.codePointAt(0) ?? 0;
      const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
      if (zero === undefined || ch.length !== 1) return run; // outside the blocks read: left as written (noted below)
      ascii += String(cp - zero);
    }
    folded.push(`${run} → ${ascii}`);
    return ascii;
  });
  return { text: out, folded };
}

const SCALES: ReadonlyArray<[RegExp, number]> = [[/\b(?:trillion|tn|trn)\b/i, 1e12], [/\b(?:billion|bn)\b/i, 1e9], [/\b(?:million|mn|mln|m)\b/i, 1e6], [/\b(?:thousand|k)\b/i, 1e3]];
const MEASURE = /^(?:km|kg|mg|g|cm|mm|ml|l|lb|lbs|ft|mi|h|hr|hrs|min|mins|kwh|mwh|gwh|twh|kw|mw|gw|gb|mb|tb|kb|mph|kph|ha|t|mt|gt|ppm|ppb|°[CFK]|degrees|kilomet\w*|metres?|meters?|miles?|tonnes?|tons?|hectares?|acres?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|secs?)$/i;

const PREPOSED_WHOLE = /\b(?:of|among|out\s+of)\s+(?:the\s+|all\s+|\p{Lu}[\p{L}-]*['’]s\s+)?(\d[\d,]*)\s+([\p{L}-]+)(?:\s+\p{Ll}+ed)?\s*,\s*$/iu;

function kindOf(f: Figure, after: string): FigureKind {
  if (f.unit === 'percentage points') return 'points';
  if (f.unit === 'percent') return RATE_AFTER.test(after) && !/^\s*per\s*cent/i.test(after) ? 'rate' : 'percent';
  if (RATE_AFTER.test(after)) return 'rate';
  if (f.unit !== null && MONEY_WORDS.has(f.unit)) return 'money';
  if (f.unit !== null && MEASURE.test(f.unit)) return 'measure';
  return 'count';
}

function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOPWORDS.has(t.lower) && !/^[\d.,]+$/.test(t.lower))
    .map((t) => t.lower.replace(/['’]s$/, ''));
}

/** Read the meaning of every figure of one sentence. */
export function readFigureMeanings(input: string): FigureReading {
  const notes: string[] = [];
  const { text: sentence, folded } = foldDigits(input);
  for (const f of folded) notes.push(`digits in another script read as ASCII: ${f}`);
  if (/\p{Nd}/u.test(sentence.replace(/[0-9]/g, ''))) notes.push('some digits are in a script the reader does not know; their figures are left out');
  for (const v of sentence.matchAll(VAGUE_AMOUNT)) notes.push(`an amount without a figure is left out: "${v[0]}"`);
  // "140 nations out of 196": the whole after the counted noun belongs to the figure before it.
  const figures: Figure[] = [];
  for (const f of withMultiples(sentence, extractFigures(sentence))) {
    // "beat the champions 3–1", "passed 52–48": a score or a tally, which is no quantity of one thing.
    const tally = /^[-\u2010-\u2015\u2212](\d+)(?![\d.,%])/.exec(sentence.slice(f.end));
    if (tally && f.high == null && f.unit === null) {
      notes.push(`a score or tally is not read as a figure: ${sentence.slice(f.start, f.end + tally[0].length)}`);
      continue;
    }
    const prev = figures[figures.length - 1];
    const gap = prev ? sentence.slice(prev.end, f.start) : '';
    if (prev && prev.whole === null && prev.high === undefined && /^\s+out\s+of\s+$/i.test(gap) && f.value >= prev.value && f.unit !== 'percent' && f.high === undefined) {
      figures[figures.length - 1] = { ...prev, whole: f.value, text: sentence.slice(prev.start, f.end), end: f.end, predicate: f.predicate };
      continue;
    }
    figures.push(f);
  }
  // "a 57% drop in turnover compared to the same period of the previous year": a year-on-year base
  // is what the change is measured from, not when the figure holds ("than five years ago" still is).
  const periods = readPeriods(sentence).filter((p) => !COMPARISON_BASE.test(sentence.slice(Math.max(0, p.start - 60), p.start)));
  const shaped = shapeAsides(sentence);
  const spans = clauses(shaped);
  const clauseOf = (f: Figure): [number, number] => spans.find(([a, b]) => f.start >= a && f.start < b) ?? [0, sentence.length];
  const meanings = figures.map((f, i) => {
    const [cs, ce] = clauseOf(f);
    // A clause with several figures: each keeps the words up to its neighbours. A size written as
    // an adjective ("the 430-mile northern stretch") describes a noun and is no neighbour.
    const prev = figures.slice(0, i).reverse().find((g) => !sizeAdjective(sentence, g));
    const next = figures.slice(i + 1).find((g) => !sizeAdjective(sentence, g));
    const from0 = prev && prev.end > cs && prev.end <= f.start ? Math.max(cs, lastComma(shaped, prev.end, f.start, cs)) : cs;
    const second = predicateStart(sentence.slice(from0, f.start));
    const from = second >= 0 ? from0 + second : from0;
    const end0 = next && next.start < ce && next.start >= f.end ? Math.min(ce, firstComma(shaped, f.end, next.start, ce)) : ce;
    // A year-on-year base ("compared to the same period of the previous year") is not said of the figure.
    const base = YEAR_ON_YEAR.exec(sentence.slice(f.end, end0));
    const cutAt = secondPredicate(sentence.slice(f.end, base ? f.end + base.index : end0));
    const to = cutAt >= 0 ? f.end + cutAt : base ? f.end + base.index : end0;
    const clause = sentence.slice(from, to);
    const after = sentence.slice(f.end, Math.min(sentence.length, f.end + 24));
    // "Of Calder's 40 districts, 26 ban …": the whole and the counted noun are written first.
    const preposed = f.whole === null ? PREPOSED_WHOLE.exec(sentence.slice(Math.max(0, f.start - 60), f.start)) : null;
    const whole = preposed?.[1] ? Number(preposed[1].replace(/,/g, '')) : f.whole;
    const end = f.end;
    const inClause = periods.filter((p) => p.start >= from && p.end <= to);
    // An aside after a dash ("killed 2 children - the first deaths since 2015") dates itself, not the figure.
    const aside = (p: { start: number }): boolean => p.start >= ce && /^\s*(?:[-\u2013\u2014])\s/.test(sentence.slice(ce, ce + 3));
    // A period said of the first predicate ("declared over in August, after it … killed three") is not the second's.
    const alone = periods.filter((p) => !aside(p) && !(second >= 0 && p.start < from) && !figures.some((g, k) => k !== i && within(p.start, clauseOf(g)) && clauseOf(g)[0] !== cs));
    // "fell from 95% in 2019 to 92.7% in the latest school year": with several periods, each figure's own follows it.
    const own = inClause.length > 1 ? inClause.find((p) => p.start >= f.end && (next === undefined || p.start < next.start)) : undefined;
    // "with 505 cases, 57 hospitalizations, and 2 deaths as of April 8": a list's closing period dates every item.
    const last = figures[listEnd(sentence, figures, i)];
    const listed = last !== undefined && last !== f ? periods.find((p) => p.start >= last.end && p.end <= clauseOf(last)[1]) : undefined;
    const period = own ?? inClause[0] ?? listed ?? (figures.length === 1 || spans.length === 1 ? alone[0] : undefined) ?? null;
    // "1,300 sports clubs": the figure reader stops at the first plural; the head is the last one.
    // So with an adjective or a name it took for the unit: "1 in 3 civil cases", "one in four Brenmoor teenagers" count cases, teenagers.
    const compound = /^\s+([\p{Ll}-]+s)\b/u.exec(sentence.slice(f.end, f.end + 30))?.[1];
    const headless = f.unit !== null && (/s$/.test(f.unit) || (/^\p{Ll}+$/u.test(f.unit) && hasSense(f.unit, 'adj')) || /\s\p{Lu}[\p{L}-]*$/u.test(f.text));
    const head = compound !== undefined && f.unit !== null && !AUXILIARIES.has(compound) && hasSense(compound, 'noun') && headless ? compound : null;
    const noun = preposed?.[2]?.toLowerCase() ?? head ?? countedNoun(f, sentence);
    // A counted thing is a noun: "in 138 of them possession was …" counts no "was".
    const counted = noun !== null && (STOPWORDS.has(noun) || AUXILIARIES.has(noun)) ? null : noun;
    const modifiers = head !== null && f.unit !== null ? [...modifierWords(f, f.unit), f.unit] : modifierWords(f, counted);
    const periodWords = new Set(period ? contentWords(period.text) : []);
    const figureWords = new Set(contentWords(preposed ? f.text.split(/\s+/)[0] ?? '' : sentence.slice(f.start, end)));
    // What is said of the figure, without who said it (", the agency said"; "Officials said …").
    const spoken = clause.replace(ATTRIBUTION_AFTER, ' ').replace(ATTRIBUTION_BEFORE, ' ');
    const subject = listedSubject(sentence, figures, i, cs).filter((w) => !periodWords.has(w));
    const said = [...subject, ...contentWords(spoken)].filter((w, k, all) => all.indexOf(w) === k && !figureWords.has(w) && !periodWords.has(w) && w !== counted);
    const sourceText = input;
    const countSource = COUNT_SOURCE_WORDS.find(([re]) => re.test(clause))?.[1] ?? COUNT_SOURCE_WORDS.find(([re]) => re.test(sourceText))?.[1] ?? null;
    const rest = clause.replace(sentence.slice(f.start, f.end), ' ');
    const negated = NEGATION.test(rest.replace(/\bno\s+(?:more|fewer|less)\s+than\b/gi, ' '));
    const direction = directionOf(sentence, from, to, f);
    const verbs = verbsOf(sentence, from, to, f, counted);
    const inclusive = INCLUSIVE.test(clause);
    const afterClause = sentence.slice(f.end, to);
    const perM = PER_PERIOD.exec(afterClause) ?? PER_PERIOD.exec(f.text);
    const overM = perM ? null : OVER_PERIOD.exec(afterClause);
    const baseM = /^\s*(?:per|for\s+every|in\s+every)\s+(\d[\d,]*)(?:\s+(thousand|million))?/i.exec(afterClause);
    const perBase = baseM?.[1] ? Number(baseM[1].replace(/,/g, '')) * (baseM[2] ? (baseM[2].toLowerCase() === 'thousand' ? 1e3 : 1e6) : 1) : null;
    const per = perM?.[1] ? perM[1].toLowerCase() : overM?.[1] ? `in ${overM[1].toLowerCase()}` : null;
    const measure = measureOf(f, sentence);
    const ofWords = f.unit === 'percent' || f.whole !== null || (f.value > 0 && f.value < 1) ? ofWordsOf(f, sentence, to, counted) : [];
    const subset = SUBSET_BEFORE.test(sentence.slice(Math.max(from, f.start - 90), f.start)) || SUBSET_BEFORE.test(sentence.slice(Math.max(0, f.start - 90), f.start));
    const kind = kindOf(f, after);
    const scale = SCALES.find(([re]) => re.test(f.text))?.[1] ?? 1;
    const share = kind === 'percent' ? f.value / 100 : whole !== null && whole > 0 ? f.value / whole : f.value > 0 && f.value < 1 && f.high === undefined ? f.value : null;
    const m: FigureMeaning = { figure: f, kind, scale, share, counted, modifiers, clause, said, whole, period: period ? { text: period.text, kind: period.kind, from: period.from, until: period.until } : null, countSource, negated, direction, verbs, subset, inclusive, measure, per, perBase, ofWords, restriction: restrictionOf(f, sentence, to, counted), places: placesOf(sentence, f.start, from, to) };
    return m;
  });
  return { sentence: input, figures: meanings, notes };
}

function within(pos: number, [a, b]: [number, number]): boolean {
  return pos >= a && pos < b;
}

/** The counted noun: the figure's noun, else "of [the] X" after a share, else null. */
function countedNoun(f: Figure, sentence: string): string | null {
  if (f.unit !== null && f.unit !== 'percent' && f.unit !== 'percentage points' && !MONEY_WORDS.has(f.unit) && !MEASURE.test(f.unit)) return f.unit;
  const of = /^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[\p{L}'’-]+\s+){0,2}?[\p{L}-]+s)\b/iu.exec(sentence.slice(f.end, f.end + 60));
  return of?.[1] ? (of[1].split(/\s+/).pop() ?? null)?.toLowerCase() ?? null : null;
}

/** Words between the number and the counted noun ("private" in "1,200 private clinics"). */
function modifierWords(f: Figure, counted: string | null): string[] {
  if (counted === null) return [];
  const words = tokenize(f.text).map((t) => t.lower);
  const at = words.lastIndexOf(counted);
  if (at < 0) return [];
  const out: string[] = [];
  for (let k = at - 1; k >= 0; k--) {
    const w = words[k] ?? '';
    if (/^[\d.,]+$/.test(w) || STOPWORDS.has(w) || isNumberWord(w) || /^(?:of|out|million|billion|thousand|dozen|hundred|trillion|percent)$/.test(w)) break;
    out.unshift(w);
  }
  return out;
}

/** Which way the clause says the figure moved: the direction word nearest the figure. */
function directionOf(sentence: string, from: number, to: number, f: Figure): 'up' | 'down' | null {
  const multiple = multipleDirection(f);
  if (multiple !== null) return multiple;
  // "400 fewer police officers", "3,000 more nurses": the direction is written inside the figure.
  const inside = /\d\s+(fewer|less|more)\b/i.exec(f.text) ?? /^\s+(fewer|less|more)\b/i.exec(sentence.slice(f.end, f.end + 8));
  if (inside?.[1]) return /more/i.test(inside[1]) ? 'up' : 'down';
  let best: { d: 'up' | 'down'; dist: number } | null = null;
  for (const [re, d] of [[UP_WORDS, 'up'], [DOWN_WORDS, 'down']] as const) {
    const g = new RegExp(re.source, 'gi');
    for (const m of sentence.slice(from, to).matchAll(g)) {
      const at = from + (m.index ?? 0);
      if (at >= f.start && at < f.end) continue;
      const dist = at < f.start ? f.start - at : at - f.end;
      if (best === null || dist < best.dist) best = { d, dist };
    }
  }
  return best?.d ?? null;
}

/** A word that says which way a figure moved: compared as a direction, not as a verb. */
function moves(word: string): boolean {
  return new RegExp(`^(?:${UP_WORDS.source}|${DOWN_WORDS.source})$`, 'i').test(word);
}

const PREPOSITIONS = new Set(['in', 'across', 'from', 'at', 'on', 'for', 'of', 'within', 'throughout', 'among', 'nationwide']);

/**
 * The verbs of a figure: the first content word after it that can be a verb (skipping a place
 * phrase, "in Northvale", and auxiliaries), and the last content word before it when that can be one
 * ("inspected 1,200 clinics").
 */
function verbsOf(sentence: string, from: number, to: number, f: Figure, counted: string | null): string[] {
  const out: string[] = [];
  const after = tokenize(sentence.slice(f.end, to));
  let k = 0;
  while (k < after.length) {
    const t = after[k];
    if (t === undefined) break;
    if (PREPOSITIONS.has(t.lower)) {
      // The prepositional phrase's noun group: names, articles, and nouns that are no plain verb form ("of the Calder assembly voted").
      k++;
      let n = 0;
      while (k < after.length && n++ < 4) {
        const w = after[k]!;
        const clearVerb = !/^\p{Lu}/u.test(w.text) && (/(?:ed)$/.test(w.lower) || IRREGULAR_VERBS.has(w.lower) || AUXILIARIES.has(w.lower));
        if (clearVerb || PREPOSITIONS.has(w.lower)) break;
        if (w.lower === counted) {
          k++;
          break;
        }
        if (!/^\p{Lu}/u.test(w.text) && !/^(?:the|a|an|its|their)$/i.test(w.lower) && n > 1 && hasSense(w.lower, 'verb') && !hasSense(w.lower, 'noun')) break;
        k++;
      }
      continue;
    }
    // "1 in 3 civil cases is settled": a plural noun right after the figure is its noun, not its verb.
    if (k === 0 && /s$/.test(t.lower) && hasSense(t.lower, 'noun') && AUXILIARIES.has(after[1]?.lower ?? '')) {
      k++;
      continue;
    }
    // Who said it is not what is said of the figure: "90% of dentists said they had heard of …".
    if (/^(?:said|say|says|told|reported|claimed|they|it)$/.test(t.lower)) {
      k++;
      continue;
    }
    if (AUXILIARIES.has(t.lower) || t.lower === counted || /^\p{Lu}/u.test(t.text) || /^(?:that|which|who)$/.test(t.lower)) {
      k++;
      continue;
    }
    // "the 184 countries reviewed, …", "countries reviewed still have …": a participle after the noun modifies it.
    const nextText = sentence.slice(f.end).slice(t.end).trimStart();
    if (/ed$/.test(t.lower) && (nextText.startsWith(',') || AUXILIARIES.has(after[k + 1]?.lower ?? ''))) {
      k++;
      continue;
    }
    if (!STOPWORDS.has(t.lower) && !moves(t.lower) && (IRREGULAR_VERBS.has(t.lower) || hasSense(t.lower, 'verb'))) out.push(t.lower);
    break;
  }
  // The verb right before the figure ("inspected 1,200 clinics"), not one a comma sets apart ("In its release, 138 …").
  const head = sentence.slice(from, f.start);
  const before = tokenize(head).filter((t) => !STOPWORDS.has(t.lower) && !AUXILIARIES.has(t.lower));
  const last = before[before.length - 1];
  const apart = last !== undefined && /[,;:]/.test(head.slice(last.end));
  if (last && !apart && !moves(last.lower) && !/^\p{Lu}/u.test(last.text) && (/(?:ed|ing)$/.test(last.lower) || IRREGULAR_VERBS.has(last.lower) || hasSense(last.lower, 'verb')) && !/^\d/.test(last.lower)) out.push(last.lower);
  return out;
}

/** The unit as measured: a temperature scale, a length, a currency; null for plain counts. */
function measureOf(f: Figure, sentence: string): string | null {
  const scale = /^\s*(?:degrees?\s+)?(celsius|fahrenheit|centigrade|kelvin)\b/i.exec(sentence.slice(f.end, f.end + 24));
  if (scale?.[1]) return `degrees ${scale[1].toLowerCase().replace('centigrade', 'celsius')}`;
  if (/°\s?C\b/.test(f.text)) return 'degrees celsius';
  if (/°\s?F\b/.test(f.text)) return 'degrees fahrenheit';
  if (f.unit === null || f.unit === 'percent' || f.unit === 'percentage points') return null;
  return MONEY_WORDS.has(f.unit) || MEASURE.test(f.unit) ? f.unit.replace(/s$/, '') : null;
}

const OF_SKIP = new Set(['the', 'all', 'its', 'their', 'these', 'those', 'of', 'in', 'at', 'on', 'across', 'a', 'an']);

/**
 * For a share ("60% of the Northvale voters who turned out"): the lower-case words between "of" and
 * the counted noun, and those of a "who/that" clause or an "in …" phrase right after it.
 */
function ofWordsOf(f: Figure, sentence: string, to: number, counted: string | null): string[] {
  if (counted === null) return [];
  const rest = sentence.slice(f.end, to);
  const at = rest.toLowerCase().search(new RegExp(`\\b${counted.replace(/[^\p{L}-]/gu, '')}\\b`, 'u'));
  const inside = tokenize(f.text).map((t) => t.text);
  const head = at >= 0 && /^\s+of\b/i.test(rest) ? tokenize(rest.slice(0, at)).map((t) => t.text) : inside.slice(0, Math.max(0, inside.findIndex((w) => w.toLowerCase() === counted)));
  const out = head.filter((w) => !/^\p{Lu}/u.test(w) && !OF_SKIP.has(w.toLowerCase()) && !STOPWORDS.has(w.toLowerCase()) && !/^(?:fewer|less|more|than|least|most|about|some|around|nearly|almost)$/i.test(w) && !/^[\d.,]+$/.test(w) && !isNumberWord(w.toLowerCase()) && !/^(?:out|in|every)$/i.test(w)).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  const after = at >= 0 ? rest.slice(at + counted.length) : '';
  const rel = /^\s+(?:who|that|which)\s+((?:[\p{L}-]+\s*){1,2})/iu.exec(after);
  if (rel?.[1]) for (const t of tokenize(rel[1])) if (!/^\p{Lu}/u.test(t.text) && !STOPWORDS.has(t.lower) && !AUXILIARIES.has(t.lower)) out.push(t.lower.replace(/['’]s$/, ''));
  return out;
}

const RESTRICTS = /^\s+(?:(?:in|under|over|aged|with|without|that|who|which|for)\b)/i;
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|year|years|month|months|week|weeks|day|days|season|today)$/;

/** The lower-case words of a restricting phrase after the counted noun (or the figure), up to a comma or a verb. */
function restrictionOf(f: Figure, sentence: string, to: number, counted: string | null): string[] {
  let rest = sentence.slice(f.end, to);
  let definite = false;
  if (counted !== null && !f.text.toLowerCase().endsWith(counted)) {
    const at = rest.toLowerCase().indexOf(counted);
    if (at < 0 || at > 40) return [];
    definite = /\bthe\s+$/i.test(rest.slice(0, at));
    rest = rest.slice(at + counted.length);
  }
  // "voters in favour of a vote" says what they think, not which voters: a predicate, not a restriction.
  // "in real terms" says how money is measured (compared as such), not which money.
  if (!RESTRICTS.test(rest) || /^\s+(?:for|in)\s+every\b/i.test(rest) || /^\s+in\s+(?:favou?r|support)\s+of\b/i.test(rest) || /^\s+in\s+(?:real|cash|nominal|money)\s+terms\b/i.test(rest)) return [];
  // "67% of the seats in the chamber": a set named definite, then the one body it belongs to — which seats, not fewer of them.
  if (definite && /^\s+(?:in|of|at|on)\s+the\s+\p{Ll}+\s*(?:[,.;:]|$)/u.test(rest)) return [];
  const out: string[] = [];
  const cut = clauseComma(rest, 0, rest.length);
  const phrase = (cut < 0 ? rest : rest.slice(0, cut)).split(';')[0] ?? '';
  // "in the previously pristine, 430-mile northern stretch": adjectives coordinated by a comma describe, they do not restrict.
  const describing = new Set(coordinateAdjectives(rest));
  const toks = tokenize(phrase).filter((t) => !describing.has(t.lower)).slice(0, 6);
  // "in Calder" names a place, not a narrower set: the phrase ends with the place.
  const place = toks[0]?.lower === 'in' && /^\p{Lu}/u.test(toks[1]?.text ?? '');
  for (const [k, t] of toks.entries()) {
    // "in Calder's capital": a part of the place named by a noun after its possessive narrows it.
    if (place && k === 2 && /['’]s$/.test(toks[1]?.text ?? '') && /^\p{Ll}+$/u.test(t.text) && !STOPWORDS.has(t.lower) && !AUXILIARIES.has(t.lower)) {
      out.push(t.lower);
      break;
    }
    if (AUXILIARIES.has(t.lower) || (place && k > 1 && !/^\p{Lu}/u.test(t.text) && t.lower !== 'under' && t.lower !== 'aged')) {
      if (!(place && (t.lower === 'under' || t.lower === 'aged'))) break;
    }
    if (/^(?:to|from|than|and|or|but)$/.test(t.lower)) break;
    // A number restricts only as an age or a size bound ("under 25", "aged 65"); years and other counts do not.
    if (/^[\d.,]+$/.test(t.lower) && !/^(?:under|over|aged)$/.test(toks[k - 1]?.lower ?? '')) continue;
    if (/^\p{Lu}/u.test(t.text) || STOPWORDS.has(t.lower) || CALENDAR.test(t.lower) || /^(?:in|under|over|aged|with|without|for|who|which|that)$/.test(t.lower)) continue;
    out.push(t.lower.replace(/['’]s$/, ''));
  }
  return out;
}
