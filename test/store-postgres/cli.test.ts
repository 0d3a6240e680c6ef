// The CLI on the PostgreSQL engine: --db postgres://… ingests, searches and checks exactly as a
// SQLite file does (openStore dispatches on the URL scheme).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { resolveDbPath } from '../../src/config.js';
import { PG_URL, freshSchema, pgAvailable } from './pg-test-server.js';

const run = (argv: string[]) => runCli(argv);

test('resolveDbPath keeps a postgres URL as it is and resolves a file path', () => {
  assert.equal(resolveDbPath('postgres://u:p@127.0.0.1:5432/db?schema=x', {}, '/work'), 'postgres://u:p@127.0.0.1:5432/db?schema=x');
  assert.equal(resolveDbPath(undefined, { VERITY_DB: 'postgresql://h/db' }, '/work'), 'postgresql://h/db');
  assert.equal(resolveDbPath('corpus.db', {}, '/work'), '/work/corpus.db');
});

if (pgAvailable('CLI on PostgreSQL')) {
  test('ingest, sources, search and check run against a PostgreSQL corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verity-pg-cli-'));
    writeFileSync(
      join(dir, 'survey.md'),
      '---\ntitle: "Global review of possession laws"\npublisher: "Example Centre"\ndate: "2018-11-01"\nkind: ngo\nurl: "https://example.org/review"\n---\n' +
        'The review found that 140 of the 196 countries reviewed criminalise simple possession of the material. ' +
        'Sixteen countries had no legislation on the material at all.\n',
    );
    const url = new URL(PG_URL);
    url.searchParams.set('schema', freshSchema('vcli'));
    const db = url.toString();

    const ingest = await run(['ingest', dir, '--db', db, '--json']);
    assert.equal(ingest.code, 0, ingest.stderr);

    const sources = await run(['sources', '--db', db, '--json']);
    assert.equal(sources.code, 0, sources.stderr);
    assert.match(sources.stdout, /Global review of possession laws/);

    const search = await run(['search', 'criminalise simple possession', '--db', db, '--json']);
    assert.equal(search.code, 0, search.stderr);
    const hits = JSON.parse(search.stdout) as { results: Array<{ text: string }> };
    assert.ok(hits.results.length > 0);
    assert.match(hits.results[0]!.text, /140 of the 196 countries/);

    const check = await run(['check', '140 of 196 countries criminalise simple possession', '--db', db, '--format', 'json']);
    assert.equal(check.code, 0, check.stderr);
    const report = JSON.parse(check.stdout) as { kind: string; sources: Array<{ title: string }> };
    assert.equal(report.kind, 'claim');
    assert.ok(report.sources.some((s) => s.title === 'Global review of possession laws'));
  });
}
