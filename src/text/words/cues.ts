// Cues for stance: negation (with the words it governs), hedges, contrast and attribution.
//
// Contract: `findCues(text)` returns cues in order of `start`; `text.slice(start, end)` is the
// cue word(s) ("not", "n't", "reportedly", "however", "according to", "says").
// - negation: `scope` is the rest of the clause the negator governs, up to punctuation, a
//   contrast word or ten words ("no country criminalizes possession" → "country criminalizes
//   possession"). "not only", "no doubt", "whether or not", "nothing but" are not negations.
// - attribution: `scope` names who is credited ("according to the ministry" → "the
//   ministry"; "the minister said" → "the minister").
// - hedge and contrast: `scope` is null.
// `isNegated(text)` is true when any negation cue is found.
import type { Cue } from '../../model.js';

const NEGATORS = /(?<![\p{L}\p{N}])(?:not|no|never|none|nobody|nothing|neither|nor|nowhere|cannot|without|lacks?|lacking|lacked|absence\s+of|fail(?:s|ed)?\s+to|no\s+longer|not\s+yet)(?![\p{L}\p{N}])|n['’]t(?![\p{L}])/giu;
const NOT_NEGATION = /^(?:not\s+only|not\s+just|no\s+doubt|nothing\s+but|not\s+least|no\s+sooner)\b/i;
const HEDGES = /(?<![\p{L}\p{N}])(?:may|might|could|possibly|perhaps|reportedly|allegedly|apparently|presumably|supposedly|purportedly|likely|unlikely|probably|potentially|seemingly|suggests?|suggested|appears?|appeared|seems?|seemed|estimated|believed|thought\s+to|is\s+said\s+to|are\s+said\s+to|unconfirmed|unverified|rumou?red|indicates?|indicated|claims?|claimed|arguably|approximately|roughly|some\s+argue)(?![\p{L}\p{N}])/giu;
const CONTRAST = /(?<![\p{L}\p{N}])(?:but|however|although|though|whereas|yet|nevertheless|nonetheless|despite|in\s+spite\s+of|in\s+contrast|by\s+contrast|on\s+the\s+other\s+hand|conversely|instead|unlike|even\s+though|rather\s+than|while|still)(?![\p{L}\p{N}])/giu;
const ACCORDING = /(?<![\p{L}\p{N}])(?:according\s+to|as\s+reported\s+by|as\s+stated\s+by|in\s+the\s+words\s+of|cited\s+by|quoted\s+by|per)\s+/giu;
const SAYS = /(?<![\p{L}\p{N}])(?:says|said|say|stated|states|reported|reports|claimed|claims|argued|argues|found|finds|noted|notes|told|estimates|estimated|concluded|concludes|wrote|writes|announced|announces|insisted|insists|warned|warns|explained|explains|added|adds|believes|believed|testified|alleged|alleges|acknowledged|confirmed|confirms|denied|denies)(?![\p{L}\p{N}])/gu;
const CLAUSE_END = /[,;:.!?()[\]—–"“”]/u;
const SCOPE_STOP = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'because', 'since', 'unless', 'except', 'nevertheless', 'nonetheless']);
const SUBJECT_SKIP = new Set(['that', 'which', 'who', 'and', 'it', 'has', 'have', 'had', 'also', 'then', 'was', 'is', 'were', 'are']);

/** Up to `max` words after `from`, stopping at clause punctuation or a contrast word. */
function scopeAfter(text: string, from: number, max = 10): { text: string; end: number } | null {
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.%$-]*|\S/gu;
  re.lastIndex = from;
  let first = -1;
  let last = -1;
  let n = 0;
  for (let m = re.exec(text); m !== null && n < max; m = re.exec(text)) {
    const w = m[0];
    if (CLAUSE_END.test(w) && w.length === 1) break;
    if (SCOPE_STOP.has(w.toLowerCase())) break;
    const clean = w.replace(/[.]+$/, '');
    if (first < 0) first = m.index;
    last = m.index + clean.length;
    n++;
    if (clean.length !== w.length) break; // the word ended a sentence
  }
  if (first < 0 || last <= first) return null;
  return { text: text.slice(first, last), end: last };
}

/** The subject right before a reporting verb ("The ministry said" → "The ministry"). */
function subjectBefore(text: string, at: number): string | null {
  const head = text.slice(Math.max(0, at - 80), at);
  const clause = head.split(/[,;:.!?()[\]—–"“”]/u).pop() ?? '';
  let words = clause.trim().split(/\s+/).filter((w) => w !== '');
  const rel = words.findLastIndex((w) => /^(?:that|which|who|whom)$/i.test(w));
  if (rel >= 0) words = words.slice(rel + 1);
  while (words.length > 0 && SUBJECT_SKIP.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  if (/^(?:never|not|no|n['’]t|\S*n['’]t)$/i.test(words[words.length - 1] ?? '')) return null;
  const subject = words.slice(-5);
  // Drop leading conjunctions and adverbs of the clause.
  while (subject.length > 1 && /^(?:and|but|so|then|also|as|when|while|since)$/i.test(subject[0] ?? '')) subject.shift();
  if (subject.length === 0) return null;
  const s = subject.join(' ');
  return /^(?:i|we|you|he|she|they|it)$/i.test(s) || /\p{L}/u.test(s) ? s : null;
}

/** All matches of a global regex, without the per-call clone that matchAll makes. */
function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex++;
    yield m;
  }
}

/** Negation, hedge, contrast and attribution cues (see the contract at the top of this file). */
export function findCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (const m of matches(NEGATORS, text)) {
    const start = m.index ?? 0;
    const rest = text.slice(start, start + 24);
    if (NOT_NEGATION.test(rest)) continue;
    if (/^not$/i.test(m[0]) && /(?:whether|if)\s+or\s+$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (/^no$/i.test(m[0]) && /^\s*\./.test(text.slice(start + 2, start + 4)) && /^\s*\.\s*\d/.test(text.slice(start + 2, start + 8))) continue; // "No. 5"
    const end = start + m[0].length;
    const scope = scopeAfter(text, end);
    out.push({ kind: 'negation', text: m[0], start, end, scope: scope?.text ?? null });
  }
  for (const m of matches(HEDGES, text)) {
    const start = m.index ?? 0;
    // "May" the month is not a hedge.
    if (m[0] === 'May' && /^\s+\d/.test(text.slice(start + 3, start + 6))) continue;
    out.push({ kind: 'hedge', text: m[0], start, end: start + m[0].length, scope: null });
  }
  for (const m of matches(CONTRAST, text)) {
    const start = m.index ?? 0;
    if (/^(?:while|still|yet)$/i.test(m[0]) && !/(?:^|[,;]\s*|^\s*)$/.test(text.slice(Math.max(0, start - 3), start))) continue;
    out.push({ kind: 'contrast', text: m[0].trim(), start, end: start + m[0].trim().length, scope: null });
  }
  for (const m of matches(ACCORDING, text)) {
    const start = m.index ?? 0;
    const cue = m[0].trimEnd();
    if (/^per$/i.test(cue) && !/^\s+(?:the|a|an)?\s*\p{Lu}/u.test(text.slice(start + 3, start + 10))) continue;
    const scope = scopeAfter(text, start + m[0].length, 8);
    out.push({ kind: 'attribution', text: cue, start, end: start + cue.length, scope: scope?.text ?? null });
  }
  for (const m of matches(SAYS, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // Passive "was found guilty", "is said to" is not attribution.
    if (/(?:was|were|is|are|be|been|being)\s+$/i.test(text.slice(Math.max(0, start - 7), start))) continue;
    const before = subjectBefore(text, start);
    // Inverted: "…, said the minister."
    const inverted = /[,"”]\s*$/.test(text.slice(Math.max(0, start - 3), start));
    const who = inverted ? scopeAfter(text, end, 6)?.text ?? null : before;
    if (who === null) continue;
    // Only a named speaker or a noun phrase, not "it said" or a bare pronoun at clause start.
    if (/^(?:it|this|that)$/i.test(who)) continue;
    out.push({ kind: 'attribution', text: m[0], start, end, scope: who });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Whether the text contains a negation cue. */
export function isNegated(text: string): boolean {
  return findCues(text).some((c) => c.kind === 'negation');
}
