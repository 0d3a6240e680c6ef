// A reader that closes the pipe early (`verity sources | head -1`) ends the command quietly:
// no EPIPE stack trace on stderr, exit code 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

test('a closed stdout pipe ends the command quietly, without a stack trace', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // the reader is gone before the first write
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.doesNotMatch(err, /EPIPE|Error|at /, err);
  assert.equal(code, 0);
});
