// JSONL: one document per line, `{"text": …, "title": …, "url": …, …}`. A bad line is reported
// with its line number and the other lines still load.
import { VerityError, quote } from '../../errors.js';
import { metaFromRecord, type MetaPatch } from './metadata.js';

export interface JsonlDocument {
  line: number;
  origin: string;
  meta: MetaPatch;
  text: string;
}

export function loadJsonl(source: string, path: string): { documents: JsonlDocument[]; failures: { origin: string; error: VerityError }[] } {
  const documents: JsonlDocument[] = [];
  const failures: { origin: string; error: VerityError }[] = [];
  for (const [i, raw] of source.split('\n').entries()) {
    const r = jsonlRecord(raw, i + 1, path);
    if (r === null) continue;
    if ('error' in r) failures.push(r);
    else documents.push(r);
  }
  return { documents, failures };
}

/** One line of a JSONL file: its document, its failure, or null for a blank line. */
export function jsonlRecord(raw: string, line: number, path: string): JsonlDocument | { origin: string; error: VerityError } | null {
  const origin = `${path}:${line}`;
  if (raw.trim() === '') return null;
  const bad = (problem: string, fix: string): { origin: string; error: VerityError } => ({ origin, error: new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(origin)}: ${problem}`, fix }) });
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return bad(`invalid JSON (${(e as Error).message})`, 'write one JSON object per line');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return bad('the line is not a JSON object', 'write one object per line, e.g. {"title": "…", "text": "…", "url": "…"}');
  }
  const rec = data as Record<string, unknown>;
  const text = typeof rec.text === 'string' ? rec.text.replace(/\r\n?/g, '\n') : typeof rec.content === 'string' ? rec.content.replace(/\r\n?/g, '\n') : null;
  if (text === null || text.trim() === '') {
    return bad('it has no "text" field with text in it', 'give each line a "text" string');
  }
  try {
    return { line, origin, meta: metaFromRecord(rec, origin), text };
  } catch (e) {
    if (e instanceof VerityError) return { origin, error: e };
    throw e;
  }
}
