// Source independence: passages that copy one another (wire copy, mirrored pages, quoted
// press releases) are one piece of evidence, not several.
import { contentTerms } from '../../text/tokens.js';

/** Word 3-gram shingles of a text's content terms. */
export function shingles(text: string): Set<string> {
  const t = contentTerms(text);
  const out = new Set<string>();
  if (t.length < 3) {
    if (t.length > 0) out.add(t.join(' '));
    return out;
  }
  for (let i = 2; i < t.length; i++) out.add(`${t[i - 2]} ${t[i - 1]} ${t[i]}`);
  return out;
}

/** Share of the smaller text's shingles found in the other (containment), in [0,1]. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return n / small.size;
}

/** Threshold above which two passages are taken as copies of one another. */
export const COPY_THRESHOLD = 0.6;

/**
 * Group items whose texts copy one another. Returns, for each item, the index of the first
 * item of its group (its own index when it is the first or independent).
 */
export function copyGroups(texts: string[]): number[] {
  const sh = texts.map(shingles);
  const group = texts.map((_, i) => i);
  for (let i = 0; i < texts.length; i++) {
    if (group[i] !== i) continue;
    for (let j = i + 1; j < texts.length; j++) {
      if (group[j] !== j) continue;
      if (containment(sh[i]!, sh[j]!) >= COPY_THRESHOLD) group[j] = i;
    }
  }
  return group;
}
