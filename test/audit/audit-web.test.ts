// `verity audit --web`: sentences citing references the file does not list are searched for and
// checked against what is found (the recorded web of test/check/check-web-server.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { startWebFixtureServer, type WebFixtureServer } from '../check/check-web-server.js';

let server: WebFixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'verity-audit-web-'));
const run = (argv: string[]) => runCli(argv, { cwd: dir, env: { VERITY_WEB_ALLOW_PRIVATE: '1', VERITY_WIKIPEDIA_URL: server.origin } });

before(async () => {
  server = await startWebFixtureServer();
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('audit --web searches for the sentences whose references are absent, and checks them against what it finds', async () => {
  writeFileSync(join(dir, 'a.txt'), 'Fact check: Car-free centres\n\nChecked on May 2, 2026\n\nIn Examplestan, 31 of 52 cities restrict cars in their centres [1].\n');
  const r = await run(['audit', 'a.txt', '--web', '--db', 'web.db', '--json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.equal(server.searches.length, 1, JSON.stringify(server.searches));
  assert.doesNotMatch(server.searches[0] ?? '', /\d/, 'the search words carry no numbers');
  assert.match(r.stderr, /web: \d+ results? from wikipedia for 1 search \(sentences citing absent references\): [1-9]\d* added/);
  const doc = JSON.parse(r.stdout) as { missingReferences: number[]; claims: Array<{ corpus: { evidence: Array<{ sourceId?: string }> } }> };
  assert.deepEqual(doc.missingReferences, [1]);
  assert.ok(doc.claims[0]!.corpus.evidence.length > 0, 'the claim was checked against the pages found');
});

test('audit --web makes no search when every cited reference is listed, and --web-limit needs --web', async () => {
  writeFileSync(join(dir, 'b.md'), 'In Examplestan, 31 of 52 cities restrict cars in their centres [1].\n\n## Sources\n\n[1] Car-free zones. https://cars.example.org/zones\n');
  const before = server.searches.length;
  await run(['audit', 'b.md', '--web', '--db', 'web.db', '--json']);
  assert.equal(server.searches.length, before);
  const bad = await run(['audit', 'b.md', '--web-limit', '3', '--db', 'web.db']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--web-limit is given without --web/);
});
