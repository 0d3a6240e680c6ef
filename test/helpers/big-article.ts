// A long Markdown article for the load tests and bench/serve/serve-audit.ts: the Markdown audit
// fixtures' bodies repeated (their references renumbered per copy, so every copy cites its own
// sources) until the article has about `sentences` sentences or reaches `maxChars`, and a corpus
// file holding every fixture's sources.
import { ingestText } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/sqlite/open.js';
import { splitSentences } from '../../src/text/index.js';
import { CASES } from '../fixtures/audit/cases.js';

/** How many copies share one set of reference numbers before they repeat (bounds the sources list). */
const REFERENCE_SETS = 40;

export interface BigArticle {
  text: string;
  sentences: number;
}

export function bigArticle(sentences: number, maxChars = 1_990_000): BigArticle {
  const cases = CASES.filter((c) => c.format === 'md').map((c) => {
    const [body = '', list = ''] = c.article.split(/\n## (?:Sources|References)\n/);
    const refs = list
      .split('\n')
      .map((line) => /^(?:\[(\d+)\]|(\d+)\.)\s+(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ n: Number(m[1] ?? m[2]), text: m[3]! }));
    const text = body.replace(/^# .*$/m, '').trim();
    return { text, refs, sentences: splitSentences(text).length };
  });
  const stride = Math.max(...cases.flatMap((c) => c.refs.map((r) => r.n)), 1);
  const bodies: string[] = [];
  const refs = new Map<number, string>();
  let count = 0;
  let chars = 0;
  for (let copy = 0; count < sentences; copy++) {
    const c = cases[copy % cases.length]!;
    const base = (Math.floor(copy / cases.length) % REFERENCE_SETS) * cases.length * stride + (copy % cases.length) * stride;
    const body = c.text.replace(/\[(\d+)\]/g, (_m, d: string) => `[${base + Number(d)}]`);
    if (chars + body.length + 40 * refs.size > maxChars) break;
    for (const r of c.refs) refs.set(base + r.n, r.text);
    bodies.push(body);
    chars += body.length + 2;
    count += c.sentences;
  }
  const list = [...refs.entries()].sort((a, b) => a[0] - b[0]).map(([n, text]) => `[${n}] ${text}`);
  const text = `# A long article\n\n${bodies.join('\n\n')}\n\n## Sources\n\n${list.join('\n')}\n`;
  return { text, sentences: count };
}

/** Writes a corpus file at `path` with the sources of every audit fixture. */
export async function auditCorpusFile(path: string): Promise<void> {
  const store = await openStore(path);
  try {
    for (const c of CASES) for (const d of c.corpus) await ingestText(store, { text: d.text, meta: { uri: d.uri, title: d.title, kind: d.kind ?? 'ngo' }, retrievedAt: '2026-01-01T00:00:00.000Z' });
  } finally {
    await store.close();
  }
}
