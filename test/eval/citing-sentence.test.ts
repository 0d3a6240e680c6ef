import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CITING_FEATURES, citingFeatures } from '../../src/eval/citing-sentence.js';
import { readCitationClaims } from '../../src/eval/upstream-formats.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('citing features read the markers: several works, other works, count, position', () => {
  assert.equal(CITING_FEATURES.length, 4);
  const one = 'Aspirin lowers fever [<|cit|>].';
  assert.deepEqual(citingFeatures(one), [0, 0, Math.log1p(1), one.indexOf('<|cit|>') / one.length]);
  const several = 'Several studies link X to Y [<|multi_cit|>], unlike Z (<|other_cit|>).';
  const f = citingFeatures(several);
  assert.equal(f[0], 1);
  assert.equal(f[1], 1);
  assert.equal(f[2], Math.log1p(2));
  assert.ok(f[3]! > 0.3 && f[3]! < 0.5, `marker at ${f[3]}`);
  // Only other works cited: the judged citation has no marker, its position counts as the end.
  assert.deepEqual(citingFeatures('Z was shown before (<|other_cit|>).').slice(0, 2), [0, 1]);
  assert.equal(citingFeatures('Z was shown before (<|other_cit|>).')[3], 1);
  assert.deepEqual(citingFeatures('No markers at all.'), [0, 0, 0, 1]);
});

test('the claim reader keeps the published claim (markers included) beside the stripped one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-cit-'));
  const path = join(dir, 'claims.jsonl');
  writeFileSync(path, `${JSON.stringify({ id: 1, claim: 'Several studies link X to Y [<|multi_cit|>].', evidence: {}, cited_doc_ids: [7] })}\n`);
  const [c] = readCitationClaims(path);
  assert.equal(c!.claim, 'Several studies link X to Y.');
  assert.equal(c!.raw, 'Several studies link X to Y [<|multi_cit|>].');
  assert.deepEqual(citingFeatures(c!.raw).slice(0, 2), [1, 0]);
});
