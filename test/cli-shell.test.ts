import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './helpers/run-cli.js';

const run = (argv: string[]) => runCli(argv);

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

test('the registry lists each command under its own name and summary, loaded on demand', async () => {
  const { commands } = await import('../src/cli/commands/index.js');
  assert.equal(new Set(commands.map((c) => c.name)).size, commands.length);
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.equal(command.summary, entry.summary, `summary of ${entry.name}`);
    assert.match(command.help, new RegExp(`verity ${entry.name}`));
  }
});
