// `verity check --web` end to end through the CLI, against the recorded web of check-web-server.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { startServer } from '../web/local-server.js';
import { startWebFixtureServer, type WebFixtureServer } from './check-web-server.js';
import { storeOfDocs } from './helpers.js';
import type { Report } from '../../src/model.js';

const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';
let server: WebFixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'verity-check-web-'));
const env = (): NodeJS.ProcessEnv => ({ VERITY_WEB_ALLOW_PRIVATE: '1', VERITY_WIKIPEDIA_URL: server.origin, VERITY_SEARXNG_URL: server.origin });
const run = (argv: string[], extra: NodeJS.ProcessEnv = {}) => runCli(argv, { cwd: dir, env: { ...env(), ...extra } });

before(async () => {
  server = await startWebFixtureServer();
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('check --web on a new corpus: the database is created, the web sources ingested and cited; warnings on stderr and in the report', async () => {
  assert.equal(existsSync(join(dir, 'web.db')), false);
  const r = await run(['check', CLAIM, '--web', '--db', 'web.db', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.verdict?.label, 'supported');
  assert.ok(report.sources.some((s) => s.uri === `${server.origin}/wiki/Car-free_zones_in_Examplestan`));
  assert.equal(report.provenance.web?.added, 2);
  assert.match(r.stderr, /^web: 1\/1 /m, 'progress of the web stage');
  assert.match(r.stderr, /verity: warning: web: could not read ".*\/wiki\/Transport_in_Examplestan": \[web\] Wikipedia has no article/);
  assert.match(r.stderr, /web: 3 results from wikipedia for 1 search: 2 added, 0 already in the corpus, 0 replaced, 1 failed \(.*web\.db\)/);
  assert.ok(report.provenance.warnings.some((w) => w.includes('Transport_in_Examplestan')));

  // Again: nothing duplicated. Then offline (no --web): the same verdict and sources, and no request.
  const again = await run(['check', CLAIM, '--web', '--db', 'web.db', '--format', 'json']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /0 added, 2 already in the corpus/);
  const sources = (await run(['sources', '--db', 'web.db', '--json'])).stdout;
  assert.equal((JSON.parse(sources) as { sources: unknown[] }).sources.length, 2, sources);
  const requests = server.requests.length;
  const offline = await run(['check', CLAIM, '--db', 'web.db', '--format', 'json']);
  assert.equal(offline.code, 0, offline.stderr);
  assert.equal(server.requests.length, requests, 'without --web no request is made');
  const o = JSON.parse(offline.stdout) as Report;
  assert.deepEqual(o.verdict, report.verdict);
  assert.deepEqual(o.sources, report.sources);
  assert.equal(o.provenance.web, undefined);
  assert.doesNotMatch(offline.stderr, /^web/m);
});

test('check without --web never touches the network, with every engine variable set; the corpus is opened read-only', async () => {
  const db = join(dir, 'small.db');
  await (await storeOfDocs(SMALL_CORPUS, db)).close();
  const requests = server.requests.length;
  const r = await run(['check', 'Ruritania criminalizes possession of banned images', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(server.requests.length, requests);
  // Read-only: a missing database is still an error, not a new empty file.
  const missing = await run(['check', CLAIM, '--db', 'nope.db']);
  assert.equal(missing.code, 1);
  assert.equal(existsSync(join(dir, 'nope.db')), false);
  assert.equal(server.requests.length, requests);
});

test('check --web --web-engine searxng: the page behind the result is read; a private address is refused without VERITY_WEB_ALLOW_PRIVATE', async () => {
  const r = await run(['check', CLAIM, '--web', '--web-engine', 'searxng', '--web-limit', '2', '--db', 'sx.db', '--out', 'r.json', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const receipt = JSON.parse(r.stdout) as { verdict: { label: string }; web: { engine: string; added: number; failed: number; endpoint: string } };
  assert.equal(receipt.verdict.label, 'supported');
  assert.deepEqual([receipt.web.engine, receipt.web.endpoint, receipt.web.added, receipt.web.failed], ['searxng', `${server.origin}/search`, 1, 1]);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report;
  assert.deepEqual(report.sources.map((s) => s.uri), [`${server.origin}/articles/examplestan-car-bans`]);

  const small = join(dir, 'small2.db');
  await (await storeOfDocs(SMALL_CORPUS, small)).close();
  const strict = await run(['check', 'Ruritania criminalizes possession of banned images', '--web', '--web-engine', 'searxng', '--db', small], { VERITY_WEB_ALLOW_PRIVATE: '0' });
  assert.equal(strict.code, 0, strict.stderr);
  assert.match(strict.stderr, /verity: warning: web: could not read ".*\/articles\/examplestan-car-bans": \[web\] cannot fetch .*loopback/);
  assert.match(strict.stdout, /_Warning: web: could not read/);
});

test('check --web with the engine down: exit 1 and a message naming the engine, its address and what to do', async () => {
  const down = await startServer();
  const origin = down.origin;
  await down.close();
  const db = join(dir, 'small3.db');
  await (await storeOfDocs(SMALL_CORPUS, db)).close();
  const r = await run(['check', CLAIM, '--web', '--web-url', origin, '--db', db]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`verity: \\[web\\] the web search of wikipedia at "${origin}/w/api.php" for "cities Examplestan restrict cars centres" failed: .*refused.*Fix: .*or check without --web`));
});

test('check --web usage: flags without --web, unknown engine, bad limit, SearXNG without an address; --help teaches the flags', async () => {
  const cases: [string[], RegExp][] = [
    [['--web-url', 'http://x.example'], /--web-url is given without --web\. Fix: add --web/],
    [['--web', '--web-engine', 'bing'], /--web-engine: unknown engine "bing"\. Fix: use one of: wikipedia, searxng/],
    [['--web', '--web-limit', '0'], /--web-limit "0" is not a whole number from 1 to 20/],
    [['--web', '--web-limit', '21'], /--web-limit "21" is not a whole number from 1 to 20/],
  ];
  for (const [flags, message] of cases) {
    const r = await run(['check', CLAIM, '--db', 'usage.db', ...flags]);
    assert.equal(r.code, 2, `${flags.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  const sx = await run(['check', CLAIM, '--db', 'usage.db', '--web', '--web-engine', 'searxng'], { VERITY_SEARXNG_URL: '' });
  assert.equal(sx.code, 2);
  assert.match(sx.stderr, /--web-engine searxng needs the address of a SearXNG instance\. Fix: pass --web-url/);
  assert.equal(existsSync(join(dir, 'usage.db')), false, 'usage errors come before the store is opened');
  const help = await run(['check', '--help']);
  for (const flag of ['--web ', '--web-engine', '--web-url', '--web-limit']) assert.ok(help.stdout.includes(flag), flag);
});
