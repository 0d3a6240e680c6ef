// Verdict discipline: a decisive verdict stands only on a verified quote of a passage judged to
// bear it out, and its reason names that quote's source; the same check runs over the
// real-document benchmark's reports when the WiCE data is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { disciplinedVerdict } from '../../src/check/verdict-discipline.js';
import { verdictProblems } from '../../src/eval/report-quality.js';
import { runEval } from '../../src/eval/index.js';
import type { Judgement, Report, ReportSentence, Stance } from '../../src/model.js';

const src = { id: 's1', uri: 'file:///a.md', title: 'Harbour news | Site', publisher: 'Coastal Herald', author: null, publishedAt: null, kind: 'news' as const, language: null, license: null, retrievedAt: '', textLength: 10 };
const CLAIM = 'The Harbour Museum opened its maritime wing in 2019.';
const judged = (id: string, stance: Stance, text = 'The Harbour Museum opened its new maritime wing in April 2019.'): Judgement => ({ claim: CLAIM, passage: { id, sourceId: 's1', ordinal: 0, text, start: 0, end: text.length }, source: src, stance, strength: 0.8, relevance: 0.8, reasons: [] });
const sentence = (id: string, verified = true): ReportSentence => ({ text: `Coastal Herald reports that the wing opened [1].`, citations: [1], verified, why: '', passageIds: [id], basis: 'passage' });

function report(label: 'supported' | 'refuted' | 'mixed', sentences: ReportSentence[]): Report {
  return {
    schemaVersion: 1, input: CLAIM, kind: 'claim', title: 't', verdict: { label, confidence: 0.7, reason: 'The evidence supports the claim: 1 passage supports and no passage refutes it.' },
    summary: [], findings: [{ headline: 'h', sentences }], gaps: [], perspectives: [], figures: [],
    sources: [{ n: 1, id: 's1', title: src.title, publisher: src.publisher, date: null, uri: src.uri, kind: 'news' }],
    provenance: { engine: 'verity', engineVersion: '0', analyst: 'rules', corpusSnapshot: 's', createdAt: '', timingsMs: {}, warnings: [] },
  };
}

test('Supported stands on a verified quote of a supporting passage, and the reason names its source', () => {
  const r = report('supported', [sentence('p1')]);
  const v = disciplinedVerdict(r, [judged('p1', 'supports')]);
  assert.equal(v?.label, 'supported');
  assert.match(v!.reason, /^Supported: the passage quoted from Coastal Herald \[1\] bears the claim out, and its source states 100 % of the claim \(1 passage supports/);
  assert.deepEqual(verdictProblems({ ...r, verdict: v }), []);
});

test('a supporting quote whose source states only part of the claim leaves it Unproven, with a calibrated confidence', () => {
  const r = report('supported', [sentence('p1')]);
  const v = disciplinedVerdict(r, [judged('p1', 'supports', 'The museum has a shop.')]);
  assert.equal(v?.label, 'unproven');
  assert.match(v!.reason, /bears out part of the claim, but its source states only \d+ % of it/);
  assert.ok(v!.confidence > 0.5 && v!.confidence < 1);
});

test('without such a quote the verdict is Unproven and says why', () => {
  // The quote is of a neutral passage; or the supporting quote failed verification; or nothing is quoted.
  for (const [r, j] of [
    [report('supported', [sentence('p1')]), [judged('p1', 'neutral')]],
    [report('supported', [sentence('p1', false)]), [judged('p1', 'supports')]],
    [report('refuted', []), [judged('p1', 'refutes')]],
    [report('mixed', [sentence('p1')]), [judged('p1', 'supports')]],
  ] as const) {
    const v = disciplinedVerdict(r, j);
    assert.equal(v?.label, 'unproven', r.verdict!.label);
    assert.match(v!.reason, /no passage quoted in the report/);
  }
});

// The shared data sits beside the main checkout (../shared) or beside the worktrees (../../shared).
const WICE = [process.env.VERITY_WICE_DATA, '../shared/data/wice', '../../shared/data/wice'].filter((p): p is string => !!p).map((p) => resolve(p)).find((p) => existsSync(p)) ?? resolve('../shared/data/wice');
test('every decisive verdict of the real-document benchmark rests on a verified quote with an agreeing reason', { skip: existsSync(WICE) ? false : `no WiCE data at ${WICE}` }, async () => {
  // The first 40 dev claims (all 349 with VERITY_WICE_FULL=1); the benchmark reports the same share.
  const r = await runEval('wice-corpus', { data: WICE, limit: process.env.VERITY_WICE_FULL === '1' ? undefined : 40 });
  assert.deepEqual(r.extra.verdictProblems, []);
  assert.equal(r.extra.decisiveWithQuotedEvidence, 1);
});
