// `verity …` as a child process (tsx), with its output collected as it comes: for tests of
// long-running commands (serve, worker) that talk to each other.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface RunningVerity {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** Starts `verity <args>` with `env` added to this process's environment (NO_COLOR set); records the child in `children` for clean-up. */
export function spawnVerity(args: string[], children: ChildProcessWithoutNullStreams[], env: NodeJS.ProcessEnv = {}): RunningVerity {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}
