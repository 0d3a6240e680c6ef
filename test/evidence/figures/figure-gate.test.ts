// figureSignals compares a claim figure with an evidence figure only when the pair can be a match,
// a rival or a mismatch (mayBear, figure-signals.ts): the comparison reads every word's synonyms
// and is the costly part of a page's figures. These tests hold the gate to what compareMeanings
// answers, pair by pair over the dev figure pairs, so a change to the comparison that the gate
// would hide fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureSignals, mayBear } from '../../../src/evidence/figures/figure-signals.js';
import { compareMeanings, relationSupports } from '../../../src/evidence/figures/figure-meaning.js';
import { sameCounted, sameNumber } from '../../../src/evidence/figures/figure-relation.js';
import { readFigureMeanings } from '../../../src/text/figures/figure-meaning.js';
import { readFigurePairs } from '../../../src/eval/suites/figure-pairs-file.js';

const pairs = readFigurePairs('bench/data/figure-pairs.jsonl').filter((p) => p.split === 'dev');

test('the gate lets through every pair compareMeanings answers as a match, a rival or the same number', () => {
  let compared = 0;
  let gated = 0;
  pairs.forEach((p, i) => {
    // Each claim against its own source and the next pair's (another figure, often of another kind).
    for (const source of [p.source.sentence, pairs[(i + 1) % pairs.length]!.source.sentence]) {
      for (const c of readFigureMeanings(p.claim.sentence).figures) {
        for (const s of readFigureMeanings(source).figures) {
          const relation = compareMeanings(c, s).relation;
          compared++;
          if (!mayBear(c, s, 'all')) gated++;
          if (relationSupports(relation)) assert.ok(mayBear(c, s, 'match'), `a ${relation} pair is gated out: ${p.id} "${c.figure.text}" / "${s.figure.text}"`);
          const rivalKind = sameCounted(c, s) === true || (c.kind === s.kind && c.kind !== 'count');
          if (relation === 'conflicting-value' && rivalKind) assert.ok(mayBear(c, s, 'all'), `a rival pair is gated out: ${p.id} "${c.figure.text}" / "${s.figure.text}"`);
          if (sameNumber(c, s) && c.figure.value === s.figure.value) assert.ok(mayBear(c, s, 'all'), `a same-number pair is gated out: ${p.id}`);
        }
      }
    }
  });
  // The gate does work: many pairs of the dev set are never compared.
  assert.ok(gated > compared / 10, `${gated} of ${compared} pairs gated`);
});

test('asked for matches only, figureSignals finds the matches it finds when asked for everything', () => {
  const page = pairs.filter((p) => p.domain === 'health').map((p) => p.source.sentence);
  for (const p of pairs.filter((q) => q.domain === 'health')) {
    const all = figureSignals(p.claim.sentence, page).map((s) => s.match);
    const matches = figureSignals(p.claim.sentence, page, undefined, '', 'match');
    assert.deepEqual(matches.map((s) => s.match), all, p.id);
    assert.ok(matches.every((s) => s.conflict === null && s.mismatch === null));
  }
});
