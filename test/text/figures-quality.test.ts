// Figure-extraction precision and recall on the hand-labelled fixtures. The floors are what
// the extractor reaches today; a change that lowers them fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadFixture, scoreFigures } from './figure-scoring.js';

const MAIN = loadFixture();
const HOLDOUT = loadFixture(fileURLToPath(new URL('../fixtures/text/figures-holdout.jsonl', import.meta.url)));
const FRESH = loadFixture(fileURLToPath(new URL('../fixtures/text/figures-fresh.jsonl', import.meta.url)));

test('the labelled set has at least 150 sentences covering every case', () => {
  assert.ok(MAIN.length >= 150, `only ${MAIN.length} sentences`);
  const cases = new Set(MAIN.map((s) => s.case));
  for (const c of ['whole', 'count', 'bound', 'approx', 'percent', 'money', 'scale', 'range', 'words', 'mixed', 'none']) assert.ok(cases.has(c), `no ${c} case`);
});

// "holdout" and "fresh" were each scored once before any change was made for them (see
// docs/bench-text.md for those first-run figures); the fixes since are general rules.
for (const [name, set] of [['main', MAIN], ['holdout', HOLDOUT], ['fresh', FRESH]] as const) {
  test(`figure precision and recall on the ${name} set`, (t) => {
    const r = scoreFigures(set);
    t.diagnostic(`${name}: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (${r.truePositives} of ${r.labelled} labelled, ${r.predicted} predicted)`);
    for (const [k, v] of Object.entries(r.attributes)) t.diagnostic(`${k}: ${v.correct}/${v.total}`);
    for (const e of r.errors) t.diagnostic(e);
    assert.ok(r.precision >= 0.95, `precision ${r.precision}`);
    assert.ok(r.recall >= 0.95, `recall ${r.recall}`);
    for (const [k, v] of Object.entries(r.attributes)) assert.ok(v.total === 0 || v.correct / v.total >= 0.9, `${k} accuracy ${v.correct}/${v.total}`);
  });
}
