#!/usr/bin/env node
// The `verity` command line: parse, dispatch to a command, map errors to exit codes
// (0 ok, 1 failure, 2 usage) and clear messages — never a stack trace for a user error.
import { parseArgs } from 'node:util';
import { commands } from './commands/index.js';
import type { Command } from './command.js';
import { Output } from './output.js';
import { VerityError, isVerityError, quote } from '../errors.js';
import { ENGINE_VERSION } from '../version.js';

const GLOBAL_HELP = `verity ${ENGINE_VERSION} — evidence-grounded fact checking, offline by default

Usage: verity <command> [options]

Commands:
${'{{COMMANDS}}'}

Every command takes --help and --json. The corpus database is --db FILE, else $VERITY_DB,
else .verity/verity.db in the working folder.

Exit codes: 0 ok, 1 failure, 2 usage error. NO_COLOR=1 turns colour off.

Examples:
  verity ingest examples/corpus
  verity search "possession of child sexual abuse material" --limit 5
  verity check "Which countries criminalize mere possession?" --format html --out report.html
`;

function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return GLOBAL_HELP.replace('{{COMMANDS}}', list);
}

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const;

export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }): Promise<number> {
  const wantsJson = argv.includes('--json');
  const out = new Output({ stdout: io.stdout, stderr: io.stderr, env: io.env, json: wantsJson });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? rest[0] : undefined;
    const entry = target ? commands.find((c) => c.name === target) : undefined;
    io.stdout.write(entry ? (await entry.load()).help : globalHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${ENGINE_VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  try {
    if (!entry) {
      throw new VerityError({
        code: 'USAGE',
        component: 'cli',
        problem: `unknown command ${quote(name)}`,
        fix: `run "verity --help" to list the commands (${commands.map((c) => c.name).join(', ')})`,
      });
    }
    const command: Command = await entry.load();
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new VerityError({
        code: 'USAGE',
        component: command.name,
        problem: (e as Error).message.replace(/\.$/, ''),
        fix: `run "verity ${command.name} --help" for its options`,
      });
    }
    if (parsed.values.help) {
      io.stdout.write(command.help);
      return 0;
    }
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      out,
      env: io.env,
      cwd: io.cwd,
      stdin: io.stdin,
    });
  } catch (e) {
    return reportError(e, out, wantsJson);
  }
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EPIPE: 'the reader closed the pipe',
  EIO: 'an input/output error',
  EFBIG: 'the file is too large',
  EDQUOT: 'the disk quota is used up',
  EBADF: 'standard output is closed',
  EAGAIN: 'standard output is not ready (non-blocking)',
};

/** A failed write to standard output (a full disk, a closed pipe), as the usual one-line error. */
export function outputError(e: unknown): VerityError | null {
  const err = e as NodeJS.ErrnoException | null;
  const reason = typeof err?.code === 'string' ? WRITE_FAILURES[err.code] : undefined;
  if (reason === undefined || err?.syscall !== 'write') return null;
  return new VerityError({ code: 'IO', component: 'cli', problem: `cannot write the output: ${reason} (${err.code})`, fix: 'free space where the output goes, or send it elsewhere (--out FILE where the command has it)', cause: e });
}

let outputFailureReported = false;

function reportError(e: unknown, out: Output, json: boolean): number {
  const failedWrite = outputError(e);
  if (failedWrite) {
    // Standard output is what failed: the message goes to standard error, once.
    if (!outputFailureReported) out.error(failedWrite.message);
    outputFailureReported = true;
    return 1;
  }
  const err = isVerityError(e)
    ? e
    : new VerityError({
        code: 'INTERNAL',
        component: 'cli',
        problem: `unexpected failure: ${(e as Error)?.message ?? String(e)}`,
        fix: 'this is a bug in Verity; please report it with the command you ran (set VERITY_DEBUG=1 for a stack trace)',
        cause: e,
      });
  if (process.env.VERITY_DEBUG) console.error(e);
  if (json) out.printJson({ error: { code: err.code, component: err.component, message: err.message } });
  else out.error(err.message);
  return err.code === 'USAGE' ? 2 : 1;
}

// Run when executed directly (bin or tsx), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:main\.(?:js|ts)|verity)$/.test(invoked)) {
  // The reader went away (`verity sources | head`): stop quietly, as other command-line tools do.
  // Any other failed write (a full disk: `verity … > /dev/full`) is the usual one-line error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    if (!outputFailureReported) process.stderr.write(`${(outputError(e) ?? new VerityError({ code: 'IO', component: 'cli', problem: `cannot write the output: ${e.message}`, cause: e })).message}\n`);
    outputFailureReported = true;
    process.exit(1);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
