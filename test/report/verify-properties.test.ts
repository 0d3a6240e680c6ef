// Properties of the verifier over every sentence of the fixture corpus: a sentence copied from
// its passage (with attribution) passes; the same sentence with one figure changed fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { verifySentence } from '../../src/report/verify.js';
import { extractFigures, splitSentences } from '../../src/text/index.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';

const SENTENCES = SMALL_CORPUS.flatMap((d) => splitSentences(d.text).map((s) => ({ sentence: s.text, passage: d.text, publisher: d.publisher })));

test('a sentence copied from its passage, with attribution, always passes', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SENTENCES), fc.constantFrom('reports that', 'states that', 'notes that'), (s, verb) => {
      const text = `${s.publisher} ${verb} ${s.sentence.replace(/\.$/, '')} [1].`;
      const r = verifySentence(text, [{ text: s.passage }], { attribution: [s.publisher] });
      assert.equal(r.verified, true, `${text}: ${r.why}`);
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('changing one stated figure makes the sentence fail', () => {
  const withFigures = SENTENCES.filter((s) => extractFigures(s.sentence).some((f) => f.unit !== null || f.predicate !== null));
  assert.ok(withFigures.length >= 3);
  fc.assert(
    fc.property(fc.constantFrom(...withFigures), fc.integer({ min: 2, max: 9 }), (s, delta) => {
      const f = extractFigures(s.sentence).find((x) => x.unit !== null || x.predicate !== null);
      if (!f) return;
      const digits = /\d+/.exec(f.text);
      if (!digits) return;
      const changed = String(Number(digits[0]) + delta * 7 + 3);
      const start = f.start + (digits.index ?? 0);
      const text = `${s.sentence.slice(0, start)}${changed}${s.sentence.slice(start + digits[0].length)}`;
      const r = verifySentence(`${text} [1]`, [{ text: s.passage }]);
      assert.equal(r.verified, false, `${text} passed: ${r.why}`);
    }),
    { numRuns: 60, seed: 11 },
  );
});
