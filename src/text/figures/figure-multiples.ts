// Changes written as a multiple or a fraction, which the figure reader leaves out or reads as a
// count: "doubled" (up 100 %), "tripled" (up 200 %), "halved" (down 50 %), "three times what it
// was" (up 200 %), "up by a fifth" (up 20 %). Each is given as a percentage change, so it compares
// with "up 100 %" or "about 20 % higher".
import type { Figure } from '../../model.js';

const MULTIPLE_VERBS: ReadonlyMap<string, number> = new Map([['doubled', 100], ['tripled', 200], ['trebled', 200], ['quadrupled', 300], ['halved', 50]]);
const TIMES: ReadonlyMap<string, number> = new Map([['two', 2], ['twice', 2], ['three', 3], ['four', 4], ['five', 5], ['ten', 10]]);
const FRACTIONS: ReadonlyMap<string, number> = new Map([['half', 50], ['third', 100 / 3], ['quarter', 25], ['fifth', 20], ['tenth', 10]]);

/** Which way a change read here went: "halved" down, the others up; null for a figure not read here. */
export function multipleDirection(f: Figure): 'up' | 'down' | null {
  const t = f.text.toLowerCase();
  if (t === 'halved') return 'down';
  if (MULTIPLE_VERBS.has(t) || (f.unit === 'percent' && /\btimes\b/.test(t))) return 'up';
  return null;
}

function percentFigure(sentence: string, start: number, end: number, value: number): Figure {
  return { start, end, text: sentence.slice(start, end), value: Math.round(value * 100) / 100, approximate: false, bound: '=', unit: 'percent', whole: null, predicate: null };
}

/** The figures of a sentence with its changes written as multiples or fractions read as percentages, in order. */
export function withMultiples(sentence: string, figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    // "three times what it was", "twice as high as": a multiple of an earlier level, not a count of times.
    const times = /^(two|twice|three|four|five|ten)(?:\s+times)?$/i.exec(f.text.trim());
    const after = sentence.slice(f.end, f.end + 24);
    if (times && /^\s+(?:what\s+(?:it|they)\s+(?:was|were)|as\s+(?:much|many|high|large|big)\s+as|higher\s+than|more\s+than|larger\s+than)\b/i.test(after) && (f.text.toLowerCase() === 'twice' || /times$/i.test(f.text) || /^\s*times\b/i.test(after))) {
      out.push(percentFigure(sentence, f.start, f.end, ((TIMES.get(times[1]!.toLowerCase()) ?? 1) - 1) * 100));
      continue;
    }
    out.push(f);
  }
  const free = (start: number, end: number): boolean => !out.some((g) => g.start < end && g.end > start);
  for (const m of sentence.matchAll(/\b(doubled|tripled|trebled|quadrupled|halved)\b/gi)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (free(start, end)) out.push(percentFigure(sentence, start, end, MULTIPLE_VERBS.get(m[1]!.toLowerCase()) ?? 0));
  }
  // "up by a fifth", "rose by a third": a fraction of the earlier level.
  for (const m of sentence.matchAll(/\bby\s+(?:a|one)\s+(half|third|quarter|fifth|tenth)\b/gi)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[0].split(/\s+/)[1]!);
    const end = (m.index ?? 0) + m[0].length;
    if (free(start, end)) out.push(percentFigure(sentence, start, end, FRACTIONS.get(m[1]!.toLowerCase()) ?? 0));
  }
  return out.sort((a, b) => a.start - b.start);
}
