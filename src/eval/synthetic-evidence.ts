// Benchmark evidence is text, not stored passages: wrap it as a Passage and Source so the same
// judge/verdict functions the pipeline uses run on it unchanged.
import type { Passage, Source } from '../model.js';

export function textEvidence(id: string, text: string, title = id): { passage: Passage; source: Source } {
  const source: Source = {
    id,
    uri: `bench:${id}`,
    title,
    publisher: null,
    author: null,
    publishedAt: null,
    kind: 'other',
    language: 'en',
    license: null,
    retrievedAt: '1970-01-01T00:00:00.000Z',
    textLength: text.length,
  };
  return { passage: { id: `${id}#0`, sourceId: id, ordinal: 0, text, start: 0, end: text.length }, source };
}
