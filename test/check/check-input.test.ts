import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { renderReport } from '../../src/report/index.js';
import type { Report, ReportSentence } from '../../src/model.js';
import { FIXED_NOW, smallStore } from './helpers.js';

function sentences(r: Report): ReportSentence[] {
  return [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
}

function assertWellFormed(r: Report): void {
  assert.equal(r.schemaVersion, 1);
  assert.match(r.title, /^Fact check: /);
  const known = new Set(r.sources.map((s) => s.n));
  for (const s of sentences(r)) {
    assert.equal(typeof s.verified, 'boolean');
    assert.ok(s.why.length > 0);
    for (const n of s.citations) assert.ok(known.has(n), `sentence cites [${n}] which is not listed: ${s.text}`);
    if (s.basis !== 'absence') assert.ok(s.citations.length > 0, `uncited sentence: ${s.text}`);
  }
  assert.equal(r.provenance.analyst, 'rules');
  assert.match(r.provenance.corpusSnapshot, /\S/);
}

test('a claim the corpus supports is Supported', async () => {
  const store = await smallStore();
  const r = await checkInput(store, 'Ruritania criminalizes possession of banned images', { now: FIXED_NOW });
  assertWellFormed(r);
  assert.equal(r.kind, 'claim');
  assert.equal(r.verdict?.label, 'supported', JSON.stringify(r.verdict));
  assert.ok(r.findings.length >= 1);
  assert.ok(r.summary.some((s) => /Ruritania/.test(s.text) && s.verified));
  await store.close();
});

// The corpus says "Freedonia does not criminalize possession": a restatement of the claim with
// the opposite polarity, which must refute it.
test('a claim the corpus refutes is Refuted', async () => {
  const store = await smallStore();
  const r = await checkInput(store, 'Freedonia criminalizes possession of banned images', { now: FIXED_NOW });
  assertWellFormed(r);
  assert.equal(r.verdict?.label, 'refuted', JSON.stringify(r.verdict));
  assert.ok(r.summary.some((s) => /Freedonia does not criminalize/.test(s.text)));
  await store.close();
});

test('a claim the corpus cannot decide is Unproven', async () => {
  const store = await smallStore();
  const r = await checkInput(store, 'Atlantis taxes imported bicycles at 40 percent', { now: FIXED_NOW });
  assertWellFormed(r);
  assert.equal(r.verdict?.label, 'unproven', JSON.stringify(r.verdict));
  await store.close();
});

test('a question with two facets gets both answered, with counts and checked arithmetic', async () => {
  const store = await smallStore();
  const r = await checkInput(store, 'Which countries criminalize possession of banned images versus only their production or distribution?', { now: FIXED_NOW });
  assertWellFormed(r);
  assert.equal(r.kind, 'question');
  assert.equal(r.verdict, null);
  assert.ok(r.summary.length >= 3 && r.summary.length <= 5, `summary has ${r.summary.length} sentences`);
  assert.ok(r.findings.length >= 3 && r.findings.length <= 6, `${r.findings.length} findings`);
  const text = sentences(r).map((s) => s.text).join('\n');
  assert.match(text, /30 of the 50 countries/);
  assert.match(text, /12 countries do not criminalize possession/);
  assert.match(text, /50 − 30 = 20/);
  assert.ok(r.figures.some((f) => f.value === 30 && f.whole === 50));
  // The academic source is undated: that is a measured gap.
  assert.ok(r.gaps.some((g) => /undated/.test(g.text)));
  // Every sentence the composer wrote passes the verifier.
  const failed = sentences(r).filter((s) => !s.verified);
  assert.deepEqual(failed.map((s) => `${s.text} — ${s.why}`), []);
  await store.close();
});

test('the same corpus and input give a byte-identical report in every format', async () => {
  const q = 'Which countries criminalize possession of banned images versus only their production or distribution?';
  const a = await smallStore();
  const b = await smallStore();
  const r1 = await checkInput(a, q, { now: FIXED_NOW });
  const r2 = await checkInput(b, q, { now: FIXED_NOW });
  for (const format of ['md', 'html', 'json']) assert.equal(renderReport(r1, format), renderReport(r2, format));
  assert.equal(r1.provenance.createdAt, '2026-01-15T12:00:00.000Z');
  await a.close();
  await b.close();
});

test('empty input and an empty corpus are clear errors', async () => {
  const store = await smallStore();
  await assert.rejects(checkInput(store, '   '), /verity: \[check\] the question or claim is empty/);
  await assert.rejects(checkInput(store, 'x'.repeat(3000)), /is 3000 characters long/);
  await store.close();
  const { openStore } = await import('../../src/store/sqlite/open.js');
  const empty = await openStore(':memory:');
  await assert.rejects(checkInput(empty, 'Is possession a crime?'), /corpus at ":memory:" is empty\. Fix: ingest documents first/);
  await empty.close();
});
