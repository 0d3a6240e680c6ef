// Reading figures, stage 2 (figures.ts has the contract): the words a figure counts and says.
import { type QuantityToken } from './quantity-lexer.js';
import { UNITS, isNumberWord } from './number-words.js';
import { STOPWORDS } from '../tokens.js';
import { isVerbS } from './figures-verbs.js';
import { hasSense } from '../words/lexicon.js';
import { FigureTokens, isPluralNoun, type Core } from './figure-core.js';
import { CURRENCY_UNITS, DETERMINERS, GLUED_SCALES, LEADING_SKIP, MEASURES, NOT_PREDICATE_START, PREDICATE_STOP, SCALE_WORDS, SINGULAR_UNITS, TRAILING_DROP } from './figure-lexicon.js';

/**
 * Stage 2: the words around a figure — the noun it counts ("1,200 clinics"), the noun after "of"
 * ("140 of the 196 countries"), what the clause says of it, its currency and scale.
 */
export class FigureWords extends FigureTokens {
  protected scaleOf(c: Core): number {
    const t = this.toks[c.last];
    if (!t) return 1;
    return SCALE_WORDS.get(t.lower) ?? GLUED_SCALES.get(t.lower) ?? 1;
  }

  protected currencyName(w: string): string {
    const l = w.toLowerCase().replace(/\s+sterling$/, '');
    const mapped = CURRENCY_UNITS.get(l);
    if (mapped) return mapped;
    if (l === 'pound') return 'pounds';
    if (l === 'renminbi') return 'yuan';
    if (/^(?:dollar|euro|rupee|franc|peso|ruble|rouble)$/.test(l)) return `${l}s`;
    return l;
  }

  protected wordStart(head: string, index: number): boolean {
    if (index === 0) return true;
    return !/[\p{L}\p{N}]/u.test(head[index - 1] ?? '');
  }

  /** First token index starting at or after `pos`. */
  protected tokenAfter(pos: number, _hint: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.toks[mid]?.start ?? Infinity) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  protected countedNoun(j: number, value: number, hasUnit: boolean): { word: string; end: number; next: number } | null {
    const t = this.toks[j];
    if (t === undefined) return null;
    // "5-year sentence": a hyphen glued to a word.
    if (t.glued && (t.text === '-' || t.text === '–')) {
      const w = this.toks[j + 1];
      if (w && w.glued && w.kind === 'word') return { word: /^per-?cent$/.test(w.lower) ? 'percent' : w.lower.replace(/-.*$/, ''), end: w.end, next: j + 2 };
      return null;
    }
    if (t.glued && t.kind === 'word' && MEASURES.has(t.lower)) return { word: t.lower, end: t.end, next: j + 1 };
    // Up to three words, stopping at punctuation, numbers and stop words.
    for (let k = 0; k < 3; k++) {
      const w = this.toks[j + k];
      if (w === undefined || w.kind !== 'word') return null;
      if (STOPWORDS.has(w.lower) && w.lower !== 'other') return null;
      if (isNumberWord(w.lower) || w.lower === 'percent') return null;
      // A verb ends the noun phrase: "the Protocol of 2000 requires States …" counts no States.
      if (isVerbS(w.lower)) return null;
      if (isPluralNoun(w.lower) || SINGULAR_UNITS.has(w.lower) || (k === 0 && value === 1 && !hasUnit && !/(?:ed|ly|ing)$/.test(w.lower))) {
        if (hasUnit && !isPluralNoun(w.lower)) return null;
        return { word: w.lower, end: w.end, next: j + k + 1 };
      }
      // "3 killed" opens a predicate; "two unvaccinated children" describes what is counted.
      if (/(?:ed|ize|ise)$/.test(w.lower) && k === 0 && !/(?:based|related|listed)$/.test(w.lower) && !describes(w.lower)) return null;
    }
    return null;
  }

  /** The clause after the figure, else the clause before it. */
  /** "of [the|all] … <noun>" right after token j-1: the noun and the token after it. */
  protected ofNoun(j: number): { word: string; next: number } | null {
    if (this.toks[j]?.lower !== 'of') return null;
    let k = 1;
    while (k < 3 && DETERMINERS.has(this.toks[j + k]?.lower ?? '')) k++;
    for (let n = 0; n < 3; n++, k++) {
      const w = this.toks[j + k];
      if (w === undefined || w.kind !== 'word' || (STOPWORDS.has(w.lower) && !DETERMINERS.has(w.lower))) return null;
      if (isPluralNoun(w.lower)) return { word: w.lower, next: j + k + 1 };
      // "the carbon dioxide released from": the noun is before the participle.
      if (n > 0 && /ed$/.test(w.lower)) return { word: this.toks[j + k - 1]?.lower ?? w.lower, next: j + k };
      const after = this.toks[j + k + 1];
      if (after === undefined || after.kind !== 'word' || STOPWORDS.has(after.lower)) return { word: w.lower, next: j + k + 1 };
    }
    return null;
  }

  protected predicate(start: number, end: number, next: number, floor: number): string | null {
    const words: QuantityToken[] = [];
    for (let j = next; j < this.toks.length && words.length < 12; j++) {
      const t = this.toks[j];
      if (t === undefined) break;
      if (t.kind === 'punct') {
        if ((t.text === '-' || t.text === '’' || t.text === "'") && t.glued) continue;
        break;
      }
      if (t.kind === 'num') break;
      if (PREDICATE_STOP.has(t.lower)) break;
      if (words.length > 0 && (t.lower === 'and' || t.lower === 'or')) {
        const n = this.toks[j + 1];
        if (n && (n.kind === 'num' || (n.kind === 'word' && UNITS.has(n.lower)))) break;
      }
      if (words.length === 0 && LEADING_SKIP.has(t.lower)) continue;
      words.push(t);
    }
    const first = words[0];
    if (first && !NOT_PREDICATE_START.has(first.lower) && words.some((w) => !STOPWORDS.has(w.lower))) {
      const last = words[words.length - 1] ?? first;
      return this.text.slice(first.start, last.end);
    }
    // Backward: from the clause start to the figure.
    const back: QuantityToken[] = [];
    let j = this.tokenAfter(start, 0) - 1;
    while (j >= 0 && back.length < 14) {
      const t = this.toks[j];
      if (t === undefined || t.end <= floor) break;
      if (t.kind === 'punct') {
        if ((t.text === '-' || t.text === '’' || t.text === "'") && t.glued) {
          j--;
          continue;
        }
        if (t.text === '.' && t.glued && this.toks[j - 1]?.kind === 'word' && (this.toks[j - 1]?.text.length ?? 0) <= 3) {
          j--;
          continue;
        }
        break;
      }
      if (t.kind === 'num') break;
      if (PREDICATE_STOP.has(t.lower) || t.lower === 'and' || t.lower === 'or') break;
      back.unshift(t);
      j--;
    }
    while (back.length > 0 && TRAILING_DROP.has(back[back.length - 1]?.lower ?? '')) back.pop();
    while (back.length > 0 && (back[0]?.lower === 'and' || back[0]?.lower === 'or' || back[0]?.lower === 'but')) back.shift();
    if (back.length === 0 || !back.some((w) => !STOPWORDS.has(w.lower))) return null;
    const a = back[0];
    const b = back[back.length - 1];
    return a && b ? this.text.slice(a.start, b.end) : null;
  }
}

/** A participle that only describes ("unvaccinated", "school-aged"): a negative prefix, or an adjective with no sense as a verb. */
function describes(word: string): boolean {
  return /^(?:un|non-?)\p{L}{3,}ed$/u.test(word) || (hasSense(word, 'adj') && !hasSense(word, 'verb'));
}
