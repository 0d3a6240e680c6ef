// Dates and ages read against each other: "founded in 1998 … twenty years later, in 2012",
// "between 2010 and 2016, a span of eight years", "born in 1961, she was elected at 52 in 2019";
// and ranges with a figure later placed outside them ("estimates range from 2 to 5 million …
// the highest estimate, 7 million").
import { fmt } from '../numbers.js';
import { COUNT, N, countValue, num } from './finding.js';
import type { InternalFinding, ProseSentence } from './finding.js';

const YEAR = String.raw`((?:1[6-9]|20)\d\d)`;

function yearsIn(text: string): Array<{ year: number; at: number }> {
  return [...text.matchAll(/\b((?:1[6-9]|20)\d\d)\b(?!\s*(?:%|percent|people|residents|members|units|km|kilometres|miles|tonnes|dollars|euros))/gi)].map((m) => ({ year: Number(m[1]), at: m.index ?? 0 }));
}

function yearsFits(diff: number, stated: number, hedged: string): boolean {
  if (/more than|over/i.test(hedged)) return diff > stated - 1;
  if (/less than|under/i.test(hedged)) return diff < stated + 1;
  if (/nearly|almost|close to/i.test(hedged)) return diff <= stated && diff >= stated - 2;
  if (hedged.trim() !== '') return Math.abs(diff - stated) <= 1;
  // Year differences of events within years are off by one at most.
  return Math.abs(diff - stated) <= 0;
}

const DECADES: Record<string, number> = { a: 10, one: 10, two: 20, three: 30, four: 40, five: 50 };

/** "N years later, in Y" / "in Y, N years after" against the year stated before. */
function laterYears(sentences: ProseSentence[], out: InternalFinding[]): void {
  const re = new RegExp(String.raw`(\b(?:about|around|roughly|nearly|almost|some|more\s+than|over|less\s+than|just\s+over|just\s+under)\s+)?\b(?:${COUNT}\s+years?|(a|one|two|three|four|five)\s+decades?)\s+(later|after(?:wards)?|on|before|earlier)\b([^.;]{0,40}?)\b(?:in|by)\s+${YEAR}\b`, 'gi');
  const reAfter = new RegExp(String.raw`\b(?:in|by)\s+${YEAR},?\s+(\b(?:about|around|roughly|nearly|almost|some|more\s+than|over)\s+)?(?:${COUNT}\s+years?|(a|one|two|three|four|five)\s+decades?)\s+(after|before)\b`, 'gi');
  sentences.forEach((s, k) => {
    const found: Array<{ hedge: string; n: number; dir: string; year: number; at: number; phrase: string; anchor?: number }> = [];
    for (const m of s.text.matchAll(re)) {
      const n = m[2] ? countValue(m[2]) : (DECADES[(m[3] ?? '').toLowerCase()] ?? Number.NaN);
      const dir = (m[4] ?? '').toLowerCase();
      if (/^(?:after|before)/.test(dir)) {
        // "five years after the first draft in 2006": the year named is the anchor; the event is the year before the phrase.
        const before = yearsIn(s.text.slice(0, m.index ?? 0));
        const event = before[before.length - 1];
        if (event) found.push({ hedge: m[1] ?? '', n, dir: dir.startsWith('after') ? 'later' : 'before', year: event.year, at: m.index ?? 0, phrase: m[0], anchor: Number(m[6]) });
        continue;
      }
      found.push({ hedge: m[1] ?? '', n, dir, year: Number(m[6]), at: m.index ?? 0, phrase: m[0] });
    }
    for (const m of s.text.matchAll(reAfter)) {
      // "in 2014, two years before the unit's move": the years count from the event named after
      // "before", which has no year here; only "in 2012, fourteen years after," counts from a year before.
      if (!/^\s*(?:[,.;:)—–]|$)/.test(s.text.slice((m.index ?? 0) + m[0].length))) continue;
      const n = m[3] ? countValue(m[3]) : (DECADES[(m[4] ?? '').toLowerCase()] ?? Number.NaN);
      found.push({ hedge: m[2] ?? '', n, dir: (m[5] ?? '').toLowerCase() === 'before' ? 'before' : 'later', year: Number(m[1]), at: m.index ?? 0, phrase: m[0] });
    }
    for (const f of found) {
      if (Number.isNaN(f.n)) continue;
      // The anchor: the last year before the phrase in this sentence, else the last year of the sentence before.
      const here = f.anchor !== undefined ? [] : yearsIn(s.text.slice(0, f.at)).filter((y) => y.year !== f.year);
      const prev = k > 0 ? yearsIn(sentences[k - 1]!.text) : [];
      const anchor = f.anchor ?? (here.length > 0 ? here[here.length - 1]!.year : prev.length === 1 ? prev[0]!.year : null);
      if (anchor === null) continue;
      const forward = !/before|earlier/.test(f.dir);
      const diff = forward ? f.year - anchor : anchor - f.year;
      // "later" landing before the anchor contradicts its direction, whatever the count.
      if (diff >= 0 && yearsFits(diff, f.n, f.hedge)) continue;
      out.push({
        check: 'date-arithmetic', sentence: s.i, others: f.anchor !== undefined || here.length > 0 ? [] : [sentences[k - 1]!.i], kind: 'arithmetic',
        message: `"${f.phrase.trim()}" does not fit ${anchor}: ${forward ? `${f.year} is ${fmt(diff, 0)} years after ${anchor}` : `${f.year} is ${fmt(diff, 0)} years before ${anchor}`}, not ${f.n}.`,
        computation: forward ? `${f.year} − ${anchor} = ${f.year - anchor}` : `${anchor} − ${f.year} = ${anchor - f.year}`,
        suggestion: `say "${Math.abs(diff)} years ${forward ? 'later' : 'earlier'}", or check the years ${anchor} and ${f.year}`,
      });
    }
  });
}

/** "between 2010 and 2016, a span of eight years" / "from 1990 to 2005 — 20 years —" / "the 12 years from 2008 to 2022". */
function spans(sentences: ProseSentence[], out: InternalFinding[]): void {
  const forms = [
    new RegExp(String.raw`\b(?:between|from)\s+${YEAR}\s+(?:and|to|until|till)\s+${YEAR}\b[^.;\d]{0,40}?\b(about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+)?${COUNT}\s+years?\b`, 'gi'),
    new RegExp(String.raw`\b(about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+)?${COUNT}\s+years?\s+(?:from|between)\s+${YEAR}\s+(?:to|and|until)\s+${YEAR}\b`, 'gi'),
  ];
  for (const s of sentences) {
    forms.forEach((re, k) => {
      for (const m of s.text.matchAll(re)) {
        const [a, b, hedge, nText] = k === 0 ? [Number(m[1]), Number(m[2]), m[3] ?? '', m[4] ?? ''] : [Number(m[3]), Number(m[4]), m[1] ?? '', m[2] ?? ''];
        const n = countValue(nText);
        if (Number.isNaN(n) || b < a) continue;
        const diff = b - a;
        // Inclusive counting ("2010 to 2016" as seven seasons) is one more.
        if (yearsFits(diff, n, hedge) || (hedge.trim() === '' && n === diff + 1)) continue;
        out.push({
          check: 'date-arithmetic', sentence: s.i, others: [], kind: 'arithmetic',
          message: `${a} to ${b} is ${diff} years, not ${nText}.`,
          computation: `${b} − ${a} = ${diff}`,
          suggestion: `say "${diff} years", or check the years`,
        });
      }
    });
  }
}

/** "born in 1961 … at 52, in 2019" / "born in 1961, she was 52 when … in 2019". */
function ages(sentences: ProseSentence[], out: InternalFinding[]): void {
  sentences.forEach((s, k) => {
    const window = k > 0 ? [sentences[k - 1]!, s] : [s];
    let born: { year: number; sentence: number } | null = null;
    for (const w of window) {
      const b = new RegExp(String.raw`\bborn\s+(?:in\s+(?:\w+\s+)?|on\s+\w+\s+\d{1,2},?\s+)${YEAR}\b`, 'i').exec(w.text);
      if (b) born = { year: Number(b[1]), sentence: w.i };
    }
    if (!born) return;
    const forms = [
      new RegExp(String.raw`\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+|at\s+)(\d{1,3})\b(?!\s*(?:%|percent|years?\s+(?:later|after|before)))[^.;]{0,60}?\b(?:in|by)\s+${YEAR}\b`, 'gi'),
      new RegExp(String.raw`\b(?:in|by)\s+${YEAR},?\s+(?:when\s+)?(?:he|she|they|[A-Z]\w+)\s+(?:was|were|turned)\s+(\d{1,3})\b`, 'g'),
      new RegExp(String.raw`\b(?:was|turned)\s+(\d{1,3})(?:\s+years\s+old)?\s+(?:when|in)\b[^.;]{0,60}?\b${YEAR}\b`, 'gi'),
    ];
    forms.forEach((re, f) => {
      for (const m of s.text.matchAll(re)) {
        const age = Number(f === 1 ? m[2] : m[1]);
        const year = Number(f === 1 ? m[1] : m[2]);
        if (year <= born!.year || age > 120) continue;
        const d = year - born!.year;
        if (age === d || age === d - 1) continue;
        out.push({
          check: 'age-arithmetic', sentence: s.i, others: born!.sentence === s.i ? [] : [born!.sentence], kind: 'arithmetic',
          message: `Born in ${born!.year}, a person is ${d - 1} or ${d} in ${year}, not ${age}.`,
          computation: `${year} − ${born!.year} = ${d} (${d - 1} before the birthday)`,
          suggestion: `say "${d - 1}" or "${d}", or check the years`,
        });
      }
    });
  });
}

const RANGE = new RegExp(String.raw`\b(?:rang(?:e|es|ed|ing)\s+from|var(?:y|ies|ied)\s+from|between)\s+(?:about\s+)?${N}\s*(%|percent|million|billion)?\s+(?:and|to)\s+${N}\s*(%|percent|million|billion)?\s*([a-z]+)?`, 'i');
const EXTREME = new RegExp(String.raw`\b(highest|lowest|largest|smallest|top|maximum|minimum|upper|lower|biggest)\b[^.;\d]{0,50}?(?:\b(?:of|was|is|at|reached|stood\s+at)\s+|,\s*|:\s*|\(\s*)(?:about\s+)?${N}\s*(%|percent|million|billion)?`, 'i');
const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'and', 'to', 'was', 'were', 'is', 'are', 'from', 'for', 'with', 'that', 'this', 'range', 'ranged', 'ranges', 'between', 'highest', 'lowest', 'about', 'by']);

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/s$/, '')));
}

/** A range stated once, then its highest or lowest figure given outside it, within the next few sentences. */
function outsideRange(sentences: ProseSentence[], out: InternalFinding[]): void {
  sentences.forEach((s, k) => {
    const r = RANGE.exec(s.text);
    if (!r) return;
    if (/\b(?:19|20)\d\d\b/.test(`${r[1]} ${r[3]}`) && !r[2]) return;
    const unit = (r[2] ?? r[4] ?? '').toLowerCase();
    const scale = (u: string) => (/million/.test(u) ? 1e6 : /billion/.test(u) ? 1e9 : 1);
    const lo = num(r[1]) * scale(r[2] ?? r[4] ?? '');
    const hi = num(r[3]) * scale(r[4] ?? '');
    if (!(hi > lo)) return;
    const topic = words(s.text);
    for (let j = k; j < Math.min(sentences.length, k + 4); j++) {
      const t = sentences[j]!;
      const e = EXTREME.exec(j === k ? s.text.slice((r.index ?? 0) + r[0].length) : t.text);
      if (!e) continue;
      const eUnit = (e[3] ?? '').toLowerCase();
      if ((unit === '%' || unit === 'percent') !== (eUnit === '%' || eUnit === 'percent')) continue;
      const shared = [...words(t.text)].filter((w) => topic.has(w)).length;
      if (j !== k && shared < 1) continue;
      const v = num(e[2]) * scale(eUnit || unit);
      const max = /highest|largest|top|maximum|upper|biggest/i.test(e[1] ?? '');
      const bound = max ? hi : lo;
      if (Math.abs(v - bound) <= 0.02 * Math.max(Math.abs(bound), 1)) continue;
      if (v >= lo && v <= hi && max === false && v < bound) continue;
      out.push({
        check: 'outside-range', sentence: t.i, others: j === k ? [] : [s.i], kind: 'internal-inconsistency',
        message: `The ${e[1]} figure is given as ${e[2]}${eUnit ? ` ${eUnit}` : ''}, but the range stated is ${r[1]} to ${r[3]}${unit ? ` ${unit}` : ''}: its ${max ? 'top' : 'bottom'} is ${fmt(bound, 2)}.`,
        computation: `${fmt(v, 2)} ${v > hi ? '>' : v < lo ? '<' : '≠'} ${fmt(bound, 2)}`,
        suggestion: `make the range and the ${e[1]} figure agree (${fmt(bound, 2)})`,
      });
      return;
    }
  });
}

export function timeFindings(sentences: ProseSentence[]): InternalFinding[] {
  const out: InternalFinding[] = [];
  laterYears(sentences, out);
  spans(sentences, out);
  ages(sentences, out);
  outsideRange(sentences, out);
  return out;
}
