// A tiny in-memory Store for retrieval tests: term-overlap scoring, one passage per sentence.
import type { DocumentInput, Store, UpsertResult } from '../../src/contracts.js';
import type { Passage, SearchHit, Source } from '../../src/model.js';
import { contentTerms } from '../../src/text/tokens.js';

export function memoryStore(docs: Array<{ id: string; kind?: Source['kind']; passages: string[] }>): Store {
  const sources: Source[] = [];
  const passages: Passage[] = [];
  for (const d of docs) {
    const text = d.passages.join(' ');
    sources.push({ id: d.id, uri: `mem://${d.id}`, title: d.id, publisher: null, author: null, publishedAt: null, kind: d.kind ?? 'other', language: 'en', license: null, retrievedAt: '2026-01-01T00:00:00Z', textLength: text.length });
    let at = 0;
    d.passages.forEach((p, i) => {
      passages.push({ id: `${d.id}#${i}`, sourceId: d.id, ordinal: i, text: p, start: at, end: at + p.length });
      at += p.length + 1;
    });
  }
  const unsupported = (): never => {
    throw new Error('not supported by the memory store');
  };
  return {
    engine: 'memory',
    location: 'memory',
    upsertDocument: async (_doc: DocumentInput): Promise<UpsertResult> => unsupported(),
    upsertDocuments: async () => unsupported(),
    checkIntegrity: async () => ({ ok: true, problems: [] }),
    removeSource: async () => unsupported(),
    listSources: async () => sources,
    getSource: async (id) => sources.find((s) => s.id === id) ?? null,
    findSourcesByUri: async (uris) => new Map(uris.flatMap((u) => sources.filter((s) => s.uri === u).map((s) => [u, s] as const))),
    getSourceText: async (id) => {
      const s = sources.find((x) => x.id === id);
      return s ? passages.filter((p) => p.sourceId === id).map((p) => p.text).join(' ') : null;
    },
    getPassages: async (id) => passages.filter((p) => p.sourceId === id),
    getPassage: async (id) => passages.find((p) => p.id === id) ?? null,
    search: async (query, options): Promise<SearchHit[]> => {
      const q = new Set(contentTerms(query));
      const hits: SearchHit[] = [];
      for (const p of passages) {
        const terms = new Set(contentTerms(p.text));
        let score = 0;
        for (const t of q) if (terms.has(t)) score++;
        if (score > 0) hits.push({ score, passage: p, source: sources.find((s) => s.id === p.sourceId)! });
      }
      return hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id)).slice(0, options?.limit ?? 10);
    },
    stats: async () => ({ sources: sources.length, passages: passages.length }),
    snapshotId: async () => 'memory',
    close: async () => undefined,
  };
}
