// Figures: the quantities a sentence states, with what they count.
//
// Contract: `extractFigures(text)` returns the figures in `text`, in order, never overlapping,
// with `text.slice(f.start, f.end) === f.text`. For each figure:
// - `value`: the number, scales applied ("2.3 million" → 2300000). Percentages keep the
//   percent number (45% → 45, unit "percent"); fractions are values in (0,1) ("two thirds").
// - span: from any bound/approximation words and currency sign through the number, its
//   range end, its whole and its unit noun ("more than 140 of 196 countries").
// - `approximate`: about, approximately, roughly, nearly, almost, some, around, an estimated…
// - `bound`: "=" unless "more than/over" (>), "at least/or more" (>=), "fewer than/under" (<),
//   "up to/at most/no more than" (<=).
// - `unit`: "percent", "percentage points", a currency ("dollars", "euros", "pounds"), a
//   measure ("km") or the counted noun ("countries"); null when none is written.
// - `whole`: "140 of 196", "three of the five", "7 in 10", "9 out of 10" → the second number.
// - `predicate`: the words saying what is counted — the clause after the figure
//   ("criminalize simple possession"), else the clause before it ("the rate fell").
// - ranges ("5 to 20 years", "between 150 and 160", "5–10%"): `value` low, `high` high.
// Not figures: years and other dates, ordinals (9th), section/article/paragraph numbers and
// legal citations (§ 2252A, Art. 9(4), 2C:24-4, 18 U.S.C.), list markers and "(1)",
// phone numbers, version strings, identifiers (COVID-19, G20), times (10:30, 5 pm).
//
// The reader is in three stages, one file each: figure-core.ts (tokens, masks, the number and
// whether it is a quantity), figure-nouns.ts (the noun counted and what is said of it), and here
// the figure built from them (bounds, ranges, units, wholes); word lists in figure-lexicon.ts.
import type { Bound, DateMention, Figure } from '../../model.js';
import { createTextMemo } from '../text-memo.js';
import { STOPWORDS } from '../tokens.js';
import { type Core } from './figure-core.js';
import { FigureWords } from './figure-nouns.js';
import { APPROX_BEFORE, BOUND_AFTER, BOUND_PHRASES, CHANGE_VERBS, CURRENCY_AFTER, CURRENCY_BEFORE, CURRENCY_UNITS, DEGREES_AFTER, EXACT_BEFORE, MONTH_NAMES, PERCENT_AFTER } from './figure-lexicon.js';

export { parseNumberWords } from './number-words.js';

class FigureReader extends FigureWords {
  run(): Figure[] {
    const out: Figure[] = [];
    let i = 0;
    let floor = 0; // no figure may start before this character (the previous figure's end)
    while (i < this.toks.length) {
      const t = this.toks[i];
      if (t === undefined) break;
      if (t.kind === 'punct' || (t.kind === 'word' && !this.canStartWords(t.lower))) {
        i++;
        continue;
      }
      const core = this.readCore(i);
      if (core === null) {
        i++;
        continue;
      }
      // A masked date or phone number is masked whole, so what follows it is read on its own
      // ("in 2019 to 92.7%"); a label's continuation ("sections 3 and 4") is skipped with it.
      if (this.mask.hits(core.start, core.end)) {
        i = core.last + 1;
        continue;
      }
      if (this.excluded(core)) {
        i = this.skipLabelled(core.last + 1);
        continue;
      }
      const fig = this.build(core, floor);
      if (fig === null) {
        i = core.last + 1;
        continue;
      }
      out.push(fig.figure);
      floor = fig.figure.end;
      i = fig.nextToken;
    }
    return out;
  }

  private build(core: Core, floor: number): { figure: Figure; nextToken: number } | null {
    const text = this.text;
    let start = core.start;
    let end = core.end;
    let value = core.value;
    let high: number | null = null;
    let unit: string | null = core.unit;
    let whole: number | null = null;
    let bound: Bound = '=';
    let approximate = false;
    let nextToken = core.last + 1;

    // "half a million": the fraction before a scaled "a million" scales it.
    if (core.scaled && /^(?:a|an)\s/i.test(text.slice(core.start, core.end))) {
      const half = /(?:^|[^\p{L}])(half\s+)$/iu.exec(text.slice(Math.max(floor, start - 8), start));
      if (half?.[1]) {
        value *= 0.5;
        start -= half[1].length;
      }
    }

    // Before: currency sign, then bound/approximation words.
    let head = text.slice(Math.max(floor, start - 48), start);
    const cur = CURRENCY_BEFORE.exec(head);
    if (cur) {
      unit = CURRENCY_UNITS.get(cur[1]?.toLowerCase() ?? '') ?? 'dollars';
      start -= cur[0].length;
      head = head.slice(0, head.length - cur[0].length);
    }
    let guard = 0;
    let exact = false;
    while (guard++ < 3) {
      let matched = false;
      for (const [re, b, approx] of BOUND_PHRASES) {
        const m = re.exec(head);
        if (m && this.wordStart(head, m.index)) {
          if (bound === '=') bound = b;
          if (approx) approximate = true;
          start -= m[0].length;
          head = head.slice(0, m.index);
          matched = true;
          break;
        }
      }
      if (!matched) {
        const m = APPROX_BEFORE.exec(head);
        if (m && this.wordStart(head, m.index)) {
          approximate = true;
          start -= m[0].length;
          head = head.slice(0, m.index);
          matched = true;
        } else {
          const e = EXACT_BEFORE.exec(head);
          if (e && this.wordStart(head, e.index) && /^(?:exactly|precisely)/i.test(e[0])) {
            exact = true;
            start -= e[0].length;
            head = head.slice(0, e.index);
            matched = true;
          }
        }
      }
      if (!matched) break;
    }
    // Currency after a bound ("more than $5 million") was taken first; a sign before the bound is rare.
    const modified = bound !== '=' || approximate || exact;

    // After: percent, currency words.
    let tail = text.slice(end, end + 40);
    const pct = PERCENT_AFTER.exec(tail);
    if (pct && unit === null) {
      unit = /point/i.test(pct[0]) ? 'percentage points' : 'percent';
      end += pct[0].length;
      tail = text.slice(end, end + 40);
    }
    const curWord = unit === null ? CURRENCY_AFTER.exec(tail) : null;
    if (curWord) {
      unit = this.currencyName(curWord[1] ?? '');
      end += curWord[0].length;
      tail = text.slice(end, end + 40);
    }
    const degrees = unit === null ? DEGREES_AFTER.exec(tail) : null;
    if (degrees) {
      unit = degrees[1] ? `°${degrees[1].toUpperCase()}` : 'degrees';
      end += degrees[0].length;
      tail = text.slice(end, end + 40);
    }
    nextToken = this.tokenAfter(end, nextToken);

    // Ranges: "5 to 20", "5-20", "between 150 and 160", "two or three".
    const between = /between\s*$/i.test(text.slice(Math.max(0, start - 9), start));
    // Every dash a range is written with: hyphen, en, em, figure dash, horizontal bar, minus, full-width and small hyphen-minus.
    const rangeRe = between ? /^\s*(?:and|[-–—‒―−－﹣])\s*/i : /^(?:\s*[-–—‒―−－﹣]\s*|\s+(?:to|or)\s+)/i;
    const rm = rangeRe.exec(tail);
    if (rm) {
      const j = this.tokenAfter(end + rm[0].length, nextToken);
      const t = this.toks[j];
      const fromChange = /\bfrom\s*$/i.test(text.slice(Math.max(0, start - 6), start)) && CHANGE_VERBS.test(text.slice(Math.max(0, start - 60), start));
      const adjacent = t !== undefined && t.start === end + rm[0].length && !fromChange;
      const core2 = adjacent ? this.readCore(j, true) : null;
      const currency2 = adjacent && t !== undefined && /^(?:\$|€|£)$/.test(t.text);
      const c2 = core2 ?? (currency2 ? this.readCore(j + 1, true) : null);
      if (c2 && !this.mask.hits(c2.start, c2.end) && !this.excluded(c2) && !c2.weak && c2.words === core.words) {
        let lo = value;
        const hi = c2.value;
        if (c2.scaled && !core.scaled && hi / lo >= 100) {
          const scale = this.scaleOf(c2);
          lo *= scale;
        }
        const isOr = /\bor\b/i.test(rm[0]);
        if (hi > lo && (!isOr || hi - lo <= Math.max(5, lo))) {
          value = lo;
          high = hi;
          end = c2.end;
          nextToken = c2.last + 1;
          let t2 = text.slice(end, end + 40);
          const pct2 = PERCENT_AFTER.exec(t2);
          if (pct2) {
            if (unit === null) unit = /point/i.test(pct2[0]) ? 'percentage points' : 'percent';
            end += pct2[0].length;
            t2 = text.slice(end, end + 40);
          }
          const cw2 = unit === null ? CURRENCY_AFTER.exec(t2) : null;
          if (cw2) {
            unit = this.currencyName(cw2[1] ?? '');
            end += cw2[0].length;
          }
          if (c2.unit !== null && unit === null) unit = c2.unit;
          nextToken = this.tokenAfter(end, nextToken);
          tail = text.slice(end, end + 40);
        }
      }
    }
    if (between && high === null) return null; // "between 5 and the end": not a figure we can read
    // "95-406", "104-208": a glued hyphen between bare numbers with nothing counted is a document number.
    if (high !== null && rm && rm[0] === '-' && unit === null && !modified && this.countedNoun(nextToken, value, false) === null) return null;

    // Whole: "140 of 196", "three of the five", "7 in 10", "9 out of 10".
    if (high === null && unit !== 'percent' && unit !== 'percentage points' && !core.unit && value >= 0) {
      // "of Calder's 40": a possessive name before the whole keeps it the whole.
      const wm = /^\s+(?:out\s+of(?:\s+every)?|of(?:\s+(?:the|all|its|their|these|those|every|\p{Lu}[\p{L}-]*['’]s))?|in(?:\s+every)?)\s+/iu.exec(tail);
      if (wm) {
        const j = this.tokenAfter(end + wm[0].length, nextToken);
        const t = this.toks[j];
        if (t && t.start === end + wm[0].length) {
          const c2 = this.readCore(j);
          const isIn = /^\s+in\s+/i.test(wm[0]);
          if (c2 && !c2.weak && !this.mask.hits(c2.start, c2.end) && !this.excluded(c2) && c2.value >= value && c2.value > 0 && (!isIn || c2.value <= 1000)) {
            const after2 = text.slice(c2.end, c2.end + 12);
            if (!PERCENT_AFTER.test(after2)) {
              whole = c2.value;
              end = c2.end;
              nextToken = c2.last + 1;
              tail = text.slice(end, end + 40);
            }
          }
        }
      }
    }

    // "two thirds of the members", "45% of respondents": the noun after "of" is what is counted.
    const of = this.ofNoun(nextToken);
    if (of !== null && unit === null && value < 1 && high === null) unit = of.word;
    // Weak numbers (lone "one", "half", bare fractions) count only with context.
    if (core.weak && whole === null && !modified && unit === null && high === null) {
      if (!(core.value < 1 && /^\s+of\s/i.test(tail))) return null;
    }
    if (core.words && (core.value === 1 || core.value === 0) && !core.scaled && whole === null && !modified && unit === null && high === null) return null;
    // "the second half of", "the first quarter": a part, not a quantity.
    if (core.weak && core.value < 1 && /(?:^|[^\p{L}])(?:the|first|second|third|fourth|last|latter|former|other|this|that|each|every)\s+$/iu.test(text.slice(Math.max(0, core.start - 10), core.start)) && !modified) return null;

    // Bound words after: "or more", "+", "or so".
    for (const [re, b, approx] of BOUND_AFTER) {
      const m = re.exec(tail);
      if (m) {
        if (b !== null && bound === '=') bound = b;
        if (approx) approximate = true;
        end += m[0].length;
        tail = text.slice(end, end + 40);
        nextToken = this.tokenAfter(end, nextToken);
        break;
      }
    }

    // The counted noun: "-year", or the first plural in the next few words.
    if (unit === null || unit === 'dollars' || unit === 'euros' || unit === 'pounds') {
      const noun = this.countedNoun(nextToken, core.words ? value : value, unit !== null);
      if (noun !== null) {
        if (unit === null) unit = noun.word;
        end = Math.max(end, noun.end);
        nextToken = noun.next;
      }
    }
    const orSo = /^\s*or\s+so(?![\p{L}])/iu.exec(text.slice(end, end + 12));
    if (orSo) {
      approximate = true;
      end += orSo[0].length;
      nextToken = this.tokenAfter(end, nextToken);
    }
    // A bare integer after a proper name is a model or product number ("iPhone 15", "Boeing 737").
    if (unit === null && !modified && whole === null && high === null && Number.isInteger(value) && !core.words) {
      const p = this.toks[core.first - 1];
      const pp = this.toks[core.first - 2];
      if (p && p.kind === 'word' && /\p{Lu}/u.test(p.text) && !MONTH_NAMES.has(p.lower) && ((pp && pp.kind === 'word') || !STOPWORDS.has(p.lower))) return null;
    }
    const predicate = this.predicate(start, end, of?.next ?? nextToken, floor);
    const figure: Figure = {
      text: text.slice(start, end),
      start,
      end,
      value,
      approximate,
      bound,
      unit,
      whole,
      predicate,
    };
    if (high !== null) figure.high = high;
    return { figure, nextToken };
  }
}


/**
 * Texts whose figures are remembered. An audit reads the same passages' and sentences' figures
 * many times over (retrieval's rerank, stance features, the verifier, claim profiles); see
 * docs/bench-audit.md. Texts over FIGURE_MEMO_MAX_TEXT characters are read every time.
 */
export const FIGURE_MEMO_CAPACITY = 2000;
export const FIGURE_MEMO_MAX_TEXT = 20_000;

const figureMemo = createTextMemo((text: string) => new FigureReader(text).run(), {
  capacity: FIGURE_MEMO_CAPACITY,
  maxTextLength: FIGURE_MEMO_MAX_TEXT,
  // Figures are flat objects; callers shift offsets and filter, so each call gets its own.
  copy: (figures) => figures.map((f) => ({ ...f })),
});

/**
 * The figures in `text` (see the contract at the top of this file). Pass `dates` when
 * `extractDates(text)` (without a reference) was already run, to skip running it again.
 * The result is the caller's own (a fresh array of fresh objects), even when remembered.
 */
export function extractFigures(text: string, options: { dates?: readonly DateMention[] } = {}): Figure[] {
  // With `dates` the caller has done part of the work already: read directly, keep nothing.
  if (options.dates) return new FigureReader(text, options.dates).run();
  return figureMemo.get(text);
}
