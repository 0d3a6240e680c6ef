import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdout: stdout as unknown as typeof process.stdout, stderr: stderr as unknown as typeof process.stderr, stdin: new PassThrough() as unknown as typeof process.stdin, env: { NO_COLOR: '1' }, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}

test('verity eval --json prints the documented keys', async () => {
  const r = await run(['eval', 'fever-symmetric', '--data', 'test/fixtures/eval/fever-v1.jsonl', '--json']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.stdout) as Record<string, unknown>;
  for (const k of ['suite', 'n', 'accuracy', 'macroF1', 'perClass', 'confusion', 'auc', 'recallAt5', 'claimsPerSecond']) assert.ok(k in j, k);
  assert.equal(j.suite, 'fever-symmetric');
  assert.equal(j.n, 2);
});

test('verity eval prints a readable table', async () => {
  const r = await run(['eval', 'climate-fever', '--data', 'test/fixtures/eval/climate.jsonl']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /climate-fever: 3 items/);
  assert.match(r.stdout, /majority "/);
  assert.match(r.stdout, /evidence-level stance: 4 sentences/);
});

test('usage errors exit 2 with a fix', async () => {
  const none = await run(['eval']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no suite given.*Fix:/s);
  const noData = await run(['eval', 'wice']);
  assert.equal(noData.code, 2);
  assert.match(noData.stderr, /no --data given for "wice"/);
  const limit = await run(['eval', 'wice', '--data', 'test/fixtures/eval/wice.jsonl', '--limit', 'x']);
  assert.equal(limit.code, 2);
});
