// The real-document benchmark: WiCE pages split into Markdown articles, the report measures, and
// the whole suite on a small WiCE-format file written here (real SQLite, the real check path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleMarkdown, wiceArticles } from '../../src/eval/wice-articles.js';
import { leadRelevant, proseProblems, verdictProblems } from '../../src/eval/report-quality.js';
import { runEval } from '../../src/eval/index.js';
import type { Report } from '../../src/model.js';

const PAGE_A = [
  '(meta data) TITLE: Harbour museum opens new wing | Coastal Herald',
  '(meta data) PUBLISHER: Coastal Herald',
  '(meta data) PUBLISHED DATETIME: 2019-04-02T10:00:00Z',
  'Skip to content',
  'The Harbour Museum in Portwick opened a new maritime wing on Tuesday.',
  'The wing holds 1,200 objects donated by local fishing families.',
];
const PAGE_B = ['(meta data) TITLE: Portwick council minutes', 'The council approved the museum budget in March 2018.'];

test('a claim\'s evidence splits into its cited pages at each TITLE line, with metadata as front matter', () => {
  const pages = wiceArticles([...PAGE_A, ...PAGE_B]);
  assert.equal(pages.length, 2);
  assert.equal(pages[0]!.title, 'Harbour museum opens new wing | Coastal Herald');
  assert.equal(pages[0]!.publisher, 'Coastal Herald');
  assert.equal(pages[0]!.date, '2019-04-02');
  assert.deepEqual(pages[0]!.lines, PAGE_A.slice(3));
  assert.equal(pages[1]!.publisher, null);
  const md = articleMarkdown(pages[0]!);
  assert.match(md, /^---\ntitle: "Harbour museum opens new wing \| Coastal Herald"\npublisher: "Coastal Herald"\ndate: "2019-04-02"\n---\n/);
  assert.ok(!md.includes('kind:'), 'the kind is left to the loader');
  // The same page cited twice is one article.
  assert.equal(wiceArticles(PAGE_A)[0]!.id, pages[0]!.id);
});

function report(over: Partial<Report>): Report {
  return {
    schemaVersion: 1, input: 'x', kind: 'claim', title: 't', verdict: null, summary: [], findings: [], gaps: [], perspectives: [], figures: [], sources: [],
    provenance: { engine: 'verity', engineVersion: '0', analyst: 'rules', corpusSnapshot: 's', createdAt: '2026-01-01T00:00:00.000Z', timingsMs: {}, warnings: [] },
    ...over,
  };
}

test('verdict discipline: a decisive verdict needs a verified quoted passage and a reason that names it and agrees', () => {
  const quote = { text: 'The Coastal Herald reports that the wing holds 1,200 objects [1].', citations: [1], verified: true, why: '', passageIds: ['a:1'], basis: 'passage' as const };
  const good = report({ verdict: { label: 'supported', confidence: 0.8, reason: 'Supported: the Coastal Herald [1] states it.' }, findings: [{ headline: 'h', sentences: [quote] }] });
  assert.deepEqual(verdictProblems(good), []);
  const bare = report({ verdict: { label: 'supported', confidence: 0.8, reason: 'Supported [1].' } });
  assert.match(verdictProblems(bare).join(), /no verified quoted passage/);
  const unverified = report({ verdict: good.verdict, findings: [{ headline: 'h', sentences: [{ ...quote, verified: false }] }] });
  assert.match(verdictProblems(unverified).join(), /no verified quoted passage/);
  const contradicts = report({ verdict: { label: 'supported', confidence: 0.6, reason: 'No passage addresses the claim [1].' }, findings: good.findings });
  assert.match(verdictProblems(contradicts).join(), /reason says/);
  const unnamed = report({ verdict: { label: 'refuted', confidence: 0.6, reason: 'A passage refutes it.' }, findings: good.findings });
  assert.match(verdictProblems(unnamed).join(), /names none/);
  assert.deepEqual(verdictProblems(report({ verdict: { label: 'unproven', confidence: 0.9, reason: 'Nothing.' } })), []);
});

test('prose measures catch what a reader trips on: addresses, page-title speakers, mid-clause quotes', () => {
  assert.deepEqual(proseProblems('The Coastal Herald reports that the wing opened on Tuesday [1].'), []);
  assert.ok(proseProblems('https://www.facebook.com/herald states that it opened [1].').includes('address in prose'));
  assert.ok(proseProblems('Mission & History | About Us reports that the wing opened [1].').includes('page-title fragment'));
  assert.ok(proseProblems('The Herald reports that to serving as director, he was a curator [1].').includes('quote starts mid-clause'));
  assert.ok(proseProblems('It said "the wing opened [1].').includes('unbalanced quotes'));
});

test('the lead is relevant when it carries the claim\'s content words', () => {
  const r = report({ summary: [{ text: 'The Coastal Herald reports that the Harbour Museum opened a maritime wing [1].', citations: [1], verified: true, why: '' }] });
  assert.equal(leadRelevant(r, 'The Harbour Museum opened a maritime wing in 2019.'), true);
  assert.equal(leadRelevant(r, 'Portwick council approved a budget.'), false);
});

test('wice-corpus runs the check pipeline over the pages ingested into SQLite and keeps every report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-wice-corpus-test-'));
  const rows = [
    { label: 'supported', supporting_sentences: [[4]], claim: 'The Harbour Museum in Portwick opened a new maritime wing.', evidence: PAGE_A, meta: { id: 'd1' } },
    { label: 'not_supported', supporting_sentences: [], claim: 'The Portwick council rejected the museum budget in 2015.', evidence: PAGE_B, meta: { id: 'd2' } },
  ];
  writeFileSync(join(dir, 'dev.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const out = join(dir, 'out');
  const r = await runEval('wice-corpus', { data: join(dir, 'dev.jsonl'), out });
  assert.equal(r.n, 2);
  assert.equal(r.extra.articles, 2);
  assert.equal(r.extra.ownArticleAmongSources, 1);
  assert.ok(readdirSync(out).includes('corpus.sqlite'));
  const kept = JSON.parse(readFileSync(join(out, 'report-d1.json'), 'utf8')) as Report;
  assert.equal(kept.input, rows[0]!.claim);
  const t = r.extra.msPerCheck as { p50: number; p95: number };
  assert.ok(t.p95 >= t.p50);
});

test('wice-corpus passes each claim\'s page title as its topic only when every claim has one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-wice-corpus-about-'));
  const rows = [
    { label: 'supported', supporting_sentences: [[4]], claim: 'It opened a new maritime wing on Tuesday.', evidence: PAGE_A, meta: { id: 'd1', claim_title: 'Harbour Museum' } },
    { label: 'not_supported', supporting_sentences: [], claim: 'The Portwick council rejected the museum budget in 2015.', evidence: PAGE_B, meta: { id: 'd2', claim_title: 'Portwick' } },
  ];
  const run = async (name: string, data: typeof rows): Promise<{ extra: Record<string, unknown>; kept: Report }> => {
    writeFileSync(join(dir, `${name}.jsonl`), data.map((r) => JSON.stringify(r)).join('\n'));
    const r = await runEval('wice-corpus', { data: join(dir, `${name}.jsonl`), out: join(dir, name) });
    return { extra: r.extra, kept: JSON.parse(readFileSync(join(dir, name, 'report-d1.json'), 'utf8')) as Report };
  };
  const all = await run('all', rows);
  assert.equal(all.extra.claimsWithTopic, 2);
  assert.equal(all.kept.about, 'Harbour Museum');
  assert.ok(!all.kept.gaps.some((g) => /subject is unknown/.test(g.text)));
  const some = await run('some', [rows[0]!, { ...rows[1]!, meta: { id: 'd2' } } as (typeof rows)[number]]);
  assert.equal(some.extra.claimsWithTopic, 0);
  assert.equal(some.kept.about, undefined);
  assert.ok(some.kept.gaps.some((g) => /subject is unknown: it opens with “It”/.test(g.text)));
});
