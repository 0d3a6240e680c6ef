// Where the time of a check goes on a kept scale-bench corpus: each check's report stages (plan,
// retrieve, compose, verify) and, inside them, the time in the store's SQL by statement (term
// counts, the ranked full-text search, source rows, source texts). With a second checkout's root
// (e.g. the base commit unpacked with `git archive`), the same claims are checked with both, one
// claim at a time alternately, each on its own connection to the same database, so the two
// columns share the machine's load.
//
//   node --import tsx bench/scale/scale-profile.ts /tmp/x/scale-1000000.db [checks] [other-root]
//   node --import tsx bench/scale/scale-profile.ts 'postgres://…?schema=s' [checks] [other-root]   (SQL not broken down)
//
// Prints a Markdown table of mean ms per check by stage, and p50 / p95 / max of the whole check,
// wall and CPU (on a shared machine the CPU time is what another engineer's load leaves alone).
import { resolve } from 'node:path';
import type { Store } from '../../src/contracts.js';
import type { Report } from '../../src/model.js';
import { percentile, round } from '../percentile.js';
import { checkCovidClaims } from './scale-corpus.js';

interface Tree {
  name: string;
  store: Store;
  check: (store: Store, input: string) => Promise<Report>;
  spans: Map<string, number>;
  totals: number[];
  /** CPU time of this process during each check (user + system): what the machine's load does not inflate. */
  cpu: number[];
}

type Prepared = Record<string, { get: (...a: unknown[]) => unknown; all: (...a: unknown[]) => unknown }>;

/** The statements' names, grouped by what they do in a check. */
function group(statement: string): string {
  if (statement === 'search') return 'SQL: ranked full-text search';
  if (statement.startsWith('term') || statement === 'passageRowids') return 'SQL: term counts';
  if (statement === 'sourceByRowid') return 'SQL: hit sources';
  return 'SQL: other (texts, corpus row)';
}

async function openTree(root: string, name: string, db: string): Promise<Tree> {
  const { checkInput } = (await import(resolve(root, 'src/check/index.ts'))) as { checkInput: Tree['check'] };
  const { openStore } = (await import(resolve(root, 'src/store/sqlite/open.ts'))) as { openStore: (p: string) => Promise<Store> };
  const store = await openStore(db);
  const spans = new Map<string, number>();
  const add = (k: string, ms: number): void => void spans.set(k, (spans.get(k) ?? 0) + ms);
  // The engine's statements (a private field of the SQLite store), each call timed; on
  // PostgreSQL only the store's search is timed.
  const stmts = (store as unknown as { stmts?: Prepared }).stmts ?? {};
  for (const [name, stmt] of Object.entries(stmts)) {
    for (const m of ['get', 'all'] as const) {
      const f = stmt[m].bind(stmt);
      stmt[m] = (...a: unknown[]) => {
        const t = performance.now();
        try {
          return f(...a);
        } finally {
          add(group(name), performance.now() - t);
        }
      };
    }
  }
  const timedStore = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || prop === 'close') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      return async (...a: unknown[]) => {
        const t = performance.now();
        try {
          return await (v as (...x: unknown[]) => Promise<unknown>).apply(target, a);
        } finally {
          add(`store.${String(prop)} (whole)`, performance.now() - t);
        }
      };
    },
  });
  return { name, store: timedStore, check: checkInput, spans, totals: [], cpu: [] };
}

async function main(): Promise<void> {
  const [db, n, other] = process.argv.slice(2);
  if (!db) throw new Error('usage: scale-profile.ts DB [checks] [other-root]');
  const checks = Number(n ?? 20);
  const trees = [await openTree(process.cwd(), 'this tree', db)];
  if (other) trees.unshift(await openTree(other, other, db));
  const claims = checkCovidClaims();
  // Warm up (models, WordNet, the first statements) on a claim not measured.
  for (const t of trees) await t.check(t.store, claims[1]?.claim ?? 'warm up');
  for (const t of trees) t.spans.clear();
  for (let i = 0; i < checks; i++) {
    const claim = claims[(i * 7) % claims.length]?.claim ?? '';
    for (const t of trees) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const report = await t.check(t.store, claim);
      t.totals.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      t.cpu.push((used.user + used.system) / 1000);
      for (const [k, v] of Object.entries(report.provenance.timingsMs ?? {})) if (k !== 'total') t.spans.set(`stage: ${k}`, (t.spans.get(`stage: ${k}`) ?? 0) + v);
    }
  }
  const keys = [...new Set(trees.flatMap((t) => [...t.spans.keys()]))].sort();
  console.log(`| mean ms per check (${checks} checks) | ${trees.map((t) => t.name).join(' | ')} |`);
  console.log(`| --- |${trees.map(() => ' ---: |').join('')}`);
  for (const k of keys) console.log(`| ${k} | ${trees.map((t) => round((t.spans.get(k) ?? 0) / checks, 0)).join(' | ')} |`);
  const p = (ms: number[]): string => {
    const s = [...ms].sort((a, b) => a - b);
    return `${round(percentile(s, 50), 0)} / ${round(percentile(s, 95), 0)} / ${round(s.at(-1) ?? 0, 0)}`;
  };
  console.log(`| check wall p50 / p95 / max | ${trees.map((t) => p(t.totals)).join(' | ')} |`);
  console.log(`| check CPU (user + system) p50 / p95 / max | ${trees.map((t) => p(t.cpu)).join(' | ')} |`);
  for (const t of trees) await t.store.close();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
