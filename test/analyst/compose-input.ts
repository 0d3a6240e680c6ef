// A compose input built by hand from the cars corpus: one passage per document, relevance in
// document order, so the passages the LLM analyst numbers are [1] survey, [2] register,
// [3] news — what the recorded answers in test/fixtures/llm cite.
import type { ComposeInput, FacetEvidence } from '../../src/report/compose/compose-input.js';
import type { Judgement, Source, Stance } from '../../src/model.js';
import { CARS_CORPUS } from '../fixtures/llm/corpus.js';

export const CLAIM = '31 of 52 cities in Examplestan restrict cars in their centres';

export function carsComposeInput(): ComposeInput {
  const stances: Stance[] = ['supports', 'neutral', 'neutral'];
  const judgements: Judgement[] = CARS_CORPUS.map((d, i) => {
    const source: Source = {
      id: `src${i + 1}`,
      uri: d.uri,
      title: d.title,
      publisher: d.publisher,
      author: null,
      publishedAt: d.publishedAt,
      kind: d.kind,
      language: 'en',
      license: null,
      retrievedAt: '2026-01-01T00:00:00.000Z',
      textLength: d.text.length,
    };
    return {
      claim: CLAIM,
      passage: { id: `p${i + 1}`, sourceId: source.id, ordinal: 0, text: d.text, start: 0, end: d.text.length },
      source,
      stance: stances[i] ?? 'neutral',
      strength: 0.8,
      relevance: 3 - i,
      reasons: [],
    };
  });
  const verdict = { label: 'supported' as const, confidence: 0.8, reason: 'One survey states the count.', reasons: [] };
  const facet: FacetEvidence = { id: 'f1', role: 'claim', label: CLAIM, claim: CLAIM, retrieve: true, focus: [], judgements, verdict };
  return {
    input: CLAIM,
    kind: 'claim',
    facets: [facet],
    verdict,
    now: new Date('2026-01-15T12:00:00.000Z'),
    provenance: { engine: 'verity', engineVersion: '0.0.0', analyst: 'llm:m', corpusSnapshot: 'test', createdAt: '2026-01-15T12:00:00.000Z', timingsMs: {}, warnings: [] },
  };
}
