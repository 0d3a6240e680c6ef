// Percentages read against each other: percent vs percentage-point changes, fractions stated
// next to a percentage ("one in four, or 40%"), "more than half" beside a figure under 50 %,
// and exclusive shares that add up past 100 %.
import { fmt, halfStep } from '../numbers.js';
import { N, num } from './finding.js';
import type { InternalFinding, ProseSentence } from './finding.js';

const PCT = String.raw`\s*(?:%|percent\b|per\s+cent\b)`;
const POINTS = String.raw`\s*(?:percentage[- ]points?|points?|pp)\b`;
const CHANGE = String.raw`(?:increase|rise|jump|gain|growth|drop|decrease|decline|fall|reduction|cut)`;

/** "from 20% to 25%, an increase of 5%" (points called percent) or "… of 25 percentage points" (percent called points). */
function percentVsPoints(s: ProseSentence, out: InternalFinding[]): void {
  const re = new RegExp(
    String.raw`from\s+${N}${PCT}\s+(?:in\s+\d{4}\s+)?to\s+${N}${PCT}([^.;\d]{0,40}?)(?:(?:an?\s+)?${CHANGE}\s+(?:of\s+|by\s+)?|(?:up|down|rising|falling|rose|fell|grew|dropped|increased|decreased)\s+(?:by\s+)?|,\s*(?:an?\s+)?)(about\s+|around\s+|nearly\s+|roughly\s+)?${N}(${PCT}|${POINTS})`,
    'gi',
  );
  for (const m of s.text.matchAll(re)) {
    const a = num(m[1]);
    const b = num(m[2]);
    const c = num(m[5]);
    if ([a, b, c].some(Number.isNaN) || a === 0) continue;
    const points = Math.abs(b - a);
    const rel = (points / Math.abs(a)) * 100;
    const step = m[4] ? Math.max(1, 0.1 * c) : halfStep(m[5] ?? '') + 0.05;
    const saidPoints = new RegExp(POINTS, 'i').test(m[6] ?? '');
    const okPoints = Math.abs(points - c) <= step;
    const okRel = Math.abs(rel - c) <= step;
    if (saidPoints ? okPoints : okRel) continue;
    const unitSaid = saidPoints ? 'percentage points' : 'percent';
    const pair = `from ${m[1]}% to ${m[2]}%`;
    if (saidPoints ? okRel : okPoints) {
      out.push({
        check: 'percent-vs-points', sentence: s.i, others: [], kind: 'arithmetic',
        message: `${pair} is a change of ${fmt(points, 2)} percentage points, or ${fmt(rel)}% of the starting value; the sentence calls ${m[5]} ${unitSaid === 'percent' ? 'a percent change' : 'percentage points'}, which mixes the two.`,
        computation: `${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)} points; (${fmt(b, 2)} − ${fmt(a, 2)}) ÷ ${fmt(a, 2)} × 100 = ${fmt(rel)}%`,
        suggestion: saidPoints ? `say "${fmt(points, 2)} percentage points" (a ${fmt(rel)}% ${b > a ? 'rise' : 'fall'})` : `say "${fmt(points, 2)} percentage points" or "${fmt(rel)}%"`,
      });
    } else {
      out.push({
        check: 'percent-vs-points', sentence: s.i, others: [], kind: 'arithmetic',
        message: `${pair} is neither ${m[5]} ${unitSaid} nor close to it: it is ${fmt(points, 2)} percentage points, or ${fmt(rel)}%.`,
        computation: `${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)} points; ${fmt(points, 2)} ÷ ${fmt(a, 2)} × 100 = ${fmt(rel)}%`,
        suggestion: `say "${fmt(points, 2)} percentage points" or "${fmt(rel)}%"`,
      });
    }
  }
}

const FRACTIONS: Array<[RegExp, number, string]> = [
  [/\b(?:a|one)[- ]half\b|\bhalf\b/i, 50, 'half'],
  [/\btwo[- ]thirds\b/i, 200 / 3, 'two thirds'],
  [/\b(?:a|one)[- ]third\b/i, 100 / 3, 'a third'],
  [/\bthree[- ]quarters\b|\bthree[- ]fourths\b/i, 75, 'three quarters'],
  [/\b(?:a|one)[- ](?:quarter|fourth)\b/i, 25, 'a quarter'],
  [/\b(?:a|one)[- ]fifth\b/i, 20, 'a fifth'],
  [/\btwo[- ]fifths\b/i, 40, 'two fifths'],
  [/\bthree[- ]fifths\b/i, 60, 'three fifths'],
  [/\b(?:a|one)[- ]tenth\b/i, 10, 'a tenth'],
];
const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** "one in four (40%)", "a third of voters, or 45%", "more than half (48%)", "a majority — 46% —". */
function fractionVsPercent(s: ProseSentence, out: InternalFinding[]): void {
  const link = String.raw`[^.;\d%]{0,50}?(?:\(\s*|,\s*(?:(?:or|that\s+is|i\.e\.,?|about|roughly|some)\s+)?|\s[—–]\s*)(about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?${N}${PCT}`;
  const frac = String.raw`((?:more\s+than|over|nearly|almost|about|around|roughly|less\s+than|under|just\s+over|just\s+under)\s+)?(half|a\s+majority|the\s+majority|(?:a|one|two|three)[- ](?:half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth)|(?:one|two|three|four|five|\d)\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+))`;
  const re = new RegExp(String.raw`\b${frac}\b${link}`, 'gi');
  for (const m of s.text.matchAll(re)) {
    const hedgeWord = (m[1] ?? '').trim().toLowerCase();
    const phrase = (m[2] ?? '').toLowerCase();
    const p = num(m[4]);
    if (Number.isNaN(p)) continue;
    let value: number | null = null;
    let name = phrase;
    const inN = /^(\w+)\s+in\s+(?:every\s+)?(\w+)$/.exec(phrase);
    if (inN) {
      const a = SMALL[inN[1] ?? ''] ?? Number(inN[1]);
      const b = SMALL[inN[2] ?? ''] ?? Number(inN[2]);
      if (b > 0) value = (a / b) * 100;
    } else if (/majority/.test(phrase)) {
      // "a majority" needs more than 50 % ("most" is left alone: "the most common" is no share).
      if (p < 50 || (p === 50 && !m[3])) {
        out.push({
          check: 'fraction-vs-percent', sentence: s.i, others: [], kind: 'internal-inconsistency',
          message: `"${m[2]}" means more than half, but the figure given is ${m[4]}%.`,
          computation: `${fmt(p, 2)}% ≤ 50%`,
          suggestion: `say "${p >= 40 ? 'nearly half' : 'a minority'}" or check the ${m[4]}%`,
        });
      }
      continue;
    } else {
      const hit = FRACTIONS.find(([fre]) => fre.test(phrase));
      if (hit) {
        value = hit[1];
        name = hit[2];
      }
    }
    if (value === null) continue;
    const hedge = hedgeWord === '' ? (m[3] ? 'about' : 'exact') : /more|over/.test(hedgeWord) ? 'over' : /less|under/.test(hedgeWord) ? 'under' : /nearly|almost/.test(hedgeWord) ? 'nearly' : 'about';
    // The percentage is the precise figure; the fraction is the rounded one: allow a few points.
    const ok =
      hedge === 'over' ? p > value - 0.5 : hedge === 'under' ? p < value + 0.5 : hedge === 'nearly' ? p <= value + 0.5 && p >= value - 8 : Math.abs(p - value) <= (hedge === 'about' ? 5 : 3.5);
    if (ok) continue;
    const said = `${hedgeWord ? `${hedgeWord} ` : ''}${m[2]}`;
    out.push({
      check: 'fraction-vs-percent', sentence: s.i, others: [], kind: 'internal-inconsistency',
      message: `"${said}" is ${hedge === 'over' ? 'more than' : hedge === 'under' ? 'less than' : hedge === 'nearly' ? 'just under' : 'about'} ${fmt(value)}%, but the sentence gives ${m[4]}%.`,
      computation: `${name} = ${fmt(value)}%; stated ${fmt(p, 2)}%`,
      suggestion: `write the fraction that ${m[4]}% is (${nearestFraction(p)}), or check the percentage`,
    });
  }
}

function nearestFraction(p: number): string {
  const options: Array<[number, string]> = [[10, 'one in ten'], [20, 'one in five'], [25, 'one in four'], [100 / 3, 'one in three'], [40, 'two in five'], [50, 'half'], [60, 'three in five'], [200 / 3, 'two thirds'], [75, 'three quarters'], [80, 'four in five'], [90, 'nine in ten']];
  let best = options[0]!;
  for (const o of options) if (Math.abs(o[0] - p) < Math.abs(best[0] - p)) best = o;
  const rel = p < best[0] - 1 ? 'just under ' : p > best[0] + 1 ? 'just over ' : 'about ';
  return `${rel}${best[1]}`;
}

/** Verbs whose objects split one population into exclusive groups ("42% backed A, 38% backed B"). */
const SPLIT_CUE = /\b(?:of\s+the\s+(?:vote|votes|ballots)|of\s+(?:respondents|those\s+(?:surveyed|polled|asked))|split|broke\s+down|breakdown|divided)\b/i;
const NOT_EXCLUSIVE = /\b(?:also|both|each|either|several|multiple|more\s+than\s+one|could\s+(?:choose|pick|name)|at\s+least\s+one|among\s+them|of\s+(?:them|these|those|whom)|respectively|of\s+(?:that|this)\s+(?:decline|fall|drop|rise|increase|growth|change|loss|gain))\b/i;

/** Exclusive shares of one whole listed in one sentence that add up past 100 %. */
function sharesOver100(s: ProseSentence, out: InternalFinding[]): void {
  const items = [...s.text.matchAll(new RegExp(String.raw`(?:^|[\s(,;:—–])(?:about\s+|around\s+|nearly\s+|some\s+)?${N}${PCT}\s+(?:of\s+(?:the\s+)?(?:vote|votes|respondents|voters|those\s+\w+)\s+)?(?:(?:said|were|was|had|backed|voted|chose|preferred|supported|opposed|favou?red|went\s+to|came\s+from|answered|rated|called|picked|selected)\s+)?(\w+)`, 'gi'))];
  if (items.length < 2) return;
  if (NOT_EXCLUSIVE.test(s.text) || /\b(?:in|by|from|since|between)\s+(?:19|20)\d\d\b[^%]*\b(?:in|by|from|since)\s+(?:19|20)\d\d\b/i.test(s.text)) return;
  const verbs = items.map((m) => (/(?:said|were|was|had|backed|voted|chose|preferred|supported|opposed|favou?red|went\s+to|came\s+from|answered|rated|called|picked|selected)\s+\w+$/i.exec(m[0])?.[0] ?? '').split(/\s+/)[0]?.toLowerCase() ?? '');
  const sameVerb = verbs.every((v) => v !== '' && v === verbs[0]) && !/^(?:were|was|had)$/.test(verbs[0] ?? '');
  const remainder = /\b(?:the\s+rest|the\s+remaining|remainder|undecided|neither|did\s+not\s+answer|no\s+opinion|abstained|other\s+(?:parties|candidates|answers))\b/i.test(s.text);
  if (!(SPLIT_CUE.test(s.text) || sameVerb || (remainder && items.length >= 3))) return;
  // "58.3 percent of the vote in Brown County and 59.5 percent in Outagamie County": shares of different wholes.
  const places = [...s.text.matchAll(new RegExp(String.raw`${N}${PCT}[^%;]{0,30}?\bin\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)`, 'gu'))].map((m) => m[2]);
  if (new Set(places).size > 1) return;
  const values = items.map((m) => num(m[1]));
  if (values.some(Number.isNaN)) return;
  const sum = values.reduce((a, b) => a + b, 0);
  const slack = 0.5 * items.length + (items.some((m) => /about|around|nearly|some/i.test(m[0])) ? 3 : 0);
  if (sum <= 100 + slack) return;
  out.push({
    check: 'shares-over-100', sentence: s.i, others: [], kind: 'arithmetic',
    message: `The shares listed are parts of one whole, but they add up to ${fmt(sum, 2)}%, more than 100%.`,
    computation: `${items.map((m) => `${m[1]}%`).join(' + ')} = ${fmt(sum, 2)}%`,
    suggestion: `check the figures: at least ${fmt(sum - 100, 2)} points too many`,
  });
}

/** A list item that opens with a share: "About 40 per cent had little or no bleaching". */
const ITEM_SHARE = new RegExp(String.raw`^\s*(?:[-•*–]\s*)?(about\s+|around\s+|nearly\s+|roughly\s+|some\s+|almost\s+)?${N}${PCT}\s+(.*)$`, 'i');
/** Words that grade one measure: items that each give a grade of it are exclusive parts of one whole. */
const GRADE = /\b(?:no|none|little|some|mild(?:ly)?|moderate(?:ly)?|severe(?:ly)?|extreme(?:ly)?|high|low|medium|minor|major|partial(?:ly)?|full(?:y)?|complete(?:ly)?|slight(?:ly)?|heavy|heavily|light(?:ly)?)\b/i;
const STOP = new Set(['the', 'of', 'and', 'or', 'had', 'have', 'has', 'was', 'were', 'is', 'are', 'that', 'this', 'with', 'levels', 'level', 'on', 'each', 'more', 'than', 'per', 'cent', 'percent', 'good', 'news']);
const stemOf = (w: string): string => w.toLowerCase().replace(/(?:ing|ed|es|s)$/, '');

/**
 * A lead-in ending with a colon, then three or more items that each open with a share and give a
 * grade of one measure ("about 40% had little or no bleaching", "25% were severely bleached", "35%
 * had moderate bleaching"): the shares split one whole and must not add up past 100 %.
 */
function listSharesOver100(sentences: ProseSentence[], out: InternalFinding[]): void {
  for (let i = 0; i < sentences.length; i++) {
    if (!/:\s*$/.test(sentences[i]?.text ?? '')) continue;
    const items: Array<{ s: ProseSentence; m: RegExpExecArray }> = [];
    for (let k = i + 1; k < sentences.length; k++) {
      const s = sentences[k]!;
      const m = ITEM_SHARE.exec(s.text);
      if (!m) break;
      items.push({ s, m });
    }
    // A bracketed aside ("(on each reef more than 60 per cent …)") explains a grade; it is not one.
    const bare = (t: string): string => t.replace(/\([^)]*\)/g, ' ');
    if (items.length < 3 || items.some(({ s }) => NOT_EXCLUSIVE.test(bare(s.text)) || !GRADE.test(bare(s.text)))) continue;
    // One measure: a content word every item shares ("bleaching", "bleached").
    const words = items.map(({ m }) => new Set(bare(m[3] ?? '').toLowerCase().match(/\p{L}{3,}/gu)?.filter((w) => !STOP.has(w) && !GRADE.test(w)).map(stemOf) ?? []));
    const first = words[0] ?? new Set<string>();
    if (![...first].some((w) => words.every((ws) => ws.has(w)))) continue;
    const values = items.map(({ m }) => num(m[2]));
    if (values.some(Number.isNaN)) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    const slack = 0.5 * items.length + (items.some(({ m }) => m[1]) ? 3 : 0);
    if (sum <= 100 + slack) continue;
    const last = items[items.length - 1]!;
    const leadWords = (sentences[i]?.text ?? '').trim().split(/\s+/);
    const leadIn = leadWords.length > 10 ? `… ${leadWords.slice(-10).join(' ')}` : leadWords.join(' ');
    out.push({
      check: 'shares-over-100', sentence: last.s.i, others: items.slice(0, -1).map(({ s }) => s.i), kind: 'arithmetic',
      message: `The list after "${leadIn}" gives grades of one measure as shares of one whole, but they add up to ${fmt(sum, 2)}%, more than 100%.`,
      computation: `${items.map(({ m }) => `${m[2]}%`).join(' + ')} = ${fmt(sum, 2)}%`,
      suggestion: `check the figures: at least ${fmt(sum - 100, 2)} points too many`,
    });
  }
}

/** The percentage checks of one sentence, and of a list of shares after a lead-in. */
export function shareFindings(sentences: ProseSentence[]): InternalFinding[] {
  const out: InternalFinding[] = [];
  for (const s of sentences) {
    percentVsPoints(s, out);
    fractionVsPercent(s, out);
    sharesOver100(s, out);
  }
  listSharesOver100(sentences, out);
  return out;
}
