// `verity serve …` as a child process, resolved once it prints its address (for the CLI tests).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface Served {
  readonly stdout: string;
  readonly stderr: string;
  url: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (kill -9), resolved once the process is gone. */
  kill(): Promise<void>;
}

/** Spawns `verity serve --port 0 …args` with `env` added to this process's environment. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'serve', '--port', '0', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start: ${out.stdout} ${out.stderr}`));
    }, 30_000);
    child.stderr.on('data', (c: Buffer) => (out.stderr += String(c)));
    child.stdout.on('data', (c: Buffer) => {
      out.stdout += String(c);
      const m = /serving (http:\/\/[^\s/]+)\//.exec(out.stdout) ?? /"url": "(http:\/\/[^"]+)"/.exec(out.stdout);
      if (m && /press Ctrl\+C|"passages"/.test(out.stdout)) {
        clearTimeout(timer);
        resolvePromise({
          get stdout() {
            return out.stdout;
          },
          get stderr() {
            return out.stderr;
          },
          url: m[1]!,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out.stdout} ${out.stderr}`));
    });
  });
}
