// The inputs of the fuzz runs (fuzz.test.ts, fuzz-toolkit.test.ts): the run count (10,000 per
// target in the suite; VERITY_FUZZ_RUNS for another, VERITY_FUZZ_SEED to replay a run), text that
// looks like what the loaders and the toolkit read, and the checks every target shares.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isVerityError } from '../../src/errors.js';
import type { Span } from '../../src/model.js';

export const RUNS = Number(process.env.VERITY_FUZZ_RUNS ?? 10_000);
export const options = { numRuns: RUNS, ...(process.env.VERITY_FUZZ_SEED ? { seed: Number(process.env.VERITY_FUZZ_SEED) } : {}) };

/** Runs `f`; anything thrown but a VerityError fails the property. */
export function onlyVerityErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isVerityError(e)) throw e;
  }
}

// Text that looks like what the loaders and the toolkit read: words, figures, dates, markup, cues,
// line breaks and odd code points, mixed with arbitrary strings.
export const PIECES = ['The', 'council', 'rose', 'by', '12', '%', '3.5 million', '1,200', 'in', 'March 2021', '2019–2020', 'not', 'never', 'did not', 'U.S.', 'Dr.', '.', '!', '?', ',', ';', ':', '"', '“', '”', '(', ')', '[1]', '\n', '\n\n', '#', '- ', '* ', '> ', '---', '|', '<p>', '</p>', '<div>', '<br>', '&amp;', '&#x27;', '<script>', '{', '}', '"text":', '€', '$', '½', 'twenty-one', 'per cent', '\t', '\r', '\u0000', '😀', '\u202e', '\ufeff'];
export const prose = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(' '));
export const anyText = fc.oneof(prose, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

export function mapsBack(text: string, spans: readonly Span[]): void {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start <= s.end, JSON.stringify(s));
    assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(s));
  }
}
