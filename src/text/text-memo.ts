// A bounded memo of a pure function of a text: the last `capacity` distinct texts' results,
// least recently used evicted first. Pure and in-process (no I/O); each process has its own.
import { VerityError } from '../errors.js';

export interface TextMemoOptions<T> {
  /** Most texts remembered (≥ 1). */
  capacity: number;
  /** Texts longer than this are computed every time and not kept (bounds the memory the keys hold). */
  maxTextLength: number;
  /**
   * Makes the copy handed to a caller. Callers own what they get and may mutate it, so the
   * remembered value is never handed out itself: every call, hit or miss, returns a fresh copy.
   */
  copy: (value: T) => T;
}

export interface TextMemo<T> {
  /** `compute(text)`, from memory when `text` was seen among the last `capacity` texts. */
  get(text: string): T;
  /** How many texts are remembered now. */
  readonly size: number;
  clear(): void;
}

/** A memo of `compute`, which must be pure: the same text always gives an equal result. */
export function createTextMemo<T>(compute: (text: string) => T, options: TextMemoOptions<T>): TextMemo<T> {
  const { capacity, maxTextLength, copy } = options;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new VerityError({ code: 'INTERNAL', component: 'text', problem: `text memo capacity ${String(capacity)} is not a whole number of at least 1`, fix: 'pass a capacity of 1 or more' });
  }
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const kept = new Map<string, T>();
  return {
    get(text: string): T {
      if (text.length > maxTextLength) return compute(text);
      let value = kept.get(text);
      if (value === undefined) {
        value = compute(text);
        if (kept.size >= capacity) {
          const oldest = kept.keys().next();
          if (!oldest.done) kept.delete(oldest.value);
        }
      } else {
        kept.delete(text);
      }
      kept.set(text, value);
      return copy(value);
    },
    get size(): number {
      return kept.size;
    },
    clear(): void {
      kept.clear();
    },
  };
}
