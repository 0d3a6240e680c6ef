import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict, judge, judgePair } from '../../src/evidence/index.js';
import { MAX_CLAIM_CHARS } from '../../src/evidence/stance/bad-input.js';
import { textEvidence } from '../../src/eval/synthetic-evidence.js';

const finite = (p: Record<string, number>): boolean => Object.values(p).every((v) => Number.isFinite(v) && v >= 0 && v <= 1);
const PASSAGE = 'The city council approved the new water treatment plant in March after a long public debate.';

test('a claim with no content words is neutral with a reason, not a guess', () => {
  for (const claim of ['', '   ', '?!', 'the of and it was', '12 345 6.7 2024']) {
    const r = judgePair(claim, PASSAGE);
    assert.equal(r.stance, 'neutral', JSON.stringify(claim));
    assert.ok(finite(r.probabilities));
    assert.ok(r.reasons.some((x) => x.kind === 'unreadable-input' && /claim/.test(x.detail)), JSON.stringify(r.reasons));
  }
});

test('a passage with no content words, or only numbers, is neutral with a reason', () => {
  for (const passage of ['', '42', '1 2 3 4 5 6 7 8 9 10', '— … ; ;']) {
    const r = judgePair('The council approved the water plant.', passage);
    assert.equal(r.stance, 'neutral', JSON.stringify(passage));
    assert.ok(finite(r.probabilities));
    assert.ok(r.reasons.some((x) => x.kind === 'unreadable-input' && /passage/.test(x.detail)));
  }
});

test('a claim of 10,000 characters is neutral with a reason; a 10,000-character passage is judged without NaN', () => {
  const long = 'The council approved the water plant after a debate. '.repeat(200).slice(0, 10_000);
  assert.ok(long.length === 10_000 && long.length > MAX_CLAIM_CHARS);
  const r = judgePair(long, PASSAGE);
  assert.equal(r.stance, 'neutral');
  assert.ok(r.reasons.some((x) => x.kind === 'unreadable-input' && /10000 characters/.test(x.detail)));
  for (const passage of [long, '7'.repeat(10_000), 'x'.repeat(10_000), `${'9 '.repeat(4_999)}.`]) {
    const p = judgePair('The council approved the water plant.', passage);
    assert.ok(finite(p.probabilities), `probabilities of a ${passage.length}-character passage`);
    assert.ok(Number.isFinite(p.strength) && Number.isFinite(p.coverage));
  }
});

test('a verdict over unreadable pairs is a number, never NaN', () => {
  const js = ['', '12 13 14', 'x'.repeat(10_000)].map((t, i) => judge('12 345', textEvidence(`e${i}`, t)));
  for (const j of js) assert.equal(j.stance, 'neutral');
  const v = decideVerdict('12 345', js);
  assert.ok(Number.isFinite(v.confidence) && v.confidence >= 0 && v.confidence <= 1);
  assert.equal(v.label, 'unproven');
});
