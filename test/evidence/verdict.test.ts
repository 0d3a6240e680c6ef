import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Judgement, Passage, Source, Stance } from '../../src/model.js';
import { decideVerdict, suiteDecision } from '../../src/evidence/index.js';

const source: Source = { id: 's1', uri: 'file:///a', title: 'A', publisher: null, author: null, publishedAt: null, kind: 'academic', language: 'en', license: null, retrievedAt: '2026-01-01T00:00:00Z', textLength: 100 };
let n = 0;
function j(stance: Stance, strength: number, text = `Passage number ${++n} with its own distinct wording about topic ${n}.`, reasons: Judgement['reasons'] = []): Judgement {
  const passage: Passage = { id: `p${++n}`, sourceId: 's1', ordinal: n, text, start: 0, end: text.length };
  return { claim: 'c', passage, source, stance, strength, relevance: 1, reasons };
}
const restated = (stance: Stance, strength: number): Judgement => j(stance, strength, undefined, [{ kind: 'restatement', detail: 'the passage restates the claim' }]);

test('strong support alone gives supported; strong refutation alone gives refuted', () => {
  const s = decideVerdict('c', [j('supports', 0.95), j('neutral', 0.8)]);
  assert.equal(s.label, 'supported');
  const r = decideVerdict('c', [j('refutes', 0.95), j('neutral', 0.8)]);
  assert.equal(r.label, 'refuted');
  for (const v of [s, r]) assert.ok(v.confidence > 0 && v.confidence <= 1);
});

test('no evidence, or only neutral evidence, is unproven', () => {
  const none = decideVerdict('Atlantis taxes bicycles', []);
  assert.equal(none.label, 'unproven');
  assert.equal(none.independent, 0);
  assert.match(none.reason, /No evidence was found/);
  assert.ok(none.reasons.some((r) => r.kind === 'no-evidence' && r.detail.includes('Atlantis')));
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

test('a decisive restatement decides the verdict; restatements both ways are mixed; weak ones do not decide', () => {
  // Many weak model-only supports against one refuting restatement: the restatement decides.
  const noisy = [j('supports', 0.6), j('supports', 0.6), j('supports', 0.6), restated('refutes', 0.9)];
  const r = decideVerdict('c', noisy, { calibration: false });
  assert.equal(r.label, 'refuted');
  assert.equal(r.confidence, 0.9);
  assert.ok(r.reasons.some((x) => x.kind === 'restatement'));
  assert.match(r.reason, /^The evidence refutes the claim: none restate it as claimed and 1 passage the other way round/);
  assert.equal(decideVerdict('c', [restated('supports', 0.8), j('refutes', 0.6)]).label, 'supported');
  assert.equal(decideVerdict('c', [restated('supports', 0.8), restated('refutes', 0.9)]).label, 'mixed');
  // Below the decisive strength the learned weights decide as before.
  const weak = [j('supports', 0.6), j('supports', 0.6), j('supports', 0.6), restated('refutes', 0.6)];
  const withoutRule = [j('supports', 0.6), j('supports', 0.6), j('supports', 0.6), j('refutes', 0.6)];
  assert.equal(decideVerdict('c', weak).label, decideVerdict('c', withoutRule).label);
});

test('a source that reports a claim and says otherwise itself is counted by its own word, read from the typed `reported` field', () => {
  const said = (stance: Stance, strength: number, reported: boolean): Judgement => j(stance, strength, undefined, [{ kind: 'restatement', detail: 'the passage restates the claim', ...(reported ? { reported: true } : {}) }]);
  // The same source reports the claim ("the council said 40 …") and corrects it itself ("… was 32").
  assert.equal(decideVerdict('c', [said('supports', 0.8, true), said('refutes', 0.9, false)], { calibration: false }).label, 'refuted');
  // Without the field, both restatements count: mixed.
  assert.equal(decideVerdict('c', [said('supports', 0.8, false), said('refutes', 0.9, false)], { calibration: false }).label, 'mixed');
  // A detail that merely reads "(reported speech)" is not the field.
  const textOnly = j('supports', 0.8, undefined, [{ kind: 'restatement', detail: 'the passage restates the claim — "…" (reported speech)' }]);
  assert.equal(decideVerdict('c', [textOnly, said('refutes', 0.9, false)], { calibration: false }).label, 'mixed');
});

test('class weights tilt the choice of label but not the confidence; suites with a fitted decision have weights', () => {
  const evidence = [j('neutral', 0.9), j('neutral', 0.85)];
  const plain = decideVerdict('c', evidence, { labels: ['supported', 'refuted', 'unproven'], calibration: false });
  assert.equal(plain.label, 'unproven');
  // Weigh "unproven" down until another label wins: the label changes, the probabilities do not.
  const tilted = decideVerdict('c', evidence, { labels: ['supported', 'refuted', 'unproven'], classWeights: { unproven: 1e-6 }, calibration: false });
  assert.notEqual(tilted.label, 'unproven');
  assert.deepEqual(tilted.probabilities, plain.probabilities);
  const allowed = ['supported', 'refuted'] as const;
  assert.ok(Math.abs(tilted.confidence - tilted.probabilities[tilted.label] / allowed.reduce((a, l) => a + tilted.probabilities[l], tilted.probabilities.unproven)) < 1e-9);
  for (const suite of ['check-covid', 'citation-integrity']) {
    const w = suiteDecision(suite);
    assert.ok(w && Object.values(w).every((x) => x > 0), `${suite} has positive class weights`);
  }
  assert.equal(suiteDecision('no-such-suite'), undefined);
});

test('extra claim features must match the weights they are given to', () => {
  const model = { classes: ['supported', 'refuted', 'mixed', 'unproven'], features: ['a'], mean: [0], scale: [1], weights: [[0, 1], [0, 0], [0, 0], [0, -1]] };
  assert.throws(
    () => decideVerdict('c', [j('supports', 0.9)], { model, extraFeatures: [1] }),
    (e: unknown) => e instanceof Error && /expect 1 features/.test(e.message) && /retrain/.test(e.message),
  );
  // Weights over the 12 aggregate features and one extra: only the extra one counts here.
  const row = (w: number): number[] => [0, ...new Array<number>(12).fill(0), w];
  const extra = { classes: ['supported', 'refuted', 'mixed', 'unproven'], features: [...'abcdefghijkl', 'x'], mean: new Array<number>(13).fill(0), scale: new Array<number>(13).fill(1), weights: [row(-2), row(2), row(0), row(0)] };
  const evidence = [j('supports', 0.6)];
  assert.equal(decideVerdict('c', evidence, { model: extra, extraFeatures: [1], labels: ['supported', 'refuted'] }).label, 'refuted');
  assert.equal(decideVerdict('c', evidence, { model: extra, extraFeatures: [-1], labels: ['supported', 'refuted'] }).label, 'supported');
});

test('the confidence is calibrated, and a supported lean less likely right than wrong is shown as unproven', () => {
  const evidence = [restated('supports', 0.8), j('neutral', 0.7)];
  const raw = decideVerdict('c', evidence, { calibration: false });
  assert.equal(raw.label, 'supported');
  assert.equal(raw.confidence, 0.8);
  const map = (x: number[], y: number[]): { x: number[]; y: number[] } => ({ x, y });
  const harsh = { schemaVersion: 1, kind: 'isotonic' as const, maps: { decided: map([0.5, 0.95], [0.2, 0.45]), unproven: map([0.5], [0.6]), downgraded: map([0.5], [0.7]) }, trainedWith: { command: 'test', predictions: {} } };
  const shown = decideVerdict('c', evidence, { calibration: harsh });
  assert.equal(shown.label, 'unproven');
  assert.equal(shown.confidence, 0.7);
  assert.ok(shown.reasons[0]?.kind === 'leaning' && /leans supported/.test(shown.reasons[0].detail));
  assert.match(shown.reason, /It leans supported, not enough to call it\./);
  const kind = { ...harsh, maps: { ...harsh.maps, decided: map([0.5, 0.95], [0.55, 0.9]) } };
  const kept = decideVerdict('c', evidence, { calibration: kind });
  assert.equal(kept.label, 'supported');
  assert.ok(Math.abs(kept.confidence - (0.55 + ((0.8 - 0.5) / 0.45) * 0.35)) < 1e-9);
});

test('the general verdict weights do not read the retrieval score (it told the training suites apart): the same evidence at any score gets the same verdict', () => {
  const at = (relevance: number): Judgement[] => [j('supports', 0.8), j('neutral', 0.7), j('refutes', 0.4)].map((x) => ({ ...x, relevance }));
  const low = decideVerdict('c', at(0), { calibration: false });
  const high = decideVerdict('c', at(25), { calibration: false });
  assert.deepEqual(high.probabilities, low.probabilities);
});
