// The demo question on the project's own sample corpus (examples/corpus): the report must answer
// it with the survey's count, its whole and the arithmetic, quote the edition history, and carry
// no unverified sentence. Guards the report `make demo` shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { FIXED_NOW } from './helpers.js';

const QUESTION = 'Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?';

test('the demo question on examples/corpus: counts with their wholes, checked arithmetic, no flagged sentence', async () => {
  const store = await openStore(':memory:');
  await ingestPaths(store, ['examples/corpus'], { now: FIXED_NOW });
  const r = await checkInput(store, QUESTION, { now: FIXED_NOW });
  await store.close();
  const all = [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
  assert.deepEqual(all.filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
  assert.ok(r.summary.length >= 3 && r.summary.length <= 5);
  assert.ok(r.findings.length >= 3 && r.findings.length <= 6);
  const summary = r.summary.map((s) => s.text).join(' ');
  assert.match(summary, /140 of the 196 countries/);
  assert.match(summary, /196 − 140 = 56/);
  const text = all.map((s) => s.text).join('\n');
  assert.match(text, /124 of the 187 countries/, 'the 2009 count is quoted');
  assert.match(text, /138 of the 184 countries/, 'the 2006 count is quoted');
  assert.ok(r.gaps.some((g) => /different wholes/.test(g.text)));
  assert.ok(r.perspectives.some((p) => /legislation/.test(p.text)));
  assert.ok(r.figures.some((f) => f.value === 140 && f.whole === 196));
});

test('the demo report: complete headlines, the 56-versus-54 discrepancy computed and shown, direct answer first', async () => {
  const store = await openStore(':memory:');
  await ingestPaths(store, ['examples/corpus'], { now: FIXED_NOW });
  const r = await checkInput(store, QUESTION, { now: FIXED_NOW });
  await store.close();
  assert.match(r.summary[0]?.text ?? '', /^ICMEC \(2018\) reports that 140 of the 196 countries criminalise simple possession of CSAM \[\d+\]\.$/);
  const headlines = r.findings.map((f) => f.headline);
  assert.ok(headlines.includes('140 of 196 countries criminalise simple possession of CSAM (ICMEC, 2018)'), JSON.stringify(headlines));
  assert.ok(!headlines.some((h) => /\b(?:of|to|the|material)\s*\(/.test(h)), `a headline cut mid-phrase: ${JSON.stringify(headlines)}`);
  const gap = r.gaps.find((g) => /^The figures disagree/.test(g.text));
  assert.ok(gap, JSON.stringify(r.gaps.map((g) => g.text)));
  assert.match(gap.text, /16 \+ 38 = 54 countries/);
  assert.match(gap.text, /196 − 140 = 56 countries/);
  assert.equal(r.summary[r.summary.length - 1]?.text, gap.text);
  const all = [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives].map((s) => s.text);
  assert.ok(!all.some((t) => /\bthat (?:Commentary|Those|In) /.test(t)), 'glue keeps sentence case');
  assert.ok(all.some((t) => /provides that Article 20\(3\)/.test(t)), 'a treaty provides; "Article 20(3)" keeps its capital');
  for (const f of r.figures) assert.ok(f.counts !== null && f.counts.split(/\s+/).length <= 18 && !/[.]$/.test(f.counts), `what it counts: ${f.counts}`);
});
