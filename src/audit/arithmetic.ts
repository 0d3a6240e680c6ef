// Arithmetic inside one sentence: "X of Y (Z%)", "Z% of Y, or X", part > whole, changes
// ("from A to B, an increase of C%"), "N times", "one in N (Z%)", totals of listed parts,
// "leaving R" after "X of W", groups of a whole ("of the 93, 19 …, 23 … and 41 were unchanged"), and written-out sums ("196 − 140 = 56").
// Each finding says what was stated and shows the computation. Precise before broad: a pattern
// that does not read cleanly is skipped, never guessed.
import { findArithmetic, formatArithmetic } from '../report/arithmetic.js';
import { APPROX_BEFORE, NUM, WORD_NUMBER, exactNum, fmt, halfStep, parseNum, written } from './numbers.js';

export interface ArithmeticFinding {
  /** The words the finding is about, as written. */
  quote: string;
  message: string;
}

const PCT = String.raw`\s*(?:%|percent\b|per cent\b)`;
/** A currency sign before an amount ("$16.50", "€ 3"): read past, the amount is the number. */
const CUR = String.raw`(?:[$€£]\s?)?`;
/** Counts two to twelve in words, as lists write them ("six from new legislation and two from …"). */
const COUNT_WORD: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const COUNT = String.raw`(?:${NUM}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const countOf = (text: string): number => COUNT_WORD[text.toLowerCase()] ?? parseNum(text);
const APPROX_WORD = String.raw`(?:about |around |approximately |roughly |nearly |almost |some |just over |just under |over |under |close to )?`;

function approxAt(text: string, index: number): boolean {
  return APPROX_BEFORE.test(text.slice(Math.max(0, index - 16), index));
}

/** Is `stated` what `computed` rounds to, given how `statedText` was written (and whether it is hedged)? */
function agrees(computed: number, stated: number, statedText: string, approximate: boolean): boolean {
  const tol = approximate ? Math.max(0.1 * Math.abs(stated), 2 * halfStep(statedText)) : halfStep(statedText) + 1e-9;
  return Math.abs(computed - stated) <= tol;
}

function percentOfWhole(text: string, out: ArithmeticFinding[]): void {
  // "140 of 196 countries (81%)", "140 of 196 countries, or 81%"
  const re = new RegExp(String.raw`(${NUM})\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+)?(${NUM})\b([^.;()\d%]{0,60}?)(?:\(\s*|,\s*(?:or|i\.e\.,?|that is,?)\s+|\s[—–]\s*)(${APPROX_WORD})(${NUM})${PCT}`, 'gi');
  for (const m of text.matchAll(re)) {
    const x = parseNum(m[1] ?? '');
    const y = parseNum(m[2] ?? '');
    const p = parseNum(m[5] ?? '');
    if (!(y > 0) || x > y) continue;
    const computed = (x / y) * 100;
    if (!agrees(computed, p, m[5] ?? '', (m[4] ?? '') !== '')) {
      out.push({ quote: m[0], message: `${m[1]} of ${m[2]} is ${fmt(computed)}%, not ${m[5]}% (${written(m[1] ?? '')} ÷ ${written(m[2] ?? '')} × 100 = ${fmt(computed)}).` });
    }
  }
  // "Of the 120 schools, 30 (40%) …"
  const re1b = new RegExp(String.raw`\bof\s+(?:the\s+|all\s+|its\s+)?(${NUM})\b([^.;()\d%]{0,50}?),\s*(${NUM})\b[^.;()\d%]{0,30}?\(\s*(${APPROX_WORD})(${NUM})${PCT}`, 'gi');
  for (const m of text.matchAll(re1b)) {
    const y = parseNum(m[1] ?? '');
    const x = parseNum(m[3] ?? '');
    const p = parseNum(m[5] ?? '');
    if (!(y > 0) || x > y) continue;
    const computed = (x / y) * 100;
    if (!agrees(computed, p, m[5] ?? '', (m[4] ?? '') !== '')) {
      out.push({ quote: m[0], message: `${m[3]} of ${m[1]} is ${fmt(computed)}%, not ${m[5]}% (${written(m[3] ?? '')} ÷ ${written(m[1] ?? '')} × 100 = ${fmt(computed)}).` });
    }
  }
  // "71% (140 of 196)"
  const re2 = new RegExp(String.raw`(${NUM})${PCT}[^.;()\d]{0,60}?\(\s*(${NUM})\s+(?:out\s+)?of\s+(?:the\s+)?(${NUM})\b`, 'gi');
  for (const m of text.matchAll(re2)) {
    const p = parseNum(m[1] ?? '');
    const x = parseNum(m[2] ?? '');
    const y = parseNum(m[3] ?? '');
    if (!(y > 0) || x > y) continue;
    const computed = (x / y) * 100;
    if (!agrees(computed, p, m[1] ?? '', approxAt(text, m.index ?? 0))) {
      out.push({ quote: m[0], message: `${m[2]} of ${m[3]} is ${fmt(computed)}%, not ${m[1]}% (${written(m[2] ?? '')} ÷ ${written(m[3] ?? '')} × 100 = ${fmt(computed)}).` });
    }
  }
  // "45% of the 200 cities (about 110)"
  const re3 = new RegExp(String.raw`(${NUM})${PCT}\s+of\s+(?:the\s+|all\s+|its\s+)?(${NUM})\b([^.;()\d%]{0,60}?)(?:\(\s*|,\s*(?:or|i\.e\.,?|that is,?)\s+|\s[—–]\s*)(${APPROX_WORD})(${NUM})\b(?!${PCT})`, 'gi');
  for (const m of text.matchAll(re3)) {
    const p = parseNum(m[1] ?? '');
    const y = parseNum(m[2] ?? '');
    const x = parseNum(m[5] ?? '');
    if (!(y > 0) || (x >= 1800 && x <= 2100 && !/,/.test(m[5] ?? ''))) continue;
    const computed = (p / 100) * y;
    const tol = Math.max(halfStep(m[1] ?? '') * y / 100, halfStep(m[5] ?? '')) * ((m[4] ?? '') !== '' ? 2 : 1) + 1e-9;
    if (Math.abs(computed - x) > tol && !((m[4] ?? '') !== '' && Math.abs(computed - x) <= 0.1 * x)) {
      out.push({ quote: m[0], message: `${m[1]}% of ${m[2]} is ${fmt(computed)}, not ${m[5]} (${written(m[1] ?? '')}% × ${written(m[2] ?? '')} = ${fmt(computed)}).` });
    }
  }
}

function partOverWhole(text: string, out: ArithmeticFinding[]): void {
  const re = new RegExp(String.raw`(${NUM})\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+)?(${NUM})\b(?!${PCT})`, 'gi');
  for (const m of text.matchAll(re)) {
    const x = parseNum(m[1] ?? '');
    const y = parseNum(m[2] ?? '');
    if (y >= 1800 && y <= 2100 && !/,/.test(m[2] ?? '')) continue; // "3 of 2024" is a date
    // "a second edition in 1988 of 1122 microfiche": a year after "in" is a date, not a part.
    if (x >= 1800 && x <= 2100 && /\b(?:in|since|by|until|from)\s+$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0))) continue;
    if (x > y) out.push({ quote: m[0], message: `"${m[0]}" does not compute: a part (${m[1]}) cannot be larger than its whole (${m[2]}).` });
  }
}

const UP = /^(?:increase|increased|rise|rose|risen|growth|grew|jump|jumped|gain|gained|up|higher|more|climb|climbed)$/i;
const DOWN = /^(?:drop|dropped|decrease|decreased|decline|declined|fall|fell|fallen|reduction|reduced|cut|down|lower|fewer|less|shrank|shrink)$/i;

/** "going from A to B is a fall, not a rise": a change said the wrong way. */
function wrongWay(aText: string, bText: string, a: number, b: number, saidUp: boolean): string {
  return `going from ${aText} to ${bText} is ${b < a ? 'a fall' : 'a rise'}, not ${saidUp ? 'a rise' : 'a fall'} (${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)}).`;
}

/** "from A to B is a change of R%, not C%": a percentage change that does not compute (rel is the size, unsigned). */
function wrongPercent(aText: string, bText: string, a: number, b: number, rel: number, cText: string): string {
  return `from ${aText} to ${bText} is a change of ${fmt(rel)}%, not ${cText}% ((${fmt(b, 2)} − ${fmt(a, 2)}) ÷ ${fmt(a, 2)} × 100 = ${fmt(b >= a ? rel : -rel)}%).`;
}

function changes(text: string, out: ArithmeticFinding[]): void {
  // "from A to B, an increase of C%" / "from A to B (up C%)" / "from A to B — a C% rise"
  const re = new RegExp(
    String.raw`from\s+${CUR}(${NUM})(${PCT})?\s+(?:\w+\s+){0,3}?to\s+${CUR}(${NUM})(${PCT})?([^.;]{0,40}?)\b(?:an?\s+)?(?:(increase|rise|growth|jump|gain|drop|decrease|decline|fall|reduction|cut|up|down)\s+(?:of\s+|by\s+)?(${APPROX_WORD})(${NUM})(${PCT})?|(${APPROX_WORD})(${NUM})(${PCT})?\s+(increase|rise|growth|jump|gain|drop|decrease|decline|fall|reduction|cut|higher|lower|more|fewer|less))`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const a = parseNum(m[1] ?? '');
    const b = parseNum(m[3] ?? '');
    const word = m[6] ?? m[13] ?? '';
    const cText = m[8] ?? m[11] ?? '';
    const c = parseNum(cText);
    const cPct = Boolean(m[9] ?? m[12]);
    const approx = (m[7] ?? m[10] ?? '') !== '';
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) continue;
    // A difference of numbers with more digits than a double holds would be computed wrong: not checked.
    if (!exactNum(m[1] ?? '') || !exactNum(m[3] ?? '')) continue;
    if (/\d/.test((m[5] ?? '').replace(/\b(?:19|20)\d\d\b/g, ''))) continue;
    const up = UP.test(word);
    const down = DOWN.test(word);
    if ((up && b < a) || (down && b > a)) {
      out.push({ quote: m[0], message: wrongWay(m[1] ?? '', m[3] ?? '', a, b, up) });
      continue;
    }
    const diff = Math.abs(b - a);
    if (cPct) {
      const rel = a !== 0 ? (diff / Math.abs(a)) * 100 : diff === 0 ? 0 : Number.NaN;
      const points = m[2] && m[4] ? diff : Number.NaN; // from 20% to 30% may be "10 points"
      if (agrees(rel, c, cText, approx) || agrees(points, c, cText, approx)) continue;
      if (Number.isNaN(rel)) {
        out.push({ quote: m[0], message: `from ${m[1]} to ${m[3]} is a change of ${fmt(b - a, 2)}; a change from 0 has no percentage, so it cannot be ${cText}%.` });
        continue;
      }
      out.push({ quote: m[0], message: wrongPercent(m[1] ?? '', m[3] ?? '', a, b, rel, cText) });
    } else if (!agrees(diff, c, cText, approx)) {
      out.push({ quote: m[0], message: `from ${m[1]} to ${m[3]} is a change of ${fmt(diff, 2)}, not ${cText} (${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)}).` });
    }
  }
  // "doubled from A to B", "halved from A to B"
  const re2 = new RegExp(String.raw`\b(doubled|tripled|trebled|quadrupled|halved)\s+(?:\w+\s+){0,3}?from\s+(${NUM})\s+(?:\w+\s+){0,3}?to\s+(${NUM})`, 'gi');
  for (const m of text.matchAll(re2)) {
    const factor = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 }[(m[1] ?? '').toLowerCase() as 'doubled'] ?? 1;
    const a = parseNum(m[2] ?? '');
    const b = parseNum(m[3] ?? '');
    if (!(a > 0)) continue;
    const ratio = b / a;
    if (Math.abs(ratio - factor) > 0.1 * factor) {
      out.push({ quote: m[0], message: `${m[3]} is ${fmt(ratio, 2)} times ${m[2]}, so it has not ${m[1]} (${fmt(b, 2)} ÷ ${fmt(a, 2)} = ${fmt(ratio, 2)}).` });
    }
  }
}

const UP_VERB = /^(?:rose|rises|rise|increased|increases|grew|grows|climbed|climbs|jumped|jumps|went up|goes up)$/i;

/** "rose 50 cents to $14.65, up from $14.25": the change stated against the two values it joins. */
function changeToFrom(text: string, out: ArithmeticFinding[]): void {
  const re = new RegExp(
    String.raw`\b(rose|rises|rise|increased|increases|grew|grows|climbed|climbs|jumped|jumps|went up|goes up|fell|falls|dropped|drops|declined|declines|decreased|decreases|went down|goes down)\s+(?:by\s+)?(${APPROX_WORD})${CUR}(${NUM})(${PCT}|\s+cents?\b)?\s+to\s+${CUR}(${NUM})(${PCT})?,?\s+(?:(?:up|down)\s+)?from\s+${CUR}(${NUM})(${PCT})?`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const [cText, bText, aText] = [m[3] ?? '', m[5] ?? '', m[7] ?? ''];
    if (![cText, bText, aText].every(exactNum)) continue;
    const [c, b, a] = [parseNum(cText), parseNum(bText), parseNum(aText)];
    const approx = (m[2] ?? '') !== '';
    const up = UP_VERB.test(m[1] ?? '');
    if ((up && b < a) || (!up && b > a)) {
      out.push({ quote: m[0], message: wrongWay(aText, bText, a, b, up) });
      continue;
    }
    const unit = (m[4] ?? '').trim().toLowerCase();
    const diff = Math.abs(b - a);
    if (unit.startsWith('cent')) {
      // "50 cents" between dollar amounts: the change in cents is the difference × 100.
      if (!agrees(diff * 100, c, cText, approx)) out.push({ quote: m[0], message: `from ${aText} to ${bText} is a change of ${fmt(diff * 100, 0)} cents, not ${cText} (${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)}).` });
    } else if (unit !== '') {
      if (m[6] && m[8]) continue; // percentages on both sides: points or percent, either may be meant
      const rel = a !== 0 ? (diff / Math.abs(a)) * 100 : Number.NaN;
      if (!Number.isNaN(rel) && !agrees(rel, c, cText, approx)) out.push({ quote: m[0], message: wrongPercent(aText, bText, a, b, rel, cText) });
    } else if (!agrees(diff, c, cText, approx)) {
      out.push({ quote: m[0], message: `from ${aText} to ${bText} is a change of ${fmt(diff, 2)}, not ${cText} (${fmt(b, 2)} − ${fmt(a, 2)} = ${fmt(b - a, 2)}).` });
    }
  }
}

function ratios(text: string, out: ArithmeticFinding[]): void {
  // "one in four (40%)"
  const re = new RegExp(String.raw`\b(one|two|three|\d+)\s+in\s+(?:every\s+)?(two|three|four|five|six|seven|eight|nine|ten|\d+)\b[^.;()\d]{0,40}?\(\s*(${APPROX_WORD})(${NUM})${PCT}`, 'gi');
  for (const m of text.matchAll(re)) {
    const a = WORD_NUMBER[(m[1] ?? '').toLowerCase()] ?? parseNum(m[1] ?? '');
    const b = WORD_NUMBER[(m[2] ?? '').toLowerCase()] ?? parseNum(m[2] ?? '');
    const p = parseNum(m[4] ?? '');
    if (!(b > 0)) continue;
    const computed = (a / b) * 100;
    // "About one in ten (11%)": a hedge before the ratio rounds it too.
    if (!agrees(computed, p, m[4] ?? '', (m[3] ?? '') !== '' || approxAt(text, m.index ?? 0))) {
      out.push({ quote: m[0], message: `${m[1]} in ${m[2]} is ${fmt(computed)}%, not ${m[4]}% (${fmt(a)} ÷ ${fmt(b)} × 100 = ${fmt(computed)}).` });
    }
  }
  // "A …, N times (as many as / more than) B"
  const re2 = new RegExp(
    String.raw`(${NUM})\b[^.;\d]{0,60}?\b(twice|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s*(?:times|-fold)\s+(as many|as much|as high|as large|more|higher|larger|greater|the)\b[^.;\d]{0,50}?\b(${NUM})\b(?!${PCT})`,
    'gi',
  );
  for (const m of text.matchAll(re2)) {
    if (/\b(?:twice)\b/i.test(m[2] ?? '') === false && !/times|fold/i.test(m[0])) continue;
    const a = parseNum(m[1] ?? '');
    const b = parseNum(m[4] ?? '');
    const n = WORD_NUMBER[(m[2] ?? '').toLowerCase()] ?? parseNum(m[2] ?? '');
    if (!(b > 0) || !(n > 0)) continue;
    const ratio = a / b;
    const ok = Math.abs(ratio - n) <= 0.1 * n || ((m[3] ?? '').toLowerCase() === 'more' && Math.abs(ratio - (n + 1)) <= 0.1 * (n + 1));
    if (!ok) out.push({ quote: m[0], message: `${m[1]} is ${fmt(ratio, 2)} times ${m[4]}, not ${m[2]} times (${fmt(a, 2)} ÷ ${fmt(b, 2)} = ${fmt(ratio, 2)}).` });
  }
}

function totals(text: string, out: ArithmeticFinding[]): void {
  // "a total of T …: A …, B … and C …" / "T … in total: …" / "T …, of which A … and B …"
  const head = new RegExp(
    String.raw`(?:a\s+total\s+of\s+|totall?ing\s+|in\s+all,?\s+|altogether,?\s+)(${NUM})\b(?!${PCT})|(${NUM})\b(?!${PCT})(?:\s+[a-z-]+){0,3}\s+(?:in\s+total|in\s+all|altogether|combined)|(?:which\s+|that\s+)?(?:account(?:s|ed|ing)?\s+for|mak(?:e|es|ing)\s+up)\s+all\s+(?:of\s+)?(?:the\s+|those\s+|these\s+)?(${NUM})\b(?!${PCT})`,
    'gi',
  );
  for (const m of text.matchAll(head)) {
    const tText = m[1] ?? m[2] ?? m[3] ?? '';
    const t = parseNum(tText);
    const end = (m.index ?? 0) + m[0].length;
    const tail = text.slice(end);
    const intro = /^[^.;:\d]{0,40}?(?::|,?\s+(?:of\s+which|of\s+whom|comprising|made\s+up\s+of|split\s+between|divided\s+into|consisting\s+of)\s+)/i.exec(tail);
    let list: string | null = null;
    if (intro) list = tail.slice(intro[0].length);
    else {
      // Parts before the total: "A … and B …, a total of T".
      const before = text.slice(0, m.index ?? 0);
      const item = String.raw`\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b`;
      const lead = new RegExp(String.raw`((?:${item}[^.;:\d]{1,40}?(?:,\s*|\s+and\s+)){1,8}${item}[^.;:\d]{0,40}?)[,(—–-]\s*$`, 'i').exec(before);
      if (lead && lead[1] && /\band\b/i.test(lead[1])) list = lead[1];
    }
    if (list === null) continue;
    list = list.split(/[.;]/)[0] ?? '';
    // A clean list: numbers separated by a few words, commas and a final "and"; nothing else numeric.
    const items = [...list.matchAll(new RegExp(String.raw`\b(${COUNT})\b(${PCT})?`, 'gi'))];
    if (!items.some((i) => /\d/.test(i[1] ?? ''))) continue; // a list in words only is prose, not a tally
    if (items.length < 2 || !/\band\b/i.test(list) || /\b(?:including|such as|among them|of them|of these|whom|which)\b/i.test(list)) continue;
    if (items.some((i) => Boolean(i[2]))) continue;
    const values = items.map((i) => countOf(i[1] ?? ''));
    if (values.some((v) => Number.isNaN(v) || (v >= 1800 && v <= 2100))) continue;
    if (!exactNum(tText) || items.some((i) => /\d/.test(i[1] ?? '') && !exactNum(i[1] ?? ''))) continue; // more digits than a double holds
    const sum = values.reduce((s, v) => s + v, 0);
    const approx = approxAt(text, m.index ?? 0) || /\b(?:about|around|roughly|some|nearly|approximately)\b/i.test(m[0]);
    if (!agrees(sum, t, tText, approx)) {
      out.push({ quote: m[0].trim(), message: `the parts add up to ${fmt(sum, 2)}, not ${tText} (${items.map((i) => i[1]).join(' + ')} = ${fmt(sum, 2)}).` });
    }
  }
}

function remainders(text: string, out: ArithmeticFinding[]): void {
  // "Of the 196 countries, 140 …, leaving 46 …" / "140 of 196 …; the remaining 46 …"
  const forms = [
    new RegExp(String.raw`\bof\s+(?:the\s+|all\s+)?(${NUM})\b[^.;\d]{0,50}?,\s*(${NUM})\b[^.;\d]{0,80}?\b(?:leaving|leaves|while\s+the\s+(?:remaining|other)|the\s+remaining|the\s+other|the\s+rest,?)\s+(${NUM})\b`, 'gi'),
    new RegExp(String.raw`(${NUM})\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(${NUM})\b[^.;\d]{0,80}?\b(?:leaving|leaves|while\s+the\s+(?:remaining|other)|the\s+remaining|the\s+other|the\s+rest,?)\s+(${NUM})\b`, 'gi'),
  ];
  forms.forEach((re, k) => {
    for (const m of text.matchAll(re)) {
      const whole = parseNum((k === 0 ? m[1] : m[2]) ?? '');
      const part = parseNum((k === 0 ? m[2] : m[1]) ?? '');
      const rest = parseNum(m[3] ?? '');
      if ([whole, part, rest].some(Number.isNaN) || part > whole) continue;
      if (![m[1], m[2], m[3]].every((t) => exactNum(t ?? ''))) continue; // more digits than a double holds
      if (Math.abs(whole - part - rest) > 1e-9) {
        out.push({ quote: m[0], message: `${fmt(whole, 2)} − ${fmt(part, 2)} = ${fmt(whole - part, 2)}, not ${m[3]}: the remainder does not compute.` });
      }
    }
  });
}

/** The last group of a split that takes in everything left: "… and 41 were unchanged", "the rest …". */
const RESIDUAL = /\b(?:unchanged|the\s+rest|remain(?:ed|ing)?|remainder|others?|neither|no\s+change|stayed|stable|undecided|did\s+not)\b/i;

function partitions(text: string, out: ArithmeticFinding[]): void {
  // "Of the 93 reefs surveyed, 19 declined, 23 improved and 41 were unchanged": groups of a whole.
  const item = String.raw`(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
  const re = new RegExp(String.raw`\bof\s+(?:the\s+|all\s+|those\s+|these\s+)?(${NUM})\b(?!${PCT})([^.;:]{0,60}?),\s*((?:${item}\b(?!${PCT})[^.;:\d]{1,50}?(?:,\s*(?:and\s+)?|\s+and\s+)){1,8}${item}\b(?!${PCT})[^.;:\d]{0,50})`, 'gi');
  for (const m of text.matchAll(re)) {
    const wholeText = m[1] ?? '';
    const list = m[3] ?? '';
    if (/\d/.test((m[2] ?? '').replace(/\b(?:1[89]|20)\d\d\b/g, ''))) continue; // another figure between the whole and its groups
    if (/^\s*\d/.test(text.slice((m.index ?? 0) + m[0].length))) continue; // the list goes on in a form not read ("and the other 19")
    const items = [...list.matchAll(new RegExp(String.raw`\b(${COUNT})\b`, 'gi'))].map((i) => i[1] ?? '');
    if (items.length < 2 || !/\band\b/i.test(list) || /\b(?:including|such as|among them|of them|of these|leaving)\b/i.test(list)) continue;
    const values = items.map(countOf);
    const whole = parseNum(wholeText);
    if (Number.isNaN(whole) || values.some((v) => Number.isNaN(v) || (v >= 1800 && v <= 2100))) continue;
    if (!exactNum(wholeText) || items.some((i) => /\d/.test(i) && !exactNum(i))) continue;
    const sum = values.reduce((a, v) => a + v, 0);
    const last = list.slice(list.toLowerCase().lastIndexOf(items[items.length - 1]!.toLowerCase()));
    // Groups may leave some of the whole out, or overlap ("30 raised wages and 25 cut taxes"), unless
    // the last one takes in the rest: then they split the whole and must add up to it.
    if (RESIDUAL.test(last) && Math.abs(sum - whole) > 1e-9) {
      out.push({ quote: m[0].trim(), message: `the groups add up to ${fmt(sum, 2)}, not ${wholeText} (${items.join(' + ')} = ${fmt(sum, 2)}).` });
    }
  }
}

/** "had reached 223, up from 48 in mid-February, a rise of 300%": the level, then where it came from, then the change. */
function upFrom(text: string, out: ArithmeticFinding[]): void {
  const re = new RegExp(
    String.raw`\b(?:reached|reaching|to|hit|at|stood\s+at|totalled|totaled|was|were)\s+${CUR}(${NUM})(${PCT})?[^.;,\d]{0,30}?,?\s+(up|down)\s+from\s+${CUR}(${NUM})(?:(${PCT})|\b)([^.;\d%]{0,40}?)(?:,\s*|\s+|\s[—–]\s*|\(\s*)(?:an?\s+)?(?:(increase|rise|growth|jump|gain|drop|decrease|decline|fall|reduction|cut)\s+(?:of\s+|by\s+)?(${APPROX_WORD})(${NUM})${PCT}|(${APPROX_WORD})(${NUM})${PCT}\s+(increase|rise|growth|jump|gain|drop|decrease|decline|fall|reduction|cut))`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const [bText, aText] = [m[1] ?? '', m[4] ?? ''];
    const cText = m[9] ?? m[11] ?? '';
    const approx = (m[8] ?? m[10] ?? '') !== '';
    if (![bText, aText, cText].every(exactNum) || (m[2] && m[5])) continue;
    const [b, a, c] = [parseNum(bText), parseNum(aText), parseNum(cText)];
    const word = m[7] ?? m[12] ?? '';
    if (a === 0) continue;
    if ((UP.test(word) && b < a) || (DOWN.test(word) && b > a) || (m[3]?.toLowerCase() === 'up' && b < a) || (m[3]?.toLowerCase() === 'down' && b > a)) {
      out.push({ quote: m[0], message: wrongWay(aText, bText, a, b, b >= a) });
      continue;
    }
    const rel = (Math.abs(b - a) / Math.abs(a)) * 100;
    if (!agrees(rel, c, cText, approx)) {
      out.push({ quote: m[0], message: wrongPercent(aText, bText, a, b, rel, cText) });
    }
  }
}

/**
 * "505 confirmed cases and 57 hospitalizations, so 15% of patients were hospitalized": two counts,
 * then a share said to follow from them ("so", "meaning", "a … rate of"). The smaller over the larger.
 */
function impliedShare(text: string, out: ArithmeticFinding[]): void {
  const re = new RegExp(
    String.raw`\b(${NUM})\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+and\s+(${NUM})\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+,?\s+(?:so|meaning|which\s+means|that\s+is|i\.e\.)\s+(?:that\s+)?(?:[\p{L}-]+\s+){0,3}?(${APPROX_WORD})(${NUM})${PCT}|\b(${NUM})\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+and\s+(${NUM})\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+,?\s+(?:[—–]\s*)?an?\s+(?:[\p{L}-]+\s+)?rate\s+of\s+(${APPROX_WORD})(${NUM})${PCT}`,
    'giu',
  );
  for (const m of text.matchAll(re)) {
    const [xText, yText, cText] = m[1] !== undefined ? [m[1], m[2] ?? '', m[4] ?? ''] : [m[5] ?? '', m[6] ?? '', m[8] ?? ''];
    const approx = (m[1] !== undefined ? m[3] : m[7]) ?? '';
    if (![xText, yText, cText].every(exactNum)) continue;
    const [x, y, c] = [parseNum(xText), parseNum(yText), parseNum(cText)];
    const [part, whole, partText, wholeText] = x <= y ? [x, y, xText, yText] : [y, x, yText, xText];
    if (!(whole > 0) || /\b(?:19|20)\d\d\b/.test(`${xText} ${yText}`)) continue;
    const computed = (part / whole) * 100;
    if (!agrees(computed, c, cText, approx !== '')) {
      out.push({ quote: m[0], message: `${partText} of ${wholeText} is ${fmt(computed)}%, not ${cText}% (${written(partText)} ÷ ${written(wholeText)} × 100 = ${fmt(computed)}).` });
    }
  }
}

/** Every arithmetic statement in a sentence that does not compute. */
export function checkArithmetic(sentence: string): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  percentOfWhole(sentence, out);
  partOverWhole(sentence, out);
  changes(sentence, out);
  changeToFrom(sentence, out);
  upFrom(sentence, out);
  impliedShare(sentence, out);
  ratios(sentence, out);
  totals(sentence, out);
  remainders(sentence, out);
  partitions(sentence, out);
  for (const a of findArithmetic(sentence)) {
    // "196 − 118 − 16 = 62" is read as "118 − 16 = 62": a chained expression is not checked.
    const at = sentence.indexOf(a.text);
    if (at > 0 && /[−–+×÷*/-]\s*$/.test(sentence.slice(Math.max(0, at - 4), at))) continue;
    if (!a.correct) {
      const shown = a.exact ? `${a.exact.left} ${a.operator === '-' ? '−' : a.operator} ${a.exact.right} = ${a.exact.result}` : formatArithmetic(a.left, a.operator, a.right, Math.round(a.computed * 100) / 100);
      out.push({ quote: a.text, message: `${a.text} is wrong: ${shown}.` });
    }
  }
  // One finding per quoted span.
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.quote) ? false : (seen.add(f.quote), true)));
}
