import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable, Readable } from 'node:stream';
import { main } from '../src/cli/main.js';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, get text() { return text; } };
}

async function run(argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout: stdout.stream as unknown as typeof process.stdout, stderr: stderr.stream as unknown as typeof process.stderr, stdin: Readable.from([]) as unknown as typeof process.stdin, env: { NO_COLOR: '1' }, cwd: process.cwd() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('no command prints help and exits 2', async () => {
  const r = await run([]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /Usage: verity <command>/);
});

test('--help exits 0 and lists commands', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  for (const name of ['check', 'audit', 'ingest', 'search', 'analyze', 'eval']) assert.match(r.stdout, new RegExp(`\\n  ${name}\\b`));
});

test('unknown command is a usage error naming the command and the fix', async () => {
  const r = await run(['frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /verity: \[cli\] unknown command "frobnicate"\. Fix: run "verity --help"/);
});

test('unknown option is a usage error with --json giving a JSON error', async () => {
  const r = await run(['sources', '--nope', '--json']);
  assert.equal(r.code, 2);
  const body = JSON.parse(r.stdout) as { error: { code: string; component: string } };
  assert.equal(body.error.code, 'USAGE');
  assert.equal(body.error.component, 'sources');
});
