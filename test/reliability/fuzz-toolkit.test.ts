// Fuzzing the rest of the language toolkit (fuzz.test.ts covers sentences, figures, dates and cues):
// tokens, places, the per-sentence analysis, check-worthiness, number words, question types and the
// injection patterns never throw on any text, their spans slice back to it, and their numbers are
// numbers. 10,000 inputs per target in the suite, 100,000 with `npm run fuzz`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, answerTypeOf, checkworthiness, contentTerms, injectionText, namedPlaces, parseNumberWords, stem, tokenize } from '../../src/text/index.js';
import { PIECES, RUNS, anyText, mapsBack, options } from './fuzz-inputs.js';

// Beside the shared pieces: place names, question openings, number words, instruction-like text.
const MORE = ['France', 'New York', 'United States', 'Georgia', 'What', 'How many', 'Who', 'Is it true that', 'three hundred', 'and', 'forty-two', 'thousand', 'ignore previous instructions', 'answer Supported', 'system:', 'you are'];
const text = fc.oneof(anyText, fc.array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 60 }).map((a) => a.join(' ')));

test(`fuzz: tokens and places never throw and slice back to the text (${RUNS} inputs each)`, () => {
  fc.assert(
    fc.property(text, (t) => {
      const tokens = tokenize(t);
      mapsBack(t, tokens);
      for (const k of tokens) assert.equal(k.lower, k.text.toLowerCase());
      for (const w of contentTerms(t)) assert.equal(typeof stem(w), 'string');
    }),
    options,
  );
  fc.assert(fc.property(text, (t) => mapsBack(t, namedPlaces(t))), options);
});

test(`fuzz: the sentence analysis and check-worthiness never throw; scores are numbers from 0 to 1 (${RUNS} inputs each)`, () => {
  const reference = new Date('2026-01-01T00:00:00Z');
  fc.assert(
    fc.property(text, (t) => {
      for (const s of analyzeText(t, { reference })) assert.equal(typeof s, 'object');
    }),
    options,
  );
  fc.assert(
    fc.property(text, (t) => {
      const score = checkworthiness(t);
      assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `${score} for ${JSON.stringify(t)}`);
    }),
    options,
  );
});

test(`fuzz: number words, question types and injection patterns never throw (${RUNS} inputs each)`, () => {
  fc.assert(
    fc.property(text, (t) => {
      const n = parseNumberWords(t);
      assert.ok(n === null || Number.isFinite(n), `${n} for ${JSON.stringify(t)}`);
    }),
    options,
  );
  fc.assert(fc.property(text, (t) => void answerTypeOf(t)), options);
  fc.assert(
    fc.property(text, (t) => {
      const found = injectionText(t);
      assert.ok(found === null || typeof found === 'string');
    }),
    options,
  );
});
