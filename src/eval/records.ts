// Reading benchmark files as they are upstream: JSON Lines, TSV (GLUE/RTE style, no quoting) and
// CSV (RFC 4180 quoting). A folder means every file in it (recursively) that has the suite's format.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VerityError, quote } from '../errors.js';

export type Row = Record<string, unknown>;

function readText(path: string, component: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new VerityError({ code: 'NOT_FOUND', component, problem: `cannot read ${quote(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix: 'check the --data / --corpus path', cause: e });
  }
}

/** JSON Lines; blank lines skipped. A line that is not JSON is an error naming the line. */
export function readJsonl(path: string, component = 'eval'): Row[] {
  const out: Row[] = [];
  const lines = readText(path, component).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new VerityError({ code: 'BAD_INPUT', component, problem: `${quote(path)} line ${i + 1} is not JSON (starts with ${quote(line.slice(0, 30))})`, fix: 'pass a JSON Lines file in the upstream format of the suite' });
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(v as Row);
  });
  return out;
}

/** A header-led TSV without quoting (GLUE / RTE). Column names are lower-cased. */
export function readTsv(path: string, component = 'eval'): Row[] {
  const lines = readText(path, component).split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row: Row = {};
    header.forEach((h, i) => (row[h] = cells[i] ?? ''));
    return row;
  });
}

/** Parse CSV text with RFC 4180 quoting into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/** A header-led CSV. Column names are lower-cased. */
export function readCsv(path: string, component = 'eval'): Row[] {
  const rows = parseCsv(readText(path, component));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  return rows.slice(1).map((cells) => {
    const row: Row = {};
    header.forEach((h, i) => (row[h] = cells[i] ?? ''));
    return row;
  });
}

/** Files under a path: the file itself, or every file in the folder (recursive, sorted). */
export function filesUnder(path: string, component = 'eval'): string[] {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new VerityError({ code: 'NOT_FOUND', component, problem: `no such file or folder ${quote(path)}`, fix: 'pass --data FILE or --data FOLDER', cause: e });
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(path);
  return out;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
