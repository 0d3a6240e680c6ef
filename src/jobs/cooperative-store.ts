// A Store seen through a running job: before each call it lets the event loop take a turn (so a
// server sharing the thread answers requests and flushes progress while a check runs) and stops
// the job with the abort reason once the job is cancelled. Reads pass through unchanged.
import type { DocumentInput, IntegrityReport, SearchOptions, Store, StoreStats, UpsertResult } from '../contracts.js';
import type { VerityError } from '../errors.js';
import type { Passage, SearchHit, Source } from '../model.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class CooperativeStore implements Store {
  readonly engine: string;
  readonly location: string;

  constructor(
    private readonly inner: Store,
    private readonly signal: AbortSignal,
  ) {
    this.engine = inner.engine;
    this.location = inner.location;
  }

  private async gate(): Promise<void> {
    await turn();
    this.signal.throwIfAborted();
  }

  async upsertDocument(doc: DocumentInput): Promise<UpsertResult> {
    await this.gate();
    return this.inner.upsertDocument(doc);
  }
  async upsertDocuments(docs: readonly DocumentInput[]): Promise<(UpsertResult | VerityError)[]> {
    await this.gate();
    return this.inner.upsertDocuments(docs);
  }
  async removeSource(id: string): Promise<boolean> {
    await this.gate();
    return this.inner.removeSource(id);
  }
  async listSources(): Promise<Source[]> {
    await this.gate();
    return this.inner.listSources();
  }
  async getSource(id: string): Promise<Source | null> {
    await this.gate();
    return this.inner.getSource(id);
  }
  async getSourceText(id: string): Promise<string | null> {
    await this.gate();
    return this.inner.getSourceText(id);
  }
  async findSourcesByUri(uris: readonly string[]): Promise<Map<string, Source>> {
    await this.gate();
    return this.inner.findSourcesByUri(uris);
  }
  async getPassages(sourceId: string): Promise<Passage[]> {
    await this.gate();
    return this.inner.getPassages(sourceId);
  }
  async getPassage(id: string): Promise<Passage | null> {
    await this.gate();
    return this.inner.getPassage(id);
  }
  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    await this.gate();
    return this.inner.search(query, options);
  }
  async stats(): Promise<StoreStats> {
    await this.gate();
    return this.inner.stats();
  }
  async checkIntegrity(): Promise<IntegrityReport> {
    await this.gate();
    return this.inner.checkIntegrity();
  }
  async snapshotId(): Promise<string> {
    await this.gate();
    return this.inner.snapshotId();
  }
  /** The shared store outlives the job: closing through the job's view does nothing. */
  async close(): Promise<void> {}
}
