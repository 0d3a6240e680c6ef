// `verity serve --web / --fetch` as a user runs it: the flags open the corpus for writing (and
// create it), check and audit jobs reach the recorded web; without them the corpus file is left
// byte for byte as it was, requests for web or fetch are refused, and nothing reaches the web.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeOfDocs } from '../check/helpers.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';
import { fixtureText, startCitedPages } from '../fixtures/audit-fetch/server.js';
import type { LocalServer } from '../web/local-server.js';
import type { Report } from '../../src/model.js';
import { postJson, waitForJob } from './helpers.js';
import type { ErrorJson } from './helpers.js';
import { spawnServe } from './serve-process.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
let dir: string;
let db: string;
let web: WebFixtureServer;
let pages: LocalServer;
const env = (): NodeJS.ProcessEnv => ({ VERITY_WEB_ALLOW_PRIVATE: '1', VERITY_WIKIPEDIA_URL: web.origin, VERITY_SEARXNG_URL: web.origin });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verity-serve-web-'));
  db = join(dir, 'corpus.db');
  await (await storeOfDocs(SMALL_CORPUS, db)).close();
  web = await startWebFixtureServer();
  pages = await startCitedPages();
});
after(async () => {
  await web.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

const audit = (url: string, query = ''): Promise<Response> =>
  fetch(`${url}/api/audits${query}`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: fixtureText('article.md', pages.origin) });

test('serve --web --fetch on a new corpus: it is created; a web check cites the fetched articles, a fetch audit reads the cited pages', async () => {
  const fresh = join(dir, 'web.db');
  assert.equal(existsSync(fresh), false);
  const s = await spawnServe(['--db', fresh, '--web', '--web-limit', '4', '--fetch'], env());
  try {
    assert.match(s.stdout, /check jobs may search the web \(wikipedia at http:\/\/127\.0\.0\.1:\d+\/w\/api\.php, 4 results per search\); audit jobs may fetch the cited pages \(at most 30\); the corpus is open for writing/);
    assert.deepEqual(await (await fetch(`${s.url}/api/capabilities`)).json(), { web: { engine: 'wikipedia', limit: 4 }, fetch: { limit: 30 } });
    const page = await (await fetch(`${s.url}/`)).text();
    assert.match(page, /<label for="web">Search the web too<\/label>/);
    assert.match(page, /<label for="fetch">Fetch the cited pages<\/label>/);

    const { id } = (await (await postJson(`${s.url}/api/checks`, { input: CLAIM, web: true })).json()) as { id: string };
    const job = (await waitForJob(s.url, id)) as { status: string; report: Report; error?: unknown };
    assert.equal(job.status, 'done', JSON.stringify(job.error));
    assert.equal(job.report.verdict?.label, 'supported');
    assert.ok(job.report.sources.some((x) => x.uri === `${web.origin}/wiki/Car-free_zones_in_Examplestan`));
    assert.ok(job.report.provenance.warnings.some((w) => w.includes('Transport_in_Examplestan')));

    const a = (await (await audit(s.url, '?fetch=1')).json()) as { id: string };
    const done = (await waitForJob(s.url, a.id)) as { status: string; report: { references: Array<{ n: number; fetched?: { status?: string } }> } };
    assert.equal(done.status, 'done');
    assert.equal(done.report.references.find((r) => r.n === 1)?.fetched?.status, 'added');
    const health = (await (await fetch(`${s.url}/api/health`)).json()) as { store: { sources: number } };
    assert.equal(health.store.sources, 4, 'two web articles and two cited pages were ingested');
  } finally {
    assert.equal(await s.stop(), 0, s.stderr);
  }
  assert.ok(existsSync(fresh));
});

test('serve without --web or --fetch: refused with the flag to start with, nothing fetched, the corpus file unchanged', async () => {
  const bytes = readFileSync(db);
  const seen = web.requests.length + pages.requests.length;
  const s = await spawnServe(['--db', db], env());
  try {
    assert.doesNotMatch(s.stdout, /search the web|open for writing/);
    const refused = await postJson(`${s.url}/api/checks`, { input: CLAIM, web: true });
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as ErrorJson).error.fix ?? '', /verity serve --web/);
    const noFetch = await audit(s.url, '?fetch=1');
    assert.equal(noFetch.status, 403);
    assert.match(((await noFetch.json()) as ErrorJson).error.fix ?? '', /verity serve --fetch/);
    const plain = (await (await audit(s.url)).json()) as { id: string };
    assert.equal(((await waitForJob(s.url, plain.id)) as { status: string }).status, 'done');
    const check = (await (await postJson(`${s.url}/api/checks`, { input: 'Ruritania criminalizes possession of banned images' })).json()) as { id: string };
    assert.equal(((await waitForJob(s.url, check.id)) as { status: string }).status, 'done');
  } finally {
    assert.equal(await s.stop(), 0, s.stderr);
  }
  assert.equal(web.requests.length + pages.requests.length, seen, 'no request reached the web');
  assert.ok(readFileSync(db).equals(bytes), 'the corpus file is unchanged');
});

test('serve: the --web-* and --fetch-limit flags without their switch, and bad values, are usage errors', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--web-limit', '3'], /\[serve\] --web-limit is given without --web\. Fix: add --web/],
    [['--web-engine', 'searxng'], /--web-engine is given without --web/],
    [['--fetch-limit', '3'], /\[serve\] --fetch-limit is given without --fetch\. Fix: add --fetch/],
    [['--web', '--web-engine', 'bing'], /--web-engine: unknown engine "bing"/],
    [['--web', '--web-limit', '0'], /--web-limit "0" is not a whole number from 1 to 20/],
    [['--fetch', '--fetch-limit', 'many'], /--fetch-limit "many" is not a whole number from 1 to 200/],
  ];
  for (const [args, expected] of cases) {
    const r = await runCli(['serve', '--db', db, '--port', '0', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected);
  }
  const help = await runCli(['serve', '--help']);
  assert.match(help.stdout, /--web {14}allow check jobs to search the web/);
  assert.match(help.stdout, /POST \/api\/audits\?fetch=1|\?fetch=1 fetches the cited/);
});
