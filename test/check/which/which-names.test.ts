// "Which countries …?" end to end on small invented corpora (which-fixture.ts): the report names
// the places the sources name as doing each facet's act, says when they only count, and every
// sentence passes the verifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../../src/check/index.js';
import { renderMarkdown } from '../../../src/report/index.js';
import type { Report, ReportSentence } from '../../../src/model.js';
import { FIXED_NOW } from '../helpers.js';
import { FIREWORKS_QUESTION, countsOnlyStore, namesStore } from './which-fixture.js';

async function run(open: typeof namesStore): Promise<Report> {
  const store = await open();
  try {
    return await checkInput(store, FIREWORKS_QUESTION, { now: FIXED_NOW });
  } finally {
    await store.close();
  }
}

const sentences = (r: Report): ReportSentence[] => [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
const OTHER_PREDICATE = /Australia|Belgium|France|Kenya|Peru/;

test('three countries doing A and one doing only B: each listed under its facet, every row cited and verified', async () => {
  const r = await run(namesStore);
  assert.deepEqual(sentences(r).filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
  const named = r.findings.find((f) => f.headline.startsWith('Which countries the sources name:'));
  assert.ok(named, JSON.stringify(r.findings.map((f) => f.headline)));
  const [listA, listB] = named.headline.replace('Which countries the sources name: ', '').split('; ');
  assert.deepEqual(listA?.split(/, | and /).sort(), ['Canada', 'Germany', 'Japan']);
  assert.equal(listB, 'Chad (sale only)');
  // One quoted, cited sentence per country, naming it.
  for (const place of ['Canada', 'Germany', 'Japan', 'Chad']) {
    const row: ReportSentence | undefined = named.sentences.find((s) => s.text.includes(place));
    assert.ok(row, `${place} has no row`);
    assert.equal(row.citations.length, 1);
    assert.ok(row.verified);
  }
  // Not listed: the countries named for another predicate, nor a US state for a question about countries.
  assert.doesNotMatch(named.headline, OTHER_PREDICATE);
  assert.doesNotMatch(named.headline, /New Jersey/);
  assert.ok(!named.sentences.some((s) => OTHER_PREDICATE.test(s.text) || /New Jersey/.test(s.text)));
  // The count against the names.
  const gap = r.gaps.find((g) => /name only/.test(g.text));
  assert.ok(gap, JSON.stringify(r.gaps.map((g) => g.text)));
  assert.match(gap.text, /^ESI counts 30 of the 50 countries that ban mere possession of fireworks by private persons \[\d+\], but the sources name only /);
  for (const place of ['Canada', 'Germany', 'Japan']) assert.match(gap.text, new RegExp(`${place} \\[\\d+\\]`));
  assert.doesNotMatch(gap.text, /Chad|Australia/);
});

test('a corpus with only counts: the gap says the sources name none, and no name is invented', async () => {
  const r = await run(countsOnlyStore);
  assert.deepEqual(sentences(r).filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
  assert.ok(!r.findings.some((f) => /sources name/.test(f.headline)), JSON.stringify(r.findings.map((f) => f.headline)));
  const gap = r.gaps.find((g) => /name none/.test(g.text));
  assert.ok(gap, JSON.stringify(r.gaps.map((g) => g.text)));
  assert.equal(gap.text, 'ESI counts 30 of the 50 countries that ban mere possession of fireworks by private persons [1], but the sources read name none of these countries.');
  // The five countries of the distractor sentences are quoted nowhere as doing either act.
  assert.ok(!r.findings.some((f) => OTHER_PREDICATE.test(f.headline)));
});

test('the which-report is byte-identical across runs', async () => {
  const a = renderMarkdown(await run(namesStore));
  const b = renderMarkdown(await run(namesStore));
  assert.equal(a, b);
});

test('a plain which-question (no "versus"): the countries doing it are named, Chad (sale only) and New Jersey are not', async () => {
  const store = await namesStore();
  const r = await checkInput(store, 'Which countries ban mere possession of fireworks?', { now: FIXED_NOW });
  await store.close();
  assert.deepEqual(sentences(r).filter((s) => !s.verified).map((s) => `${s.text} — ${s.why}`), []);
  const named = r.findings.find((f) => f.headline.startsWith('Which countries the sources name:'));
  assert.ok(named, JSON.stringify(r.findings.map((f) => f.headline)));
  assert.deepEqual(named.headline.replace('Which countries the sources name: ', '').split(/, | and /).sort(), ['Canada', 'Germany', 'Japan']);
  assert.ok(!named.sentences.some((s) => /Chad|New Jersey/.test(s.text) || OTHER_PREDICATE.test(s.text)));
  assert.ok(r.gaps.some((g) => /^ESI counts 30 of the 50 countries .* but the sources name only /.test(g.text)));
});
