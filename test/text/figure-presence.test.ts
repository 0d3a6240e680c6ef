// mayHoldFigure (text/figures/figure-presence.ts) lets the figure signals skip a sentence whose
// only digits are in identifiers ("COVID-19"). It must never skip one the reader finds a figure in:
// held here against readFigureMeanings over the dev figure pairs and sentences written to sit at
// its edges (number words, multiples, other scripts, ranges after an identifier).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHoldFigure } from '../../src/text/figures/figure-presence.js';
import { readFigureMeanings } from '../../src/text/figures/figure-meaning.js';
import { readFigurePairs } from '../../src/eval/suites/figure-pairs-file.js';

const EDGES = [
  'COVID-19 infected thirteen members of the crew.',
  'Cases of COVID-19 doubled over the winter.',
  'SARS-CoV-2 antibodies were found in a third of the samples.',
  'The G20 leaders met after COVID-19 was declared a pandemic; ٣٠ delegates attended.',
  'IL-6 levels in COVID-19 patients rose by 5%.',
  'COVID-19 wards held 12-20 beds each.',
  'Between COVID-19 waves, twenty-one clinics stayed open.',
  'COVID-19 cost the region $4m in lost trade.',
];

test('every sentence the reader finds a figure in may hold one', () => {
  const sentences = [...EDGES, ...readFigurePairs('bench/data/figure-pairs.jsonl').filter((p) => p.split === 'dev').flatMap((p) => [p.claim.sentence, p.source.sentence])];
  for (const s of sentences) if (readFigureMeanings(s).figures.length > 0) assert.ok(mayHoldFigure(s), s);
  for (const s of EDGES) assert.ok(readFigureMeanings(s).figures.length > 0, `the reader finds a figure in "${s}"`);
});

test('digits glued into identifiers are no figure: such a sentence is skipped', () => {
  for (const s of ['The COVID-19 pandemic has created a public health crisis.', 'SARS-CoV-2 binds ACE2 on G20 delegates\u2019 cells.', 'Patients with COVID-19 and H1N1 were compared.', 'Version v1.2 of the H1N1 model was used for COVID-19.']) {
    assert.equal(mayHoldFigure(s), false, s);
    assert.deepEqual(readFigureMeanings(s).figures, [], s);
  }
});
