// Turning command-line inputs (files, folders, globs) into the list of files to load.
// Folders are walked recursively in sorted order; hidden entries and node_modules are skipped;
// sidecars are not documents; other extensions are skipped with a notice.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VerityError, quote } from '../errors.js';
import { SIDECAR_SUFFIX, loaderFor } from './load/load-document.js';

export interface ExpandedInputs {
  files: string[];
  /** Files left out because no loader reads their type. */
  skipped: string[];
  failures: { origin: string; error: VerityError }[];
}

const GLOB_CHARS = /[*?[]/;

export async function expandInputs(inputs: string[], onNotice: (msg: string) => void = () => undefined): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: string[] = [];
  const failures: ExpandedInputs['failures'] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean): void => {
    if (path.endsWith(SIDECAR_SUFFIX) && !explicit) return;
    if (!loaderFor(path)) {
      skipped.push(path);
      onNotice(`verity: [ingest] skipped ${quote(path)}: no loader for this file type (supported: .txt .md .html .pdf .jsonl)`);
      return;
    }
    if (seen.has(path)) return;
    seen.add(path);
    files.push(path);
  };
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && GLOB_CHARS.test(input)) {
        const matches = await expandGlob(input);
        if (matches.length === 0) {
          failures.push({ origin: input, error: new VerityError({ code: 'NOT_FOUND', component: 'ingest', problem: `the pattern ${quote(input)} matched no files`, fix: 'check the pattern; quote it so your shell does not expand it first' }) });
        }
        for (const m of matches) add(m, false);
        continue;
      }
      failures.push({
        origin: input,
        error: new VerityError({
          code: code === 'ENOENT' ? 'NOT_FOUND' : 'IO',
          component: 'ingest',
          problem: code === 'ENOENT' ? `cannot read ${quote(input)}: no such file or folder` : `cannot read ${quote(input)}: ${(e as Error).message}`,
          fix: code === 'ENOENT' ? 'check the path (relative paths start at the working folder)' : 'check the permissions and retry',
        }),
      });
      continue;
    }
    if (st.isDirectory()) for (const f of await walk(input, new Set())) add(f, false);
    else add(input, true);
  }
  return { files, skipped, failures };
}

async function walk(dir: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st;
    try {
      st = await stat(p);
    } catch {
      continue; // a dangling symlink
    }
    if (st.isDirectory()) out.push(...(await walk(p, visited)));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** A glob pattern as a regular expression over "/"-separated relative paths: ** * ? [..]. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function expandGlob(pattern: string): Promise<string[]> {
  const norm = pattern.split(sep).join('/');
  const parts = norm.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const rest = parts.slice(firstGlob).join('/');
  const re = globToRegExp(rest);
  let all: string[];
  try {
    all = await walk(base, new Set());
  } catch {
    return [];
  }
  return all.filter((f) => re.test(relative(base, f).split(sep).join('/')));
}
