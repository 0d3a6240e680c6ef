// The JSON API on a real server (ephemeral loopback port, small invented corpus): checks and
// audits submitted, followed by SSE and polling, and their reports in every format.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput } from '../../src/check/index.js';
import { renderReport } from '../../src/report/index.js';
import { auditArticle, auditJson, readArticle } from '../../src/audit/index.js';
import { FIXED_NOW } from '../check/helpers.js';
import { postJson, raw, readEvents, testServer, waitForJob } from './helpers.js';
import type { ErrorJson, TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await testServer();
});
after(async () => {
  await t.close();
});

const CLAIM = 'Ruritania criminalizes possession of banned images';

const ARTICLE = `# Possession laws

The Global Law Survey found that 30 of the 50 countries reviewed criminalize simple possession of banned images [1]. Freedonia criminalizes possession of banned images and punishes it with prison [2].

## Sources

[1] Global Law Survey 2020 — Child Safety Institute (CSI). https://example.org/global-law-survey-2020
[2] Statement on the law of Freedonia — Freedonia Ministry of the Interior. https://example.org/freedonia-ministry-statement
`;

test('GET /api/health answers with the corpus and queue counts', async () => {
  const res = await fetch(`${t.url}/api/health`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { ok: boolean; store: { sources: number; passages: number }; queue: { engine: string; concurrency: number } };
  assert.equal(body.ok, true);
  assert.equal(body.store.sources, 5);
  assert.ok(body.store.passages >= 5);
  assert.equal(body.queue.engine, 'in-process');
  assert.equal(body.queue.concurrency, 1);
});

test('a check: 202 with an id, progress then done over SSE, and the same report the library writes', async () => {
  const res = await postJson(`${t.url}/api/checks`, { input: CLAIM });
  assert.equal(res.status, 202);
  const { id, kind, links } = (await res.json()) as { id: string; kind: string; links: Record<string, string> };
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(kind, 'check');
  assert.equal(res.headers.get('location'), `/api/jobs/${id}`);

  const events = await readEvents(`${t.url}${links.events}`);
  const names = events.map((e) => e.event);
  assert.equal(names.at(-1), 'done', names.join(','));
  assert.equal(names.filter((n) => n === 'done' || n === 'failed').length, 1);
  const stages = events.filter((e) => e.event === 'progress').map((e) => e.data.stage);
  assert.deepEqual(stages, ['plan', 'retrieve', 'compose', 'verify']);
  assert.equal(events.at(-1)?.data.id, id);

  const job = (await (await fetch(`${t.url}/api/jobs/${id}`)).json()) as { status: string; report: { verdict: { label: string }; input: string }; progress: { stage: string } };
  assert.equal(job.status, 'done');
  assert.equal(job.report.input, CLAIM);
  assert.equal(job.report.verdict.label, 'supported');
  assert.equal(job.progress.stage, 'verify');

  // The rendered formats equal what the library renders for the same corpus, input and clock.
  const expected = await checkInput(t.store, CLAIM, { now: FIXED_NOW });
  for (const [format, type] of [
    ['md', 'text/markdown; charset=utf-8'],
    ['html', 'text/html; charset=utf-8'],
    ['json', 'application/json; charset=utf-8'],
    ['claimreview', 'application/ld+json; charset=utf-8'],
  ] as const) {
    const r = await fetch(`${t.url}/api/jobs/${id}/report?format=${format}`);
    assert.equal(r.status, 200, format);
    assert.equal(r.headers.get('content-type'), type);
    assert.equal(await r.text(), renderReport(expected, format), `${format} differs from the library's rendering`);
  }
  const html = await fetch(`${t.url}/api/jobs/${id}/report?format=html`);
  assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'.*sandbox/);
  assert.equal(html.headers.get('x-frame-options'), 'SAMEORIGIN');
  const md = await fetch(`${t.url}/api/jobs/${id}/report?format=md`);
  assert.equal(md.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  assert.equal(md.headers.get('x-content-type-options'), 'nosniff');
  const download = await fetch(`${t.url}/api/jobs/${id}/report?format=md&download=1`);
  assert.equal(download.headers.get('content-disposition'), `attachment; filename="verity-check-${id}.md"`);
  // Asking for the events of a finished job replays them and ends.
  const again = await readEvents(`${t.url}/api/jobs/${id}/events`);
  assert.deepEqual(again.map((e) => e.event), names);
  assert.deepEqual(again.map((e) => e.id), names.map((_n, i) => i + 1));
  // A reconnecting client (Last-Event-ID, or ?after=) gets only what it has not seen.
  const resumed = await readEvents(`${t.url}/api/jobs/${id}/events`, { 'last-event-id': '3' });
  assert.deepEqual(resumed.map((e) => e.id), again.filter((e) => e.id > 3).map((e) => e.id));
  assert.equal(resumed.at(-1)?.event, 'done');
  const afterAll = await readEvents(`${t.url}/api/jobs/${id}/events?after=${again.length}`);
  assert.deepEqual(afterAll, [], 'nothing new: the stream just ends');
});

test('a check with "about": the job reads the claim with its topic, as the library does; a non-string topic is a 400', async () => {
  const claim = 'It criminalizes possession of banned images';
  const res = await postJson(`${t.url}/api/checks`, { input: claim, about: 'Ruritania' });
  assert.equal(res.status, 202);
  const { id } = (await res.json()) as { id: string };
  const job = (await waitForJob(t.url, id)) as { status: string; report: { about?: string; input: string } };
  assert.equal(job.status, 'done');
  assert.equal(job.report.about, 'Ruritania');
  const expected = await checkInput(t.store, claim, { now: FIXED_NOW, about: 'Ruritania' });
  assert.equal(await (await fetch(`${t.url}/api/jobs/${id}/report?format=json`)).text(), renderReport(expected, 'json'));
  const bad = await postJson(`${t.url}/api/checks`, { input: claim, about: 7 });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as ErrorJson).error.problem, /"about" is 7, not a string/);
  const empty = await postJson(`${t.url}/api/checks`, { input: claim, about: '  ' });
  assert.equal(empty.status, 400);
  assert.match(((await empty.json()) as ErrorJson).error.problem, /topic given with --about is empty/);
});

test('a question has no ClaimReview form: 400 UNSUPPORTED with the fix', async () => {
  const res = await postJson(`${t.url}/api/checks`, { input: 'Which countries criminalize possession of banned images?' });
  const { id } = (await res.json()) as { id: string };
  const job = await waitForJob(t.url, id);
  assert.equal(job.status, 'done');
  const r = await fetch(`${t.url}/api/jobs/${id}/report?format=claimreview`);
  assert.equal(r.status, 400);
  const body = (await r.json()) as ErrorJson;
  assert.equal(body.error.code, 'UNSUPPORTED');
  assert.match(body.error.fix ?? '', /json, md or html/);
});

/** The library's audit JSON for the same article and format, without the timings (which vary). */
async function libraryAudit(text: string, format: 'md' | 'html' | 'txt'): Promise<unknown> {
  const result = await auditArticle(t.store, readArticle(text, format));
  return { ...(auditJson(result) as Record<string, unknown>), timingsMs: null };
}

test('an audit: the article as text/markdown, the audit JSON when done, annotated md and html', async () => {
  const res = await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': 'text/markdown; charset=utf-8' }, chunks: [ARTICLE] });
  assert.equal(res.status, 202, res.body);
  const { id, kind } = JSON.parse(res.body) as { id: string; kind: string };
  assert.equal(kind, 'audit');
  const events = await readEvents(`${t.url}/api/jobs/${id}/events`);
  assert.equal(events.at(-1)?.event, 'done');
  assert.ok(events.some((e) => e.event === 'progress' && e.data.stage === 'audit'));
  const job = (await (await fetch(`${t.url}/api/jobs/${id}`)).json()) as { kind: string; report: { summary: { claims: number }; claims: Array<{ text: string }> } };
  assert.equal(job.kind, 'audit');
  assert.ok(job.report.summary.claims >= 2, JSON.stringify(job.report.summary));
  assert.deepEqual({ ...job.report, timingsMs: null }, await libraryAudit(ARTICLE, 'md'));
  const md = await fetch(`${t.url}/api/jobs/${id}/report?format=md`);
  assert.match(await md.text(), /\*\*Audit:\*\*/);
  const html = await fetch(`${t.url}/api/jobs/${id}/report?format=html`);
  const page = await html.text();
  assert.match(page, /<title>Audit: Possession laws<\/title>/);
  assert.match(html.headers.get('content-security-policy') ?? '', /sandbox/);
  const cr = await fetch(`${t.url}/api/jobs/${id}/report?format=claimreview`);
  assert.equal(cr.status, 400);
  assert.match(((await cr.json()) as ErrorJson).error.problem, /an article audit has no ClaimReview form/);
});

test('audit formats by content type: text/html and text/plain are read as HTML and as plain text', async () => {
  const page = `<!doctype html><html><head><title>Note on Freedonia</title></head><body><article><h1>Note on Freedonia</h1><p>${ARTICLE.split('\n')[2]}</p></article></body></html>`;
  for (const [type, body, format] of [
    ['text/html', page, 'html'],
    ['text/plain', ARTICLE, 'txt'],
  ] as const) {
    const res = await raw(`${t.url}/api/audits`, { method: 'POST', headers: { 'content-type': type }, chunks: [body] });
    assert.equal(res.status, 202, res.body);
    const { id } = JSON.parse(res.body) as { id: string };
    const job = (await waitForJob(t.url, id)) as { status: string; report: Record<string, unknown> };
    assert.equal(job.status, 'done', type);
    assert.deepEqual({ ...job.report, timingsMs: null }, await libraryAudit(body, format), type);
  }
});

test('a job that fails keeps its error: an empty corpus gives NOT_FOUND on SSE, on the job, and 409 on the report', async () => {
  const { openStore } = await import('../../src/store/sqlite/open.js');
  const empty = await testServer({ store: await openStore(':memory:') });
  try {
    const res = await postJson(`${empty.url}/api/checks`, { input: CLAIM });
    assert.equal(res.status, 202);
    const { id } = (await res.json()) as { id: string };
    const events = await readEvents(`${empty.url}/api/jobs/${id}/events`);
    const last = events.at(-1);
    assert.equal(last?.event, 'failed');
    const err = (last?.data as unknown as ErrorJson).error;
    assert.equal(err.code, 'NOT_FOUND');
    assert.equal(err.component, 'check');
    assert.match(err.problem, /the corpus at ":memory:" is empty/);
    assert.match(err.fix ?? '', /verity ingest/);
    const job = (await (await fetch(`${empty.url}/api/jobs/${id}`)).json()) as ErrorJson & { status: string; report: unknown };
    assert.equal(job.status, 'failed');
    assert.equal(job.report, null);
    assert.equal(job.error.code, 'NOT_FOUND');
    const rep = await fetch(`${empty.url}/api/jobs/${id}/report?format=md`);
    assert.equal(rep.status, 409);
    assert.equal(((await rep.json()) as ErrorJson).error.code, 'JOB_FAILED');
  } finally {
    await empty.close();
  }
});

test('concurrent submissions all finish, one at a time, each with its own report', async () => {
  const inputs = [CLAIM, 'Freedonia criminalizes possession of banned images', 'Atlantis taxes imported bicycles at 40 percent'];
  const ids = await Promise.all(inputs.map(async (input) => ((await (await postJson(`${t.url}/api/checks`, { input })).json()) as { id: string }).id));
  const jobs = await Promise.all(ids.map((id) => waitForJob(t.url, id)));
  assert.deepEqual(
    jobs.map((j) => (j.report as { verdict: { label: string } }).verdict.label),
    ['supported', 'refuted', 'unproven'],
  );
  // With concurrency 1, no two jobs overlap.
  const spans = jobs.map((j) => [Date.parse(j.startedAt as string), Date.parse(j.finishedAt as string)] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] >= spans[i - 1]![1], 'jobs ran one after another');
});

test('GET / is one self-contained page under a strict CSP whose nonce changes per response', async () => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${t.url}/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await res.text();
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}">`));
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//, 'nothing loaded from elsewhere');
    nonces.push(nonce);
  }
  assert.notEqual(nonces[0], nonces[1]);
});

test('an idle event stream carries keep-alive comments', async () => {
  const { createInProcessQueue } = await import('../../src/jobs/index.js');
  const queue = createInProcessQueue<never>({ run: (_s, ctx) => new Promise((_r, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))) });
  const s = await testServer({ queue, heartbeatMs: 20 });
  try {
    const { id } = (await (await postJson(`${s.url}/api/checks`, { input: 'idle' })).json()) as { id: string };
    const res = await fetch(`${s.url}/api/jobs/${id}/events`);
    const reader = res.body!.getReader();
    let text = '';
    const deadline = Date.now() + 5_000;
    while (!/: keep-alive/.test(text) && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    assert.match(text, /: keep-alive\n\n/);
    await reader.cancel();
  } finally {
    await s.close();
  }
});
