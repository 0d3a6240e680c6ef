// runBatch on a real SQLite corpus: one report per row exactly as checkInput gives it, bad rows
// reported without stopping the rest, an interrupted batch resumed without redoing finished rows
// and without losing any, and the rows of CSV and JSONL files.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/open.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { checkInput } from '../../src/check/index.js';
import { renderReport } from '../../src/report/index.js';
import type { Store } from '../../src/contracts.js';
import { JOURNAL_FILE, batchFormat, readBatchRows, renderSummary, runBatch } from '../../src/batch/index.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-batch-'));
let store: Store;
const NOW = new Date('2026-01-02T03:04:05.000Z');
const check = (input: string) => checkInput(store, input, { now: () => NOW });

before(async () => {
  store = await openStore(join(dir, 'c.db'));
  await ingestPaths(store, [join(process.cwd(), 'test/fixtures/ingest/corpus')]);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const CSV = [
  'id,claim',
  'p1,140 of 196 countries have a possession offence',
  'p2,"Which countries criminalize mere possession, not only distribution?"',
  'empty,',
  `long,${'word '.repeat(4000)}`,
  'bad,He said "no" here',
  'p3,Courts usually require knowledge of the content',
  '',
].join('\n');

test('CSV and JSONL rows: ids, the claim column, and unreadable rows as errors in their place', () => {
  const rows = readBatchRows(CSV, batchFormat('x.csv', CSV));
  assert.deepEqual(rows.map((r) => [r.row, r.id, r.error === undefined]), [[1, 'p1', true], [2, 'p2', true], [3, 'empty', true], [4, 'long', true], [5, '5', false], [6, 'p3', true]]);
  assert.equal(rows[1]?.input, 'Which countries criminalize mere possession, not only distribution?');
  const jsonl = '{"id": 7, "question": "Who counted the countries?"}\n"A bare claim string"\n{broken\n[1]\n{"claim": 5}\n\n{"text": "Last one"}\n';
  assert.equal(batchFormat('claims.txt', jsonl), 'jsonl');
  const j = readBatchRows(jsonl, 'jsonl');
  assert.deepEqual(j.map((r) => [r.row, r.id, r.input, r.where]), [[1, '7', 'Who counted the countries?', 'line 1'], [2, '2', 'A bare claim string', 'line 2'], [3, '3', '', 'line 3'], [4, '4', '', 'line 4'], [5, '5', '', 'line 5'], [6, '6', 'Last one', 'line 7']]);
  assert.match(j[2]?.error ?? '', /^not JSON: /);
  assert.equal(j[3]?.error, 'not a JSON object or string');
  assert.equal(j[4]?.error, 'field "claim" is not a string');
  assert.throws(() => readBatchRows('id,text\n1,x\n', 'csv', 'claim'), /the CSV header has no column "claim" \(it has "id", "text"\)/);
  assert.throws(() => readBatchRows('id,name\n', 'csv'), /names none of claim, question, input, text/);
  // A header of thousands of columns is named by its first twelve and a count, not line after line.
  const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
  assert.throws(() => readBatchRows(`${wide}\n`, 'csv'), (e: unknown) => e instanceof Error && /"c11" and 4988 more\)/.test(e.message) && e.message.length < 600);
  // An "about" column or field gives the row's topic; a row without one keys as it always did.
  const withAbout = readBatchRows('id,claim,about\nq1,He won in 2018,Tomas Kerrigan\nq2,Gill won 21 awards,\n', 'csv');
  assert.deepEqual(withAbout.map((r) => r.about), ['Tomas Kerrigan', undefined]);
  assert.equal(withAbout[1]?.key, readBatchRows('id,claim\nq2,Gill won 21 awards\n', 'csv')[0]?.key);
  assert.notEqual(withAbout[0]?.key, readBatchRows('id,claim\nq1,He won in 2018\n', 'csv')[0]?.key);
  const jAbout = readBatchRows('{"claim": "She won", "about": "Mira Holt"}\n{"claim": "She won", "about": 3}\n', 'jsonl');
  assert.equal(jAbout[0]?.about, 'Mira Holt');
  assert.equal(jAbout[1]?.error, 'field "about" is not a string');
  // The same id and text give the same key in any run; another text, another key.
  assert.equal(readBatchRows(CSV, 'csv')[0]?.key, rows[0]?.key);
  assert.notEqual(readBatchRows(CSV.replace('140 of 196', '141 of 196'), 'csv')[0]?.key, rows[0]?.key);
});

test('one report per row, identical to checkInput; bad rows are reported and the rest go on', async () => {
  const out = join(dir, 'run1');
  const outcome = await runBatch({ rows: readBatchRows(CSV, 'csv'), outDir: out, format: 'json', concurrency: 2, check });
  assert.deepEqual([outcome.done, outcome.failed, outcome.skipped, outcome.interrupted], [6, 3, 0, false]);
  assert.deepEqual(outcome.results.map((r) => [r.id, r.status, r.code ?? null]), [['p1', 'done', null], ['p2', 'done', null], ['empty', 'error', 'BAD_INPUT'], ['long', 'error', 'TOO_LARGE'], ['5', 'error', 'BAD_INPUT'], ['p3', 'done', null]]);
  assert.match(outcome.results[4]?.error ?? '', /row 5 \(line 6\) cannot be read: a quote inside an unquoted field on line 6/);
  for (const r of outcome.results.filter((x) => x.status === 'done')) {
    const written = readFileSync(join(out, r.report ?? ''), 'utf8');
    assert.equal(written, renderReport(await check(r.input), 'json'));
    assert.equal(JSON.parse(written).verdict?.label ?? null, r.verdict);
  }
  const summary = renderSummary(outcome.results, 'csv').split('\r\n');
  assert.equal(summary[0], 'row,id,status,kind,verdict,confidence,title,report,error,ms,input');
  assert.equal(summary.length, 8);
  assert.match(renderSummary(outcome.results, 'html'), /<tr class="error"><td>3<\/td><td>empty<\/td>/);
  assert.deepEqual(JSON.parse(renderSummary(outcome.results, 'json')).failed, 3);
});

test('an interrupted batch keeps every finished report; the next run skips them and does the rest', async () => {
  const out = join(dir, 'run2');
  const rows = readBatchRows(CSV, 'csv');
  const stop = new AbortController();
  const first = await runBatch({ rows, outDir: out, format: 'md', check, signal: stop.signal, onProgress: (p) => p.done === 2 && stop.abort() });
  assert.equal(first.interrupted, true);
  assert.deepEqual(first.results.map((r) => r.id), ['p1', 'p2']);
  // A crash mid-append leaves a torn last line: it is ignored.
  appendFileSync(join(out, JOURNAL_FILE), '{"row": 3, "key": "tor');
  const asked: string[] = [];
  const second = await runBatch({ rows, outDir: out, format: 'md', check: (input) => (asked.push(input), check(input)) });
  assert.deepEqual([second.skipped, second.done, second.interrupted], [2, 4, false]);
  assert.deepEqual(second.results.map((r) => r.id), ['p1', 'p2', 'empty', 'long', '5', 'p3']);
  assert.ok(!asked.includes(rows[0]?.input ?? '') && !asked.includes(rows[1]?.input ?? ''), 'finished rows are not checked again');
  // A report deleted by hand is written again; rows that failed are tried again.
  unlinkSync(join(out, second.results[0]?.report ?? ''));
  const third = await runBatch({ rows, outDir: out, format: 'md', check });
  assert.deepEqual([third.skipped, third.done, third.failed], [2, 4, 3]);
});
