// Issue 16: a 50 MiB JSONL file did not finish ingesting in 4 minutes. Its records share one text,
// so they are one source and every other record's uri becomes an alias of it; the SQLite writer
// read all of the source's aliases back for each record, n² rows for n records. This test counts the
// rows SQLite hands back while such a file is ingested (a real SQLite file) and requires them to be
// linear in the records; the aliases themselves must all be kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingestPaths } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';

const TEXT = 'The harbour authority reported that cargo volumes rose by 12 percent in 2024 compared with the year before. '.repeat(4);

type Method = 'all' | 'get';

/** Runs `fn` while counting the rows every better-sqlite3 statement returns (`all` and `get`). */
async function countRowsRead(fn: () => Promise<void>): Promise<number> {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown>;
  probe.close();
  const originals = { all: proto.all, get: proto.get };
  let rows = 0;
  proto.all = function (this: unknown, ...a: unknown[]) {
    const out = originals.all.apply(this, a) as unknown[];
    rows += out.length;
    return out;
  };
  proto.get = function (this: unknown, ...a: unknown[]) {
    const out = originals.get.apply(this, a);
    if (out !== undefined) rows++;
    return out;
  };
  try {
    await fn();
  } finally {
    proto.all = originals.all;
    proto.get = originals.get;
  }
  return rows;
}

test('a JSONL file of 3,000 records with one text is ingested with work linear in its records, every address kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-jsonl-linear-'));
  try {
    const n = 3_000;
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ title: `Record ${i}`, uri: `https://example.org/r/${i}`, text: TEXT }));
    const file = join(dir, 'same.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const store = await openStore(join(dir, 'corpus.db'));
    try {
      let sources = 0;
      const rows = await countRowsRead(async () => {
        const summary = await ingestPaths(store, [file]);
        assert.equal(summary.failures.length, 0);
        sources = summary.added;
      });
      assert.equal(sources, 1);
      const found = await store.findSourcesByUri([`https://example.org/r/${n - 1}`]);
      const source = [...found.values()][0];
      assert.ok(source, 'the last record’s address finds the source');
      assert.equal(1 + (source.aliases?.length ?? 0), n, 'every record’s address is the source’s uri or an alias');
      assert.ok(rows <= 20 * n, `SQLite returned ${rows} rows for ${n} records (linear would be ≤ ${20 * n}; n² is ${n * n})`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
