// The shape the model is asked to answer in, and its tolerant reading:
//   {"summary": [{"text": "…", "cites": [3, 5]}],
//    "findings": [{"headline": "…", "cites": [3], "sentences": [{"text": "…", "cites": [1]}]}]}
// Accepted too: a bare list of sentences (read as the summary); a sentence given as a string
// with its marks inline ("… [3][5]"); cites as numeric strings ("3", "[3]"); the keys
// "citations"/"cite" for "cites". A citation that is not a whole number is kept as given, so
// the verifier flags the sentence. Every repair is named (it becomes a report warning).
import { JsonAnswerError } from './json-answer.js';

export interface ProseSentence {
  text: string;
  /** Passage numbers as the model gave them (1-based into the numbered passages). */
  cites: number[];
  /** Citations that are not passage numbers at all ("a", 2.5), as given. */
  badCites: string[];
}

export interface ProseFinding {
  headline: string;
  /** Passages the headline rests on (defaults to its sentences' passages). */
  cites: number[];
  sentences: ProseSentence[];
}

export interface ReportProse {
  summary: ProseSentence[];
  findings: ProseFinding[];
}

export const MAX_SUMMARY_SENTENCES = 8;
export const MAX_FINDINGS = 8;
export const MAX_FINDING_SENTENCES = 10;

const INLINE_MARKS = /\s*\[(\d+)\](?:\s*\[(\d+)\])*\s*/g;

function readCites(raw: unknown): { cites: number[]; badCites: string[] } {
  const cites: number[] = [];
  const badCites: string[] = [];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  for (const c of list) {
    const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c.trim().replace(/^\[(.*)\]$/, '$1') : JSON.stringify(c);
    if (/^\d+$/.test(s)) {
      const n = Number(s);
      if (!cites.includes(n)) cites.push(n);
    } else badCites.push(s);
  }
  return { cites, badCites };
}

/** Marks written into the text ("… possession [3][5].") read as citations and taken out. */
function inlineMarks(text: string): { text: string; cites: number[] } {
  const cites: number[] = [];
  const stripped = text.replace(INLINE_MARKS, (m) => {
    for (const d of m.matchAll(/\[(\d+)\]/g)) {
      const n = Number(d[1]);
      if (!cites.includes(n)) cites.push(n);
    }
    return ' ';
  });
  return { text: stripped.replace(/\s+([.,;:!?])/g, '$1').replace(/\s+/g, ' ').trim(), cites };
}

function readSentence(raw: unknown, where: string, repairs: Set<string>): ProseSentence | null {
  let text: unknown;
  let rawCites: unknown;
  if (typeof raw === 'string') {
    text = raw;
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    text = o.text ?? o.sentence;
    rawCites = o.cites ?? o.citations ?? o.cite ?? o.passages;
  } else {
    throw new JsonAnswerError(`${where} is ${JSON.stringify(raw)?.slice(0, 40)}, not a sentence object {"text", "cites"}`);
  }
  if (typeof text !== 'string') throw new JsonAnswerError(`${where} has no "text" string`);
  const inline = inlineMarks(text);
  const given = readCites(rawCites);
  if (inline.cites.length > 0) repairs.add('citation marks written in the text were read as its citations');
  const cites = [...given.cites, ...inline.cites.filter((n) => !given.cites.includes(n))];
  if (inline.text === '') return null;
  return { text: inline.text, cites, badCites: given.badCites };
}

function readSentences(raw: unknown, where: string, max: number, repairs: Set<string>): ProseSentence[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new JsonAnswerError(`${where} is not a list of sentences`);
  const out: ProseSentence[] = [];
  raw.forEach((s, i) => {
    const read = readSentence(s, `${where}[${i}]`, repairs);
    if (read === null) repairs.add('empty sentences skipped');
    else out.push(read);
  });
  if (out.length > max) repairs.add(`${where} cut to its first ${max} sentences`);
  return out.slice(0, max);
}

/** Read the report prose from a parsed answer; throws JsonAnswerError when it has no usable shape. */
export function readReportProse(value: unknown): { prose: ReportProse; repairs: string[] } {
  const repairs = new Set<string>();
  if (Array.isArray(value)) {
    repairs.add('a bare list of sentences was read as the summary');
    const summary = readSentences(value, 'the list', MAX_SUMMARY_SENTENCES, repairs);
    if (summary.length === 0) throw new JsonAnswerError('the answer is an empty list');
    return { prose: { summary, findings: [] }, repairs: [...repairs] };
  }
  if (!value || typeof value !== 'object') throw new JsonAnswerError(`the answer is ${JSON.stringify(value)?.slice(0, 40)}, not an object with "summary" and "findings"`);
  const o = value as Record<string, unknown>;
  const summary = readSentences(o.summary, 'summary', MAX_SUMMARY_SENTENCES, repairs);
  const rawFindings = o.findings ?? [];
  if (!Array.isArray(rawFindings)) throw new JsonAnswerError('"findings" is not a list');
  const findings: ProseFinding[] = [];
  rawFindings.slice(0, MAX_FINDINGS).forEach((f, i) => {
    if (!f || typeof f !== 'object' || Array.isArray(f)) throw new JsonAnswerError(`findings[${i}] is not an object {"headline", "sentences"}`);
    const r = f as Record<string, unknown>;
    const sentences = readSentences(r.sentences, `findings[${i}].sentences`, MAX_FINDING_SENTENCES, repairs);
    if (sentences.length === 0) {
      repairs.add('findings without sentences skipped');
      return;
    }
    let headline = typeof r.headline === 'string' ? r.headline.trim() : '';
    if (headline === '') {
      repairs.add('findings without a headline were given a numbered one');
      headline = `Finding ${findings.length + 1}`;
    }
    const own = readCites(r.cites ?? r.citations);
    const cites = own.cites.length > 0 ? own.cites : [...new Set(sentences.flatMap((s) => s.cites))];
    findings.push({ headline: headline.replace(/\s*\[\d+\]/g, '').replace(/[.\s]+$/, ''), cites, sentences });
  });
  if (rawFindings.length > MAX_FINDINGS) repairs.add(`findings cut to the first ${MAX_FINDINGS}`);
  if (summary.length === 0 && findings.length === 0) throw new JsonAnswerError('the answer has neither summary sentences nor findings');
  return { prose: { summary, findings }, repairs: [...repairs] };
}
