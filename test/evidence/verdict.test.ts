import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Judgement, Passage, Source, Stance } from '../../src/model.js';
import { decideVerdict } from '../../src/evidence/index.js';

const source: Source = { id: 's1', uri: 'file:///a', title: 'A', publisher: null, author: null, publishedAt: null, kind: 'academic', language: 'en', license: null, retrievedAt: '2026-01-01T00:00:00Z', textLength: 100 };
let n = 0;
function j(stance: Stance, strength: number, text = `Passage number ${++n} with its own distinct wording about topic ${n}.`): Judgement {
  const passage: Passage = { id: `p${++n}`, sourceId: 's1', ordinal: n, text, start: 0, end: text.length };
  return { claim: 'c', passage, source, stance, strength, relevance: 1, reasons: [] };
}

test('strong support alone gives supported; strong refutation alone gives refuted', () => {
  const s = decideVerdict('c', [j('supports', 0.95), j('neutral', 0.8)]);
  assert.equal(s.label, 'supported');
  const r = decideVerdict('c', [j('refutes', 0.95), j('neutral', 0.8)]);
  assert.equal(r.label, 'refuted');
  for (const v of [s, r]) assert.ok(v.confidence > 0 && v.confidence <= 1);
});

test('no evidence, or only neutral evidence, is unproven', () => {
  assert.equal(decideVerdict('c', []).label, 'unproven');
  assert.equal(decideVerdict('c', [j('neutral', 0.9), j('neutral', 0.9)]).label, 'unproven');
});

test('strong evidence both ways is mixed unless mixed is not allowed', () => {
  const both = [j('supports', 0.95), j('refutes', 0.95)];
  assert.equal(decideVerdict('c', both).label, 'mixed');
  const forced = decideVerdict('c', both, { labels: ['supported', 'refuted', 'unproven'] });
  assert.notEqual(forced.label, 'mixed');
});

test('copies of one passage count once', () => {
  const text = 'The national survey found that most adults in the region support the new policy on water.';
  const v = decideVerdict('c', [j('supports', 0.9, text), j('supports', 0.9, text), j('supports', 0.9, `Reuters: ${text}`)]);
  assert.equal(v.independent, 1);
  assert.ok(v.reasons.some((r) => r.kind === 'independence'));
});
