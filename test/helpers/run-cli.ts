// Runs the `verity` command line in-process, the way a test needs it: `main()` with stdout and
// stderr captured as text, NO_COLOR=1 plus any extra environment, a working folder and optional
// standard input. The one CLI harness for every test that drives the command line.
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a command run produced: its exit code and everything it wrote to each stream. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Working folder the command resolves relative paths against; default `process.cwd()`. */
  cwd?: string;
  /** Extra environment, merged over `{ NO_COLOR: '1' }` (the command sees nothing else). */
  env?: NodeJS.ProcessEnv;
  /** Stdout claims to be a terminal (`isTTY`) and NO_COLOR is not preset, so output is coloured. */
  colourTerminal?: boolean;
  /** Text piped to standard input; default an empty stream. */
  stdin?: string;
}

function capture(): { stream: Writable; readonly text: string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return {
    stream,
    get text() {
      return text;
    },
  };
}

/** Runs `verity <argv…>` through `main()` and resolves with its exit code and captured output. */
export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  if (options.colourTerminal) Object.assign(stdout.stream, { isTTY: true });
  const code = await main(argv, {
    stdout: stdout.stream as unknown as typeof process.stdout,
    stderr: stderr.stream as unknown as typeof process.stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as unknown as typeof process.stdin,
    env: options.colourTerminal ? { ...options.env } : { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
