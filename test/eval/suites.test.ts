import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEval, SUITES } from '../../src/eval/index.js';
import type { EvalResult } from '../../src/eval/index.js';
import { isVerityError } from '../../src/errors.js';

const F = 'test/fixtures/eval';
const KEYS = ['suite', 'n', 'accuracy', 'macroF1', 'perClass', 'confusion', 'auc', 'recallAt5', 'claimsPerSecond'];

function wellFormed(r: EvalResult, labels: string[]): void {
  for (const k of KEYS) assert.ok(k in r, `missing key ${k}`);
  assert.deepEqual(Object.keys(r.perClass), labels);
  const total = Object.values(r.confusion).reduce((a, row) => a + Object.values(row).reduce((x, y) => x + y, 0), 0);
  assert.equal(total, r.n);
  assert.ok(r.accuracy >= 0 && r.accuracy <= 1 && r.macroF1 >= 0 && r.macroF1 <= 1);
  assert.ok(r.claimsPerSecond > 0);
}

test('climate-fever: claim verdicts, evidence-level stance and a reliability table', async () => {
  const r = await runEval('climate-fever', { data: `${F}/climate.jsonl` });
  wellFormed(r, ['SUPPORTS', 'REFUTES', 'NOT_ENOUGH_INFO', 'DISPUTED']);
  assert.equal(r.n, 3);
  assert.equal((r.extra.evidenceStance as { n: number }).n, 4);
  assert.ok(Array.isArray(r.extra.reliability));
  assert.equal(r.auc, null);
});

test('check-covid: ingests the corpus, retrieves, finds the gold abstract in the top 5', async () => {
  const r = await runEval('check-covid', { data: `${F}/check-covid`, corpus: `${F}/check-covid/abstracts.json` });
  wellFormed(r, ['SUPPORT', 'REFUTE', 'NOTENOUGHINFO']);
  assert.equal(r.n, 3);
  assert.equal(r.recallAt5, 1);
  // Stance toward the gold evidence sentences: the NEI claim without any is left out.
  const g = r.extra.goldEvidence as { n: number; accuracy: number; macroF1: number };
  assert.equal(g.n, 2);
  assert.ok(g.macroF1 >= 0 && g.macroF1 <= 1 && g.accuracy >= 0 && g.accuracy <= 1);
});

test('wice reports an AUC; citation-integrity reads its corpus; --limit cuts', async () => {
  const w = await runEval('wice', { data: `${F}/wice.jsonl` });
  wellFormed(w, ['supported', 'partially_supported', 'not_supported']);
  // The supported claim is held whole by the article; the partial one lacks "lives in Paris".
  assert.equal(w.auc, 1);
  // Halves: claims 0 and 2 (supported, not_supported) rank right; claim 1 alone has no AUC.
  const halves = w.extra.aucByHalf as number[];
  assert.equal(halves[0], 1);
  assert.ok(Number.isNaN(halves[1]));
  const c = await runEval('citation-integrity', { data: `${F}/citation/claims.jsonl`, corpus: `${F}/citation/corpus.jsonl`, limit: 2 });
  wellFormed(c, ['SUPPORT', 'REFUTE', 'NEI']);
  assert.equal(c.n, 2);
});

test('pair suites', async () => {
  wellFormed(await runEval('healthver', { data: `${F}/healthver.csv` }), ['Supports', 'Refutes', 'Neutral']);
  wellFormed(await runEval('fever-symmetric', { data: `${F}/fever-v1.jsonl` }), ['SUPPORTS', 'REFUTES']);
  wellFormed(await runEval('covid-fact', { data: `${F}/rte` }), ['entailment', 'not_entailment']);
  const s = await runEval('scifact', { data: `${F}/rte/labelled.tsv` });
  assert.equal(s.n, 2);
  assert.equal(s.majorityBaseline.accuracy, 0.5);
});

test('unknown suite, missing corpus and bad limit are usage errors', async () => {
  await assert.rejects(runEval('fever', { data: F }), (e: unknown) => isVerityError(e) && e.code === 'USAGE' && SUITES.every((s) => e.message.includes(s)));
  await assert.rejects(runEval('check-covid', { data: `${F}/check-covid` }), (e: unknown) => isVerityError(e) && e.code === 'USAGE' && e.message.includes('--corpus'));
  await assert.rejects(runEval('wice', { data: `${F}/wice.jsonl`, limit: 0 }), (e: unknown) => isVerityError(e) && e.code === 'USAGE');
});

test('wice on oracle chunks takes the best chunk of each claim', async () => {
  const r = await runEval('wice', { data: `${F}/wice-oracle` });
  assert.equal(r.n, 2);
  assert.equal(r.extra.oracleChunks, true);
  assert.equal(r.extra.chunks, 3);
  assert.equal(r.auc, 1);
});

test('scifact also runs SciFact-schema claims with their abstracts', async () => {
  const r = await runEval('scifact', { data: `${F}/citation/claims.jsonl`, corpus: `${F}/citation/corpus.jsonl` });
  assert.equal(r.suite, 'scifact');
  assert.deepEqual(Object.keys(r.perClass), ['SUPPORT', 'REFUTE', 'NEI']);
  assert.equal(r.n, 3);
});
