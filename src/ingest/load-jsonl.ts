// JSONL: one document per line, `{"text": …, "title": …, "url": …, …}`. A bad line is reported
// with its line number and the other lines still load.
import { VerityError, quote } from '../errors.js';
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
  const lines = source.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const origin = `${path}:${line}`;
    if (raw.trim() === '') continue;
    const bad = (problem: string, fix: string): void => {
      failures.push({ origin, error: new VerityError({ code: 'BAD_INPUT', component: 'ingest', problem: `cannot read ${quote(origin)}: ${problem}`, fix }) });
    };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      bad(`invalid JSON (${(e as Error).message})`, 'write one JSON object per line');
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      bad('the line is not a JSON object', 'write one object per line, e.g. {"title": "…", "text": "…", "url": "…"}');
      continue;
    }
    const rec = data as Record<string, unknown>;
    const text = typeof rec.text === 'string' ? rec.text.replace(/\r\n?/g, '\n') : typeof rec.content === 'string' ? rec.content.replace(/\r\n?/g, '\n') : null;
    if (text === null || text.trim() === '') {
      bad('it has no "text" field with text in it', 'give each line a "text" string');
      continue;
    }
    try {
      documents.push({ line, origin, meta: metaFromRecord(rec, origin), text });
    } catch (e) {
      if (e instanceof VerityError) failures.push({ origin, error: e });
      else throw e;
    }
  }
  return { documents, failures };
}
