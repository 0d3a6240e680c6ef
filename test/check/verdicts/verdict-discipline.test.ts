// Verdict discipline: a decisive verdict stands only on a verified quote of a passage judged to
// bear it out, and its reason names that quote's source; the same check runs over the
// real-document benchmark's reports when the WiCE data is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUPPORTED_AT, SUPPORTED_FLOOR, disciplinedVerdict, pSupported } from '../../../src/check/verdict-discipline.js';
import { verdictProblems } from '../../../src/eval/report-quality.js';
import { runEval } from '../../../src/eval/index.js';
import type { Judgement, Report, ReportSentence, Stance } from '../../../src/model.js';

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

test('a publisher given as an address is named by its site in the reason, never as the address', () => {
  const r = report('supported', [sentence('p1')]);
  const social = { ...r, sources: [{ ...r.sources[0]!, publisher: 'https://www.facebook.com/coastalherald/' }] };
  assert.match(disciplinedVerdict(social, [judged('p1', 'supports')])!.reason, /^Supported: the passage quoted from coastalherald \[1\] bears the claim out/);
  const site = { ...r, sources: [{ ...r.sources[0]!, publisher: 'https://www.coastalherald.example/news' }] };
  assert.match(disciplinedVerdict(site, [judged('p1', 'supports')])!.reason, /quoted from coastalherald\.example \[1\]/);
});

test('a supporting quote whose source states only part of the claim leaves it Unproven, with a calibrated confidence', () => {
  const r = report('supported', [sentence('p1')]);
  const v = disciplinedVerdict(r, [judged('p1', 'supports', 'The museum has a shop.')]);
  assert.equal(v?.label, 'unproven');
  assert.match(v!.reason, /bears out part of the claim, but no source states more than \d+ % of it/);
  assert.ok(v!.confidence > 0.5 && v!.confidence < 1);
});

test('without such a quote the verdict is Unproven and says why', () => {
  // The quote is of a neutral passage; or the supporting quote failed verification; or nothing is quoted.
  for (const [r, j] of [
    [report('supported', [sentence('p1')]), [judged('p1', 'neutral', 'The museum has a shop.')]],
    [report('supported', [sentence('p1', false)]), [judged('p1', 'supports')]],
    [report('refuted', []), [judged('p1', 'refutes')]],
    [report('mixed', [sentence('p1')]), [judged('p1', 'supports')]],
  ] as const) {
    const v = disciplinedVerdict(r, j);
    assert.equal(v?.label, 'unproven', r.verdict!.label);
    assert.match(v!.reason, /no passage quoted in the report/);
  }
});

test('a quote from a source that states the whole claim bears it out, whatever stance its one passage was given; one judged against it does not', () => {
  const r = report('supported', [sentence('p1')]);
  const v = disciplinedVerdict(r, [judged('p1', 'neutral')]);
  assert.equal(v?.label, 'supported');
  assert.match(v!.reason, /^Supported: the passage quoted from Coastal Herald \[1\] bears the claim out, and its source states 100 % of the claim \(1 passage supports/);
  assert.ok(v!.confidence >= SUPPORTED_FLOOR);
  assert.deepEqual(verdictProblems({ ...r, verdict: v }), []);
  assert.equal(disciplinedVerdict(r, [judged('p1', 'refutes')])?.label, 'unproven');
});

test('the source counts by all its text states: a passage stating part of the claim is Supported when its page states the rest', () => {
  const r = report('supported', [sentence('p1')]);
  const part = [judged('p1', 'neutral', 'The museum has a shop.')];
  assert.equal(disciplinedVerdict(r, part)?.label, 'unproven');
  const v = disciplinedVerdict(r, part, new Map([['s1', 0.9]]));
  assert.equal(v?.label, 'supported');
  assert.match(v!.reason, /its source states 90 % of the claim/);
  // Below the cut-off the whole page does not bear it out, and the confidence says how unlikely it is.
  const low = disciplinedVerdict(r, part, new Map([['s1', SUPPORTED_AT - 0.1]]));
  assert.equal(low?.label, 'unproven');
  assert.ok(low!.confidence > 0.5);
});

test('P(supported) rises with coverage, stays in [0, 1], and Supported is never shown below the floor', () => {
  let last = -1;
  for (let c = 0; c <= 1.0001; c += 0.01) {
    const p = pSupported(c);
    assert.ok(p >= last - 1e-12 && p >= 0 && p <= 1, `coverage ${c}: ${p}`);
    last = p;
  }
  assert.ok(pSupported(SUPPORTED_AT) < SUPPORTED_FLOOR);
  const r = report('supported', [sentence('p1')]);
  const unsure = { ...r, verdict: { ...r.verdict!, confidence: 0.2 } };
  const v = disciplinedVerdict(unsure, [judged('p1', 'supports', 'The museum has a shop.')], new Map([['s1', SUPPORTED_AT]]));
  assert.equal(v?.label, 'supported');
  assert.equal(v!.confidence, SUPPORTED_FLOOR);
});

// The shared data sits beside the main checkout (../shared) or beside the worktrees (../../shared).
const WICE = [process.env.VERITY_WICE_DATA, '../shared/data/wice', '../../shared/data/wice'].filter((p): p is string => !!p).map((p) => resolve(p)).find((p) => existsSync(p)) ?? resolve('../shared/data/wice');
test('every decisive verdict of the real-document benchmark rests on a verified quote with an agreeing reason', { skip: existsSync(WICE) ? false : `no WiCE data at ${WICE}` }, async () => {
  // The first 40 dev claims (all 349 with VERITY_WICE_FULL=1); the benchmark reports the same share.
  const r = await runEval('wice-corpus', { data: WICE, limit: process.env.VERITY_WICE_FULL === '1' ? undefined : 40 });
  assert.deepEqual(r.extra.verdictProblems, []);
  assert.equal(r.extra.decisiveWithQuotedEvidence, 1);
});

test('a quoted passage giving the claim\'s figure another value, about what the claim names, outweighs passages that only share its words', () => {
  const claim = 'The Harbour Museum charged $12 for entry in 2019.';
  const withReasons = (j: Judgement, kind: 'figure-conflict' | 'figure-match', detail: string): Judgement => ({ ...j, claim, reasons: [{ kind, detail }] });
  const weak = { ...judged('p1', 'supports', 'The Harbour Museum opened its new maritime wing in April 2019, charging for entry.'), claim };
  const conflict = withReasons(judged('p2', 'refutes', 'The Harbour Museum charged $11.50 for entry in 2019.'), 'figure-conflict', 'claim "$12" differs from passage "$11.50"');
  const elsewhere = withReasons(judged('p3', 'refutes', 'The Quay Gallery charged $6 for entry in 2019.'), 'figure-conflict', 'claim "$12" differs from passage "$6"');
  const r = { ...report('supported', [sentence('p1'), sentence('p2')]), input: claim };
  const v = disciplinedVerdict(r, [weak, conflict, elsewhere]);
  assert.equal(v?.label, 'refuted', v?.reason);
  assert.match(v!.reason, /gives the claim's figure another value.*\$11\.50/);
  // Only another place's figure conflicts: the words-only support is judged as before.
  assert.notEqual(disciplinedVerdict({ ...r, findings: [{ headline: 'h', sentences: [sentence('p1'), sentence('p3')] }] }, [weak, elsewhere])?.label, 'refuted');
  // A passage stating the claim's own value keeps the figures from deciding.
  const match = withReasons(judged('p4', 'supports', 'The Harbour Museum charged $12 for entry in 2019.'), 'figure-match', 'claim "$12" agrees with passage "$12"');
  assert.notEqual(disciplinedVerdict(r, [weak, conflict, match])?.label, 'refuted');
});

test("a claim's own figure that no passage states leaves it Unproven however much else a source says, and the reason names the figure", () => {
  const claim = 'The Harbour Museum drew 120,000 visitors to its maritime wing in 2019.';
  const text = 'The Harbour Museum drew record crowds of visitors to its maritime wing in 2019.';
  const r = { ...report('supported', [sentence('p1')]), input: claim };
  const v = disciplinedVerdict(r, [judged('p1', 'supports', text)]);
  assert.equal(v?.label, 'unproven');
  assert.match(v!.reason, /no passage states its figure "120,000 visitors"/);
  // The same passage stating the figure (judged a figure match) bears it out.
  const stated = { ...judged('p1', 'supports', text.replace('record crowds of', '120,000')), reasons: [{ kind: 'figure-match' as const, detail: 'claim "120,000" agrees' }] };
  assert.equal(disciplinedVerdict(r, [stated])?.label, 'supported');
});

test('a report quoting no passage at all says how much was read and that none of it can be quoted', () => {
  const v = disciplinedVerdict(report('supported', []), [judged('p1', 'supports'), judged('p2', 'neutral')]);
  assert.equal(v?.label, 'unproven');
  assert.match(v!.reason, /^Unproven: of the 2 passages read from 1 source, none states the claim in a sentence that can be quoted\.$/);
});
