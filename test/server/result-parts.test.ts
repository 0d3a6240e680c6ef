// Issue 16, row 1: a large audit's result crossed from its job thread to the request thread as one
// structured clone (1.4–1.6 s of deserialising for 25,000 claims, every request waiting behind it)
// and was serialised again there for the job journal. It now comes as JSON text in parts, each
// taken in its own turn of the request thread's loop, and the text is kept with the result: the
// journal writes it as it is and a render sends it to its thread. Real threads, a real corpus file,
// a real SQLite journal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobThreads } from '../../src/server/job-threads.js';
import { AuditParts, splitAudit } from '../../src/server/result-parts.js';
import { renderAudit } from '../../src/server/job-report.js';
import { createInProcessQueue, knownJson, rememberJson } from '../../src/jobs/index.js';
import { openJobJournal } from '../../src/store/sqlite/job-journal.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { auditArticle, auditJson, readArticle } from '../../src/audit/index.js';
import type { AuditResult } from '../../src/audit/index.js';
import { auditCorpusFile, bigArticle } from '../helpers/big-article.js';

const noJob = { id: 'j', signal: new AbortController().signal, onProgress: () => undefined };

test('an audit result split into parts reads back as the same result, with its JSON text remembered', () => {
  const claim = (i: number) => ({ text: `Claim ${i} says "${i}" — ünïcode ✓`, start: i, end: i + 1, flags: [] });
  const audit = { schemaVersion: 1, title: 'T', claims: Array.from({ length: 10 }, (_, i) => claim(i)), warnings: ['w'] } as unknown as AuditResult;
  const split = splitAudit(audit, 3);
  assert.equal(split.parts.length, 4);
  const parts = new AuditParts();
  for (const p of split.parts) parts.add(p);
  const result = parts.finish(split.head, split.mark);
  assert.equal(result.kind, 'audit');
  assert.deepEqual(result.kind === 'audit' ? result.audit : null, audit);
  assert.deepEqual(JSON.parse(knownJson(result)!), { kind: 'audit', audit });
  assert.equal(result.kind === 'audit' ? knownJson(result.audit) : null, JSON.stringify(audit));
});

test('the job journal writes a result from its known JSON text as it is, and reads it back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-parts-journal-'));
  const journal = openJobJournal(join(dir, 'jobs.db'));
  try {
    const queue = createInProcessQueue<{ n: number; text: string }>({
      journal,
      run: async () => {
        const value = { n: 7, text: 'seven' };
        // Spaced unlike JSON.stringify would write it: only a journal that takes the text as it is keeps the spaces.
        rememberJson(value, '{ "n": 7, "text": "seven" }');
        return value;
      },
    });
    const id = await queue.submit({ kind: 'check', input: 'x' });
    for (let i = 0; i < 100 && (await queue.get(id))?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    await queue.close();
    const raw = (journal as unknown as { db: { prepare(sql: string): { get(id: string): { record: string } } } }).db.prepare('SELECT record FROM jobs WHERE id = ?').get(id).record;
    assert.match(raw, /"result":\{ "n": 7, "text": "seven" \}/);
    const [record] = journal.load<{ n: number; text: string }>();
    assert.deepEqual(record?.result, { n: 7, text: 'seven' });
    assert.equal(record?.status, 'done');
  } finally {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a job thread sends an audit in parts: the claims are the library\'s, its text is known, and a render from the text equals one from the objects', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-parts-'));
  const db = join(dir, 'corpus.db');
  await auditCorpusFile(db);
  const threads = new JobThreads({ location: db, size: 1, partClaims: 7 });
  const store = await openStore(db, { readonly: true });
  try {
    await threads.ready();
    const { text } = bigArticle(60);
    const spec = { kind: 'audit' as const, input: text, options: { format: 'md' } };
    const result = await threads.run(spec, noJob, null);
    assert.equal(result.kind, 'audit');
    if (result.kind !== 'audit') return;
    const library = await auditArticle(store, readArticle(text, 'md'));
    assert.ok(library.claims.length > 20, `${library.claims.length} claims: several parts of 7`);
    // Every claim, in order (what the corpus says of each can differ under load: retrieval has a time budget).
    const spans = (a: AuditResult) => a.claims.map((c) => [c.start, c.end, c.text, c.figures.length]);
    assert.deepEqual(spans(result.audit), spans(library));
    assert.deepEqual(Object.keys(auditJson(result.audit) as object), Object.keys(auditJson(library) as object));
    const known = knownJson(result.audit);
    assert.ok(known !== undefined, 'the JSON text is kept with the audit');
    assert.deepEqual(JSON.parse(known), JSON.parse(JSON.stringify(result.audit)));
    // The render thread gets the text; what it renders equals a render of the objects here.
    assert.equal(await threads.render(spec, result.audit, 'md'), renderAudit(spec, result.audit, 'md'));
  } finally {
    await threads.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
