// `verity check` as a fresh process and `verity batch` in one process on a kept scale-bench
// corpus, each with its wall time and its CPU time (user + system, from /usr/bin/time: on a
// shared machine the CPU time is what the other users' load leaves alone). Needs a build
// (`npx tsc -p tsconfig.build.json`); with another checkout's root, its dist/ is run instead.
//
//   node --import tsx bench/scale/scale-process.ts /tmp/x/scale-1000000.db [checks=10] [batch-claims=30] [root=.] [threads=0,2]
// The batch runs once per value of `threads` (its --threads flag; "-" passes none, for a build
// older than the flag), on the same claims.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile, round } from '../percentile.js';
import { checkCovidClaims } from './scale-corpus.js';

/** Runs a command under /usr/bin/time; its wall and CPU seconds. */
function timed(args: string[]): { wall: number; cpu: number } {
  const r = spawnSync('/usr/bin/time', ['-f', 'VERITY_TIME %e %U %S', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const m = /VERITY_TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing from /usr/bin/time: ${r.stderr.slice(-200)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

const pcts = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b).map((x) => x * 1000);
  return `${round(percentile(s, 50), 0)} / ${round(percentile(s, 95), 0)} / ${round(s.at(-1) ?? 0, 0)}`;
};

function main(): void {
  const [db, n, b, root, threadList] = process.argv.slice(2);
  if (!db) throw new Error('usage: scale-process.ts DB [checks] [batch-claims] [root]');
  const cli = resolve(root ?? '.', 'dist/cli/main.js');
  const dev = checkCovidClaims();
  const runs = dev.filter((_, i) => i % 7 === 3).slice(0, Number(n ?? 10)).map((c) => timed([process.execPath, cli, 'check', c.claim, '--db', db, '--format', 'json']));
  console.log(`| fresh \`verity check\` (${runs.length}) | wall p50 / p95 / max ms | ${pcts(runs.map((r) => r.wall))} | CPU p50 / p95 / max ms | ${pcts(runs.map((r) => r.cpu))} |`);
  const dir = mkdtempSync(join(tmpdir(), 'verity-scale-batch-'));
  try {
    const claims = dev.filter((_, i) => i % 7 === 5).slice(0, Number(b ?? 30));
    writeFileSync(join(dir, 'claims.csv'), `${['claim', ...claims.map((c) => `"${c.claim.replace(/"/g, '""')}"`)].join('\n')}\n`);
    for (const [i, threads] of (threadList ?? '0,2').split(',').entries()) {
      const flag = threads === '-' ? [] : ['--threads', threads];
      const r = timed([process.execPath, cli, 'batch', join(dir, 'claims.csv'), '--out', join(dir, `out-${i}-${threads}`), '--db', db, ...flag]);
      console.log(`| \`verity batch ${flag.join(' ')}\` (${claims.length} claims, one process, start-up included) | ${round(r.wall, 1)} s wall, ${round(claims.length / r.wall, 2)} claims/s | ${round(r.cpu, 1)} s CPU, ${round(claims.length / r.cpu, 2)} claims per CPU-second |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
