// The embedded Store engine: one SQLite file (WAL), FTS5 with BM25. Open it with openStore().
// Layout and the reasons for it: see schema.ts. Writes: sqlite-writer.ts; ranked search:
// sqlite-search.ts; rows and passage offsets: sqlite-rows.ts; statements: sqlite-statements.ts.
import { bestMatchByKey } from '../source-row.js';
import type Database from 'better-sqlite3';
import type { DocumentInput, IntegrityReport, SearchOptions, Store, StoreStats, UpsertResult } from '../../contracts.js';
import type { Passage, SearchHit, Source } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { EMPTY_DIGEST, contentHash, parsePassageId, snapshotIdOf, xorHex } from '../content-hash.js';
import { checkDocumentInput } from '../document-checks.js';
import { prepareBatch, type PreparedDocument } from '../prepare-batch.js';
import { searchLimit } from '../search-limit.js';
import { sqliteError } from './sqlite-errors.js';
import { uriKey } from '../../text/url-key.js';
import { decodeOffsets, rowsOf, toPassage, toSource, type PassageRow, type SourceRow } from './sqlite-rows.js';
import { prepareStatements, type Statements } from './sqlite-statements.js';
import { RefusedBeforeWrite, SqliteWriter } from './sqlite-writer.js';
import { SqliteSearch } from './sqlite-search.js';
import { queryTerms } from './fts-query.js';

export { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../search-limit.js';

export type { IntegrityReport };

type Prepared = PreparedDocument | VerityError;

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly location: string;
  private readonly db: Database.Database;
  private readonly stmts: Statements;
  private readonly writer: SqliteWriter;
  private readonly searcher: SqliteSearch;
  private readonly upsertTxn: (doc: DocumentInput, id: string) => UpsertResult;
  private readonly batchTxn: (items: Prepared[]) => (UpsertResult | VerityError)[];
  private closed = false;

  constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
    this.stmts = prepareStatements(db);
    const writer = new SqliteWriter(this.stmts);
    this.writer = writer;
    this.searcher = new SqliteSearch(this.stmts);
    this.upsertTxn = db.transaction((doc: DocumentInput, id: string) => {
      writer.begin();
      return writer.upsertLocked(doc, id);
    }).immediate as unknown as (doc: DocumentInput, id: string) => UpsertResult;
    // No savepoint per document: FTS5 flushes its pending index data at every savepoint, which
    // would undo the point of batching. upsertLocked does all its checks before its first
    // write, so a refused document leaves nothing behind; a failure after a write (disk, lock)
    // throws and rolls the whole batch back.
    this.batchTxn = db.transaction((items: Prepared[]) => {
      writer.begin();
      return items.map((item) => {
        if (item instanceof VerityError) return item;
        try {
          return writer.upsertLocked(item.doc, item.id);
        } catch (e) {
          if (e instanceof RefusedBeforeWrite) return e.error;
          throw e;
        }
      });
    }).immediate as unknown as (items: Prepared[]) => (UpsertResult | VerityError)[];
  }

  private guard<T>(what: string, fn: () => T): T {
    if (this.closed) {
      throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `cannot ${what}: the store at ${quote(this.location)} is closed`, fix: 'open it again with openStore()' });
    }
    try {
      return fn();
    } catch (e) {
      if (e instanceof RefusedBeforeWrite) throw e.error;
      throw sqliteError(e, this.location, what);
    }
  }

  async upsertDocument(doc: DocumentInput): Promise<UpsertResult> {
    checkDocumentInput(doc);
    const id = contentHash(doc.text);
    return this.guard(`store ${quote(doc.meta.uri)}`, () => this.upsertTxn(doc, id));
  }

  /**
   * Upserts many documents in one transaction: far faster than one transaction each, because
   * FTS5 writes an index segment per commit. Each document is still all-or-nothing: one that
   * is refused comes back as an error in its slot and leaves nothing behind; a crash loses the
   * whole batch, never part of a document.
   */
  async upsertDocuments(docs: readonly DocumentInput[]): Promise<(UpsertResult | VerityError)[]> {
    const prepared = prepareBatch(docs, checkDocumentInput);
    return this.guard(`store ${docs.length} documents`, () => this.batchTxn(prepared));
  }

  /** A source row as a Source with its aliases. */
  private withAliasesOf(row: SourceRow): Source {
    const aliases = (this.stmts.aliasesOf.all(row.rowid) as { uri: string }[]).map((r) => r.uri);
    const source = toSource(row);
    return aliases.length > 0 ? { ...source, aliases } : source;
  }

  async findSourcesByUri(uris: readonly string[]): Promise<Map<string, Source>> {
    const found = new Map<string, Source>();
    if (uris.length === 0) return found;
    return this.guard(`look up ${uris.length} addresses`, () => {
      const keys = JSON.stringify([...new Set(uris.map(uriKey))]);
      const rows = this.stmts.byUriKeys.all(keys, keys) as (SourceRow & { k: string; primary_match: number })[];
      const best = bestMatchByKey(rows);
      const sources = new Map<number, Source>();
      for (const uri of uris) {
        const r = best.get(uriKey(uri));
        if (!r) continue;
        let src = sources.get(r.rowid);
        if (!src) {
          src = this.withAliasesOf(r);
          sources.set(r.rowid, src);
        }
        found.set(uri, src);
      }
      return found;
    });
  }

  async removeSource(id: string): Promise<boolean> {
    return this.guard(`remove source ${quote(id)}`, () =>
      this.db.transaction(() => {
        const row = this.stmts.sourceById.get(id) as SourceRow | undefined;
        if (!row) return false;
        this.writer.deleteByRowid(row.rowid);
        return true;
      }).immediate(),
    );
  }

  async listSources(): Promise<Source[]> {
    return this.guard('list sources', () => {
      const aliases = new Map<number, string[]>();
      for (const r of this.stmts.allAliases.all() as { source_rowid: number; uri: string }[]) {
        const list = aliases.get(r.source_rowid);
        if (list) list.push(r.uri);
        else aliases.set(r.source_rowid, [r.uri]);
      }
      return (this.stmts.listSources.all() as SourceRow[]).map((row) => {
        const list = aliases.get(row.rowid);
        return list ? { ...toSource(row), aliases: list } : toSource(row);
      });
    });
  }

  async getSource(id: string): Promise<Source | null> {
    return this.guard(`read source ${quote(id)}`, () => {
      const row = this.stmts.sourceById.get(id) as SourceRow | undefined;
      return row ? this.withAliasesOf(row) : null;
    });
  }

  async getSourceText(id: string): Promise<string | null> {
    return this.guard(`read source ${quote(id)}`, () => this.readText(id));
  }

  private readText(id: string): string | null {
    const row = this.stmts.sourceTextRow.get(id) as
      | { text_mode: string; text: string; tail: string | null; gaps: string | null; passage_first: number; passage_count: number; passage_offsets: string }
      | undefined;
    if (!row) return null;
    if (row.text_mode !== 'passages') return row.text;
    const offsets = decodeOffsets(row.passage_offsets);
    const gaps = row.gaps ?? '';
    const parts: string[] = [];
    let prevEnd = 0;
    let at = 0;
    for (const [k, p] of (rowsOf(this.stmts.passageText, row.passage_first, row.passage_count) as { text: string }[]).entries()) {
      const start = offsets[2 * k] ?? prevEnd;
      parts.push(gaps.slice(at, at + start - prevEnd), p.text);
      at += start - prevEnd;
      prevEnd = offsets[2 * k + 1] ?? start;
    }
    parts.push(row.tail ?? '');
    return parts.join('');
  }

  async getPassages(sourceId: string): Promise<Passage[]> {
    return this.guard(`read passages of ${quote(sourceId)}`, () => {
      const src = this.stmts.sourceById.get(sourceId) as SourceRow | undefined;
      if (!src || src.passage_count === 0) return [];
      const layout = { passage_first: src.passage_first, passage_offsets: (this.stmts.offsetsByRowid.get(src.rowid) as { passage_offsets: string }).passage_offsets };
      const offsets = decodeOffsets(layout.passage_offsets);
      return (rowsOf(this.stmts.passageRow, src.passage_first, src.passage_count) as PassageRow[]).map((r) => toPassage(src.id, r, layout, offsets));
    });
  }

  async getPassage(id: string): Promise<Passage | null> {
    const parsed = parsePassageId(id);
    if (!parsed) return null;
    return this.guard(`read passage ${quote(id)}`, () => {
      const sources = this.stmts.sourcesByPrefix.all(parsed.prefix, `${parsed.prefix}g`) as SourceRow[];
      const src = sources[0];
      if (!src || sources.length > 1 || parsed.ordinal >= src.passage_count) return null;
      const row = this.stmts.passageAt.get(src.passage_first + parsed.ordinal) as PassageRow | undefined;
      if (!row) return null;
      const offsets = (this.stmts.offsetsByRowid.get(src.rowid) as { passage_offsets: string }).passage_offsets;
      return toPassage(src.id, row, { passage_first: src.passage_first, passage_offsets: offsets });
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = searchLimit(options);
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    if (options.sourceIds && options.sourceIds.length === 0) return [];
    return this.guard(`search for ${quote(query, 40)}`, () => this.searcher.search(terms, options, limit));
  }

  /** The corpus row (schema.ts: kept by triggers, so this is one row read at any size). */
  private corpus() {
    return this.searcher.corpus();
  }


  async stats(): Promise<StoreStats> {
    return this.guard('count the corpus', () => {
      const r = this.corpus();
      return { sources: r.sources, passages: r.passages };
    });
  }

  async snapshotId(): Promise<string> {
    return this.guard('read the snapshot id', () => {
      const r = this.corpus();
      return snapshotIdOf(r.sources, r.digest);
    });
  }

  /**
   * Checks the invariants a crash must never break: SQLite's own integrity (including the FTS5
   * index), every passage row owned by exactly one source's range, every source's text whole
   * (right length and hash) and every passage slicing back onto it.
   */
  async checkIntegrity(): Promise<IntegrityReport> {
    return this.guard('check integrity', () => {
      const problems: string[] = [];
      const ic = this.db.pragma('integrity_check', { simple: true });
      if (ic !== 'ok') problems.push(`sqlite integrity_check: ${String(ic)}`);
      if (!this.db.readonly) {
        try {
          this.db.prepare("INSERT INTO passages (passages, rank) VALUES ('integrity-check', 1)").run();
        } catch (e) {
          problems.push(`fts index: ${(e as Error).message}`);
        }
      }
      const owned = this.db.prepare('SELECT coalesce(sum(passage_count), 0) AS n FROM sources').get() as { n: number };
      const rows = this.db.prepare('SELECT count(*) AS n FROM passages_content').get() as { n: number };
      if (owned.n !== rows.n) problems.push(`${rows.n} passage rows but sources account for ${owned.n}`);
      const counted = this.corpus();
      const ids = this.stmts.sourceIds.all() as { id: string }[];
      const digest = ids.reduce((acc, r) => xorHex(acc, r.id), EMPTY_DIGEST);
      if (counted.sources !== ids.length || counted.passages !== owned.n || counted.digest !== digest) {
        problems.push(`corpus_meta says ${counted.sources} sources, ${counted.passages} passages, digest ${counted.digest.slice(0, 12)}; the tables hold ${ids.length}, ${owned.n}, ${digest.slice(0, 12)}`);
      }
      const orphans = this.db.prepare('SELECT count(*) AS n FROM source_aliases WHERE source_rowid NOT IN (SELECT rowid FROM sources)').get() as { n: number };
      if (orphans.n > 0) problems.push(`${orphans.n} aliases belong to no source`);
      const sources = this.stmts.listSources.all() as SourceRow[];
      for (const src of sources) {
        const text = this.readText(src.id) ?? '';
        if (text.length !== src.text_length) problems.push(`source ${src.id} text has length ${text.length}, not ${src.text_length}`);
        else if (contentHash(text) !== src.id) problems.push(`source ${src.id} text does not hash to its id`);
        const passages = src.passage_count > 0 ? (this.db.prepare('SELECT rowid, source_rowid, text FROM passages WHERE rowid BETWEEN ? AND ?').all(src.passage_first, src.passage_first + src.passage_count - 1) as (PassageRow & { source_rowid: number })[]) : [];
        if (passages.length !== src.passage_count) problems.push(`source ${src.id} has ${passages.length} of its ${src.passage_count} passages`);
        const offsets = decodeOffsets((this.stmts.offsetsByRowid.get(src.rowid) as { passage_offsets: string }).passage_offsets);
        if (offsets.length !== 2 * src.passage_count || offsets.some((x) => !Number.isInteger(x))) problems.push(`source ${src.id} has ${offsets.length} passage offsets for its ${src.passage_count} passages`);
        for (const p of passages) {
          const ordinal = p.rowid - src.passage_first;
          if (p.source_rowid !== src.rowid) problems.push(`passage row ${p.rowid} is not passage ${ordinal} of ${src.id}`);
          if (text.slice(offsets[2 * ordinal], offsets[2 * ordinal + 1]) !== p.text) problems.push(`passage ${ordinal} of ${src.id} does not slice back onto its source text`);
        }
      }
      return { ok: problems.length === 0, problems };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
