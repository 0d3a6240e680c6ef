// Counts read against each other: a group split into parts that do not add up to it, a derived
// count whose meaning its parts do not support (of 120 members, 80 ratified and 90 signed, so
// "40 have not signed" is wrong: 120 − 90 = 30; 40 = 120 − 80 counts those that have not
// ratified), a change stated beside its start and end values, and one quantity restated with
// another value.
import { fmt, halfStep } from '../numbers.js';
import { N, fits, hedgeBefore, num } from './finding.js';
import type { InternalFinding, ProseSentence } from './finding.js';

const AUX = String.raw`(?:(?:have|has|had|did|do|does|are|were|is|was)\s+)`;
export const WHOLE = new RegExp(String.raw`\b(?:of|among)\s+(?:the\s+|its\s+|all\s+|some\s+)?${N}\s+([a-z][a-z-]+)`, 'gi');

/** A verb's stem for matching "signed", "signing", "sign", "ratified", "ratify". */
export function verbStem(w: string): string {
  return w.toLowerCase().replace(/(?:ied|ies|y)$/, 'i').replace(/(?:ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1').replace(/e$/, '');
}

export interface Part {
  value: number;
  text: string;
  verb: string;
  /** The verb as written, lower-case ("stopped"), and where the part starts in its sentence. */
  word: string;
  at: number;
  /** Content words after the verb ("vaccinations", "dental care"). */
  object: Set<string>;
  sentence: number;
}

function objectWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !/^(?:have|that|this|them|with|from|were|they|their|also|which|about)$/.test(w)).map((w) => w.replace(/s$/, '')));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** "80 ratified", "90 have signed it", "80 of them voted". */
export function partsIn(s: ProseSentence): Part[] {
  const out: Part[] = [];
  for (const m of s.text.matchAll(new RegExp(String.raw`(?<![\d.,%])${N}(?:\s+(?:of\s+them|of\s+these|[a-z]+s))?\s+${AUX}?(?:already\s+|also\s+|since\s+)?([a-z]{3,})\b((?:\s+[a-z-]+){0,3})`, 'gi'))) {
    const value = num(m[1]);
    if (Number.isNaN(value) || (value >= 1800 && value <= 2100) || /^(?:not|never|yet|per|percent|more|less|fewer|than|and|or|the|of|in|out)$/i.test(m[2] ?? '')) continue;
    out.push({ value, text: m[0], verb: verbStem(m[2] ?? ''), word: (m[2] ?? '').toLowerCase(), at: m.index ?? 0, object: objectWords(m[3] ?? ''), sentence: s.i });
  }
  return out;
}

/** "about 40 have not signed", "the other 30 never voted", "40 (are) yet to sign", "40 without …". */
const NEGATED = new RegExp(String.raw`((?:about|around|roughly|nearly|almost|some|more\s+than|over|fewer\s+than|less\s+than|only|just)\s+)?(?<![\d.,%])${N}(?:\s+[a-z]+s)?\s+(?:${AUX}(?:not|never)\s+(?:yet\s+)?(?:been\s+)?|(?:are\s+|were\s+|is\s+)?(?:yet\s+to|still\s+to)\s+|never\s+)([a-z]+)((?:\s+[a-z-]+){0,3})`, 'gi');

function derivedCounts(sentences: ProseSentence[], out: InternalFinding[]): void {
  sentences.forEach((s, k) => {
    const window = sentences.slice(Math.max(0, k - 2), k + 1);
    const wholes = window.flatMap((w) => [...w.text.matchAll(WHOLE)].map((m) => ({ value: num(m[1]), noun: m[2] ?? '', sentence: w.i })));
    if (wholes.length === 0) return;
    for (const m of s.text.matchAll(NEGATED)) {
      const stated = num(m[2]);
      const verb = verbStem(m[3] ?? '');
      const whole = [...wholes].reverse().find((w) => w.value > stated);
      if (!whole || Number.isNaN(stated)) continue;
      const parts = window.flatMap(partsIn).filter((p) => p.value < whole.value && p.value !== stated);
      if (parts.length === 0) continue;
      const same = parts.filter((p) => p.verb === verb || (p.verb.length >= 4 && verb.startsWith(p.verb)) || (verb.length >= 4 && p.verb.startsWith(verb)));
      // "have not" with no verb of its own refers to the last part named.
      const isAux = /^(?:yet|been|done|so)$/.test(verb);
      const object = objectWords(m[4] ?? '');
      // Several parts with this verb ("150 offer vaccinations and 120 offer dental care"): the one whose object it names.
      const best = same.length > 1 && object.size > 0 ? [...same].sort((x, y) => overlap(y.object, object) - overlap(x.object, object))[0] : undefined;
      const part = best ?? same[same.length - 1] ?? (isAux ? parts[parts.length - 1] : undefined);
      const hedge = hedgeBefore(s.text, (m.index ?? 0) + (m[1] ?? '').length) === 'exact' && m[1] ? 'about' : hedgeBefore(`${m[1] ?? ''}`, (m[1] ?? '').length);
      if (part) {
        const expected = whole.value - part.value;
        if (fits(expected, stated, hedge, halfStep(m[2] ?? ''))) continue;
        const other = parts.find((p) => p !== part && fits(whole.value - p.value, stated, hedge, halfStep(m[2] ?? '')));
        out.push({
          check: 'derived-count', sentence: s.i, others: [...new Set([whole.sentence, part.sentence].filter((x) => x !== s.i))], kind: 'internal-inconsistency',
          message: other
            ? `"${m[0].trim()}" does not follow: ${fmt(whole.value, 2)} − ${fmt(part.value, 2)} = ${fmt(expected, 2)} have not ${m[3]}; ${fmt(stated, 2)} = ${fmt(whole.value, 2)} − ${fmt(other.value, 2)} counts those outside "${other.text.trim()}", another group.`
            : `"${m[0].trim()}" does not follow from the ${fmt(whole.value, 2)} ${whole.noun} and the ${fmt(part.value, 2)} in "${part.text.trim()}": the rest are ${fmt(expected, 2)}.`,
          computation: `${fmt(whole.value, 2)} − ${fmt(part.value, 2)} = ${fmt(expected, 2)}${other ? `; ${fmt(whole.value, 2)} − ${fmt(other.value, 2)} = ${fmt(whole.value - other.value, 2)}` : ''}`,
          suggestion: `say "${fmt(expected, 2)}"${other ? ` (or, for ${fmt(stated, 2)}, say what they have not done: not ${other.text.replace(/^[\d,.\s]+/, '').trim()})` : ''}`,
        });
      }
    }
  });
}

/** "Of the 120 members, 80 ratified it and 50 did not": a part and its complement must make the whole. */
function complementPairs(sentences: ProseSentence[], out: InternalFinding[]): void {
  const re = new RegExp(String.raw`\bof\s+(?:the\s+|its\s+|all\s+)?${N}\s+([a-z-]+)[^.;\d]{0,40}?,\s*${N}\b[^.;\d]{0,60}?(?:,\s*|\s+)(?:and|while|but|whereas)\s+(?:the\s+(?:other|remaining)\s+)?${N}\s+(?:${AUX}?(?:not|never)\b|(?:did|do|does|have|has)\s+not\b|(?:had|have|has)\s+no\b|(?:were|are)\s+(?:against|opposed)\b)`, 'gi');
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      const w = num(m[1]);
      const a = num(m[3]);
      const b = num(m[4]);
      if ([w, a, b].some(Number.isNaN) || a + b === w) continue;
      if (/\b(?:abstain|undecided|absent|neither|other|unknown)/i.test(s.text)) continue;
      out.push({
        check: 'parts-over-whole', sentence: s.i, others: [], kind: 'arithmetic',
        message: `${fmt(a, 2)} and the ${fmt(b, 2)} that did not should make up the ${fmt(w, 2)} ${m[2]}, but they add up to ${fmt(a + b, 2)}.`,
        computation: `${fmt(a, 2)} + ${fmt(b, 2)} = ${fmt(a + b, 2)} ≠ ${fmt(w, 2)}; ${fmt(w, 2)} − ${fmt(a, 2)} = ${fmt(w - a, 2)}`,
        suggestion: `say "${fmt(w - a, 2)} did not", or name the ${fmt(Math.abs(w - a - b), 2)} not accounted for`,
      });
    }
  }
}

const CHANGE_WORD = String.raw`(increase|rise|jump|gain|growth|drop|decrease|decline|fall|reduction|cut)`;

/** "210 buses in 2019 and 260 in 2024, a rise of 30%": the change against its two values. */
function changeVsValues(sentences: ProseSentence[], out: InternalFinding[]): void {
  const re = new RegExp(String.raw`(?<![\d.,])${N}(%)?(?:\s+[a-z]+){0,2}\s+in\s+((?:19|20)\d\d)\s*(?:,\s*)?(?:and|to|versus|vs\.?|compared\s+with|against)\s+(?:about\s+)?${N}(%)?(?:\s+[a-z]+){0,2}\s+in\s+((?:19|20)\d\d)\b[^.;\d]{0,20}?\b(?:an?\s+)?${CHANGE_WORD}\s+of\s+(about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?${N}(%|\s*percent\b|\s*percentage\s+points?)?`, 'gi');
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      const a = num(m[1]);
      const y1 = Number(m[3]);
      const b = num(m[4]);
      const y2 = Number(m[6]);
      const c = num(m[9]);
      if ([a, b, c].some(Number.isNaN) || a === 0) continue;
      const [from, to] = y1 <= y2 ? [a, b] : [b, a];
      const up = /increase|rise|jump|gain|growth/i.test(m[7] ?? '');
      const pct = /%|percent\b/i.test(m[10] ?? '') && !/points?/i.test(m[10] ?? '');
      const diff = to - from;
      const value = pct ? (Math.abs(diff) / Math.abs(from)) * 100 : Math.abs(diff);
      const step = m[8] ? Math.max(1, 0.1 * c) : halfStep(m[9] ?? '') + (pct ? 0.05 : 0);
      const dirOk = up ? diff > 0 : diff < 0;
      if (dirOk && Math.abs(value - c) <= step) continue;
      // Points between two percentages are another check's concern (percent vs points).
      if (m[2] && m[5] && Math.abs(Math.abs(diff) - c) <= step) continue;
      out.push({
        check: 'change-vs-values', sentence: s.i, others: [], kind: 'arithmetic',
        message: dirOk
          ? `${fmt(from, 2)} to ${fmt(to, 2)} is a ${up ? 'rise' : 'fall'} of ${pct ? `${fmt(value)}%` : fmt(value, 2)}, not ${m[9]}${pct ? '%' : ''}.`
          : `${fmt(from, 2)} to ${fmt(to, 2)} is a ${diff > 0 ? 'rise' : 'fall'}, not a ${up ? 'rise' : 'fall'}.`,
        computation: pct ? `(${fmt(to, 2)} − ${fmt(from, 2)}) ÷ ${fmt(from, 2)} × 100 = ${fmt((diff / from) * 100)}%` : `${fmt(to, 2)} − ${fmt(from, 2)} = ${fmt(diff, 2)}`,
        suggestion: `say "a ${diff > 0 ? 'rise' : 'fall'} of ${pct ? `${fmt(value)}%` : fmt(value, 2)}"`,
      });
    }
  }
}

const HEDGE = String.raw`(about\s+|around\s+|nearly\s+|roughly\s+|some\s+|approximately\s+|almost\s+)?`;

/**
 * "443 projects in 2025, down approximately 2 percent from 451": the value now, then its change
 * from the earlier value. The value is the last figure before the change that is no year.
 */
function changeFromValue(sentences: ProseSentence[], out: InternalFinding[]): void {
  const re = new RegExp(String.raw`,?\s*(?:(up|down)|(?:an?\s+)?${CHANGE_WORD}\s+of)\s+${HEDGE}${N}(%|\s*percent\b|\s*per\s+cent\b|\s*percentage\s+points?)?\s+(?:from|on)\s+(?:about\s+|around\s+|some\s+)?${N}(%|\s*percent\b|\s*per\s+cent\b)?(?!\s*(?:%|percent|per\s+cent)?\s+to\b)`, 'gi');
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      const at = m.index ?? 0;
      const before = [...s.text.slice(0, at).matchAll(new RegExp(String.raw`(?<![\d.,])${N}(%|\s*percent\b|\s*per\s+cent\b)?(?![\d.,]*\d)`, 'gi'))].filter((x) => !/^(?:19|20)\d\d$/.test(x[1] ?? ''));
      const last = before[before.length - 1];
      if (!last) continue;
      const now = num(last[1]);
      const c = num(m[4]);
      const from = num(m[6]);
      if ([now, c, from].some(Number.isNaN) || from === 0 || /^(?:19|20)\d\d$/.test(m[6] ?? '')) continue;
      // A figure far back ("1,200 members … , up 4% from 2023's …") may be of something else: the change must follow its value closely.
      if (at - ((last.index ?? 0) + last[0].length) > 90) continue;
      const up = m[1] ? m[1].toLowerCase() === 'up' : /increase|rise|jump|gain|growth/i.test(m[2] ?? '');
      const unit = m[5] ?? '';
      const pct = /%|percent|per\s+cent/i.test(unit) && !/points?/i.test(unit);
      const diff = now - from;
      const value = pct ? (Math.abs(diff) / Math.abs(from)) * 100 : Math.abs(diff);
      const step = m[3] ? Math.max(1, 0.1 * c) : halfStep(m[4] ?? '') + (pct ? 0.05 : 0);
      const dirOk = diff === 0 || (up ? diff > 0 : diff < 0);
      if (dirOk && Math.abs(value - c) <= step) continue;
      // Between two percentages, points are percent-vs-points' concern.
      if (last[2] && m[7] && Math.abs(Math.abs(diff) - c) <= step) continue;
      out.push({
        check: 'change-vs-values', sentence: s.i, others: [], kind: 'arithmetic',
        message: dirOk
          ? `${fmt(from, 2)} to ${fmt(now, 2)} is a ${up ? 'rise' : 'fall'} of ${pct ? `${fmt(value)}%` : fmt(value, 2)}, not ${m[4]}${pct ? '%' : ''}.`
          : `${fmt(from, 2)} to ${fmt(now, 2)} is a ${diff > 0 ? 'rise' : 'fall'}, not a ${up ? 'rise' : 'fall'}.`,
        computation: pct ? `(${fmt(now, 2)} − ${fmt(from, 2)}) ÷ ${fmt(from, 2)} × 100 = ${fmt((diff / from) * 100)}%` : `${fmt(now, 2)} − ${fmt(from, 2)} = ${fmt(diff, 2)}`,
        suggestion: `say "${diff > 0 ? 'up' : 'down'} ${pct ? `${fmt(value)}%` : fmt(value, 2)} from ${fmt(from, 2)}"`,
      });
    }
  }
}

/**
 * A total and its parts written after it: "610 reefs, 420 in the north and 190 in the south" (the
 * parts in apposition, each with the same preposition, make up the total), and "12,000 copies a
 * day, 9,000 of them sold by subscription" (a part of them cannot exceed them).
 */
function breakdowns(sentences: ProseSentence[], out: InternalFinding[]): void {
  const split = new RegExp(String.raw`(?<![\d.,])${N}\s+([a-z-]+),\s*${N}\s+(in|at|from|on)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?\s*,?\s+and\s+(?:the\s+other\s+|the\s+remaining\s+)?${N}\s+(?:in|at|from|on)\s+`, 'gi');
  const ofThem = new RegExp(String.raw`(?<![\d.,])${N}\s+([a-z-]+)[^.;\d]{0,40}?,\s*(?:about\s+|some\s+|nearly\s+)?${N}\s+of\s+(?:them|these|those)\b`, 'gi');
  for (const s of sentences) {
    for (const m of s.text.matchAll(split)) {
      const [w, a, b] = [num(m[1]), num(m[3]), num(m[5])];
      if ([w, a, b].some(Number.isNaN) || a + b === w || /^(?:19|20)\d\d$/.test(m[1] ?? '')) continue;
      if (hedgeBefore(s.text, m.index ?? 0) !== 'exact' || /\b(?:about|around|nearly|some|roughly|approximately)\s+$/i.test(s.text.slice(0, m.index ?? 0))) continue;
      out.push({
        check: 'parts-over-whole', sentence: s.i, others: [], kind: 'arithmetic',
        message: `${fmt(a, 2)} and ${fmt(b, 2)} are given as the parts of the ${fmt(w, 2)} ${m[2]}, but they add up to ${fmt(a + b, 2)}.`,
        computation: `${fmt(a, 2)} + ${fmt(b, 2)} = ${fmt(a + b, 2)} ≠ ${fmt(w, 2)}`,
        suggestion: a + b < w ? `name the ${fmt(w - a - b, 2)} not accounted for, or correct a part` : `correct a part: ${fmt(w, 2)} − ${fmt(a, 2)} = ${fmt(w - a, 2)}`,
      });
    }
    for (const m of s.text.matchAll(ofThem)) {
      const [w, a] = [num(m[1]), num(m[3])];
      if ([w, a].some(Number.isNaN) || a <= w || /^(?:19|20)\d\d$/.test(m[1] ?? '')) continue;
      out.push({
        check: 'parts-over-whole', sentence: s.i, others: [], kind: 'arithmetic',
        message: `${fmt(a, 2)} "of them" cannot be part of ${fmt(w, 2)} ${m[2]}: the part is larger than the whole.`,
        computation: `${fmt(a, 2)} > ${fmt(w, 2)}`,
        suggestion: `check the figures: a part of ${fmt(w, 2)} is at most ${fmt(w, 2)}`,
      });
    }
  }
}

/** "1,200 adults surveyed" … "the 1,500 adults surveyed": one quantity, two values. */
function restated(sentences: ProseSentence[], out: InternalFinding[]): void {
  const seen = new Map<string, { value: number; text: string; sentence: number; years: string }>();
  const re = new RegExp(String.raw`(?<![\d.,])${N}\s+([a-z]+s)\s+(?:who\s+were\s+|who\s+)?(surveyed|polled|interviewed|questioned|sampled|asked|studied|tested|enrolled|registered|inspected|audited)\b`, 'gi');
  for (const s of sentences) {
    const years = (s.text.match(/\b(?:19|20)\d\d\b/g) ?? []).join(',');
    if (/\b(?:another|additional|further|more|new|second|follow-up|earlier|previous|later)\b/i.test(s.text)) continue;
    for (const m of s.text.matchAll(re)) {
      const value = num(m[1]);
      const key = `${(m[2] ?? '').toLowerCase()} ${verbStem(m[3] ?? '')}`;
      const prev = seen.get(key);
      if (prev && prev.sentence !== s.i && prev.value !== value && (prev.years === years || prev.years === '' || years === '')) {
        out.push({
          check: 'restated-value', sentence: s.i, others: [prev.sentence], kind: 'internal-inconsistency',
          message: `The article gives two values for the same quantity: "${m[0].trim()}" here, and "${prev.text.trim()}" earlier.`,
          computation: `${fmt(value, 2)} ≠ ${fmt(prev.value, 2)}`,
          suggestion: `use one figure for the ${m[2]} ${m[3]} (or say why they differ)`,
        });
      } else if (!prev) seen.set(key, { value, text: m[0], sentence: s.i, years });
    }
  }
}

export function countFindings(sentences: ProseSentence[]): InternalFinding[] {
  const out: InternalFinding[] = [];
  derivedCounts(sentences, out);
  complementPairs(sentences, out);
  changeVsValues(sentences, out);
  changeFromValue(sentences, out);
  breakdowns(sentences, out);
  restated(sentences, out);
  return out;
}
