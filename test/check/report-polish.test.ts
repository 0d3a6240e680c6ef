// The report a journalist reads, on a small invented corpus (test/check/report-polish-fixture.ts):
// complete headlines, plain attribution, brief and complete "what it counts", a computed gap for
// figures that do not add up, the summary's order, hedges, and byte-identical output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { renderReport } from '../../src/report/index.js';
import { STOPWORDS } from '../../src/text/index.js';
import type { Report, ReportSentence } from '../../src/model.js';
import { FIXED_NOW } from './helpers.js';
import { TOWNS_QUESTION, townsStore } from './report-polish-fixture.js';

function sentences(r: Report): ReportSentence[] {
  return [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
}

async function townsReport(): Promise<Report> {
  const store = await townsStore();
  try {
    return await checkInput(store, TOWNS_QUESTION, { now: FIXED_NOW });
  } finally {
    await store.close();
  }
}

test('every sentence of the towns report passes the verifier', async () => {
  const r = await townsReport();
  assert.deepEqual(sentences(r).filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
});

test('figure headlines are complete statements: whole clause, named source and year', async () => {
  const r = await townsReport();
  const figureHeadlines = r.findings.map((f) => f.headline).filter((h) => /^\d/.test(h));
  assert.ok(figureHeadlines.length >= 2, JSON.stringify(r.findings.map((f) => f.headline)));
  assert.ok(figureHeadlines.includes('80 of 120 towns ban private cars from their centres (EUI, 2024)'), JSON.stringify(figureHeadlines));
  for (const h of figureHeadlines) {
    const body = h.replace(/\s*\([^)]*\)$/, '');
    const last = body.split(/\s+/).pop()?.toLowerCase() ?? '';
    assert.ok(!STOPWORDS.has(last) || ['them', 'it', 'there'].includes(last), `headline ends mid-phrase: ${h}`);
    assert.match(h, /\([^)]+, \d{4}\)$/);
  }
});

test('the figures table says what each figure counts, briefly and completely', async () => {
  const r = await townsReport();
  const row = r.figures.find((f) => f.value === 80);
  assert.equal(row?.counts, 'ban private cars from their centres');
  for (const f of r.figures) {
    const words = (f.counts ?? '').split(/\s+/);
    assert.ok(words.length >= 1 && words.length <= 18, `too long: ${f.counts}`);
    assert.ok(!/[.!?]$/.test(f.counts ?? ''), `a whole sentence: ${f.counts}`);
    const last = (words[words.length - 1] ?? '').toLowerCase();
    assert.ok(!STOPWORDS.has(last) || ['them', 'it', 'there'].includes(last), `cut mid-phrase: ${f.counts}`);
  }
  // "Those 40 towns include …" restates a count; it is not a figure of its own.
  assert.ok(!r.figures.some((f) => f.value === 40));
});

test('figures that do not add up are a gap, with the arithmetic, and close the summary', async () => {
  const r = await townsReport();
  const gap = r.gaps.find((g) => /^The figures disagree/.test(g.text));
  assert.ok(gap, JSON.stringify(r.gaps.map((g) => g.text)));
  assert.match(gap.text, /10 \+ 28 = 38 towns/);
  assert.match(gap.text, /120 − 80 = 40 towns/);
  assert.ok(gap.verified, gap.why);
  assert.equal(r.summary[r.summary.length - 1]?.text, gap.text, 'the main caveat closes the summary');
  const marked = r.figures.filter((f) => !f.agrees).map((f) => f.value).sort((a, b) => a - b);
  assert.deepEqual(marked, [10, 28, 80]);
});

test('the summary gives the direct answer first, with its figure and whole, then the caveat', async () => {
  const r = await townsReport();
  assert.ok(r.summary.length >= 3 && r.summary.length <= 5);
  assert.match(r.summary[0]?.text ?? '', /^EUI \(2024\) reports that 80 of the 120 towns ban private cars from their centres \[\d+\]\.$/);
  assert.match(r.summary[1]?.text ?? '', /120 − 80 = 40/);
  for (const s of r.summary) assert.ok(s.citations.length > 0, s.text);
});

test('hedges and names: a count is reported, a statute and a treaty provide, references keep their capital', async () => {
  const r = await townsReport();
  const text = sentences(r).map((s) => s.text);
  assert.ok(text.some((t) => /^Examplestan Traffic Act § 4 provides that a town council may ban/.test(t)), text.join('\n'));
  assert.ok(text.some((t) => /^The Mobility Convention \(2015\) provides that Article 5 lets a Party/.test(t)), text.join('\n'));
  assert.ok(text.some((t) => /^Examplestan Daily's paper \(2024\) found that 12 towns/.test(t)), 'the paper that names itself takes the source as subject');
  assert.ok(!text.some((t) => /(?:states|writes) that \d/.test(t)), 'a count is never "stated" or "written"');
  assert.ok(!text.some((t) => /\bthat (?:The|Those|In|Commentary) /.test(t)), 'glue does not leave a capital mid-sentence');
});

test('the towns report is byte-identical across runs in every format', async () => {
  const a = await townsReport();
  const b = await townsReport();
  for (const format of ['md', 'html', 'json'] as const) {
    assert.equal(renderReport(a, format), renderReport(b, format));
  }
});

test('a claim report on the towns corpus: the discrepancy gap too, and no headline whose whole points back ("of those 42")', async () => {
  const store = await townsStore();
  const r = await checkInput(store, '80 of the 120 towns ban private cars from their centres', { now: FIXED_NOW });
  await store.close();
  assert.deepEqual(sentences(r).filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
  assert.ok(r.gaps.some((g) => /10 \+ 28 = 38 towns/.test(g.text) && /120 − 80 = 40 towns/.test(g.text)));
  assert.ok(!r.findings.some((f) => /\bof (?:those )?42\b/.test(f.headline)), JSON.stringify(r.findings.map((f) => f.headline)));
});
