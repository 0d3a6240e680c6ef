// The embedded Store engine: one SQLite file (WAL), FTS5 with BM25. Open it with openStore().
import type Database from 'better-sqlite3';
import type { DocumentInput, SearchOptions, Store, StoreStats, UpsertResult } from '../contracts.js';
import type { Passage, SearchHit, Source, SourceKind } from '../model.js';
import { VerityError, quote } from '../errors.js';
import { contentHash, parsePassageId, passageId } from './content-hash.js';
import { buildMatchExpression } from './fts-query.js';
import { sqliteError } from './sqlite-errors.js';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 10_000;

interface SourceRow {
  rowid: number;
  id: string;
  uri: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  retrieved_at: string;
  kind: string;
  language: string | null;
  license: string | null;
  text_length: number;
}

interface PassageRow {
  rowid: number;
  source_id: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

type HitRow = PassageRow & { score: number } & { [K in keyof SourceRow as `s_${K}`]: SourceRow[K] };

const SOURCE_COLUMNS = 'rowid, id, uri, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length';
const HIT_COLUMNS =
  'p.rowid AS rowid, s.id AS source_id, p.ordinal AS ordinal, p.start AS start, p."end" AS "end", p.text AS text, ' +
  SOURCE_COLUMNS.split(', ')
    .map((c) => `s.${c} AS s_${c}`)
    .join(', ');

function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    uri: r.uri,
    title: r.title,
    publisher: r.publisher,
    author: r.author,
    publishedAt: r.published_at,
    retrievedAt: r.retrieved_at,
    kind: r.kind as SourceKind,
    language: r.language,
    license: r.license,
    textLength: r.text_length,
  };
}

function toPassage(r: PassageRow): Passage {
  return { id: passageId(r.source_id, r.ordinal), sourceId: r.source_id, ordinal: r.ordinal, text: r.text, start: r.start, end: r.end };
}

function hitSource(r: HitRow): Source {
  return toSource({
    rowid: r.s_rowid,
    id: r.s_id,
    uri: r.s_uri,
    title: r.s_title,
    publisher: r.s_publisher,
    author: r.s_author,
    published_at: r.s_published_at,
    retrieved_at: r.s_retrieved_at,
    kind: r.s_kind,
    language: r.s_language,
    license: r.s_license,
    text_length: r.s_text_length,
  });
}

/** Result of an integrity check: each list is empty on a sound database. */
export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly location: string;
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly upsertTxn: (doc: DocumentInput, id: string) => UpsertResult;
  private closed = false;

  constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
    const p = (sql: string) => db.prepare(sql);
    this.stmts = {
      sourceById: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`),
      sourceRowsByUri: p('SELECT rowid, id FROM sources WHERE uri = ?'),
      sourcesByPrefix: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id >= ? AND id < ? LIMIT 2`),
      listSources: p(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY title, id`),
      sourceText: p('SELECT text FROM sources WHERE id = ?'),
      insertSource: p(
        'INSERT INTO sources (id, uri, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length, text) ' +
          'VALUES (@id, @uri, @title, @publisher, @author, @publishedAt, @retrievedAt, @kind, @language, @license, @textLength, @text)',
      ),
      insertPassage: p('INSERT INTO passages (source_rowid, ordinal, start, "end", text) VALUES (?, ?, ?, ?, ?)'),
      insertFts: p('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)'),
      deleteFtsOfSource: p(
        "INSERT INTO passages_fts (passages_fts, rowid, text) SELECT 'delete', rowid, text FROM passages WHERE source_rowid = ?",
      ),
      deletePassagesOfSource: p('DELETE FROM passages WHERE source_rowid = ?'),
      deleteSource: p('DELETE FROM sources WHERE rowid = ?'),
      passageCount: p('SELECT count(*) AS n FROM passages WHERE source_rowid = ?'),
      passagesOfSource: p(
        'SELECT p.rowid, s.id AS source_id, p.ordinal, p.start, p."end", p.text FROM passages p JOIN sources s ON s.rowid = p.source_rowid WHERE s.id = ? ORDER BY p.ordinal',
      ),
      passageBySourceRowid: p(
        'SELECT p.rowid, s.id AS source_id, p.ordinal, p.start, p."end", p.text FROM passages p JOIN sources s ON s.rowid = p.source_rowid WHERE p.source_rowid = ? AND p.ordinal = ?',
      ),
      search: p(
        `SELECT ${HIT_COLUMNS}, h.score AS score FROM (SELECT rowid, rank AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?) h ` +
          'JOIN passages p ON p.rowid = h.rowid JOIN sources s ON s.rowid = p.source_rowid ORDER BY h.score, p.rowid',
      ),
      searchIn: p(
        `SELECT ${HIT_COLUMNS}, f.rank AS score FROM passages_fts f JOIN passages p ON p.rowid = f.rowid JOIN sources s ON s.rowid = p.source_rowid ` +
          'WHERE passages_fts MATCH ? AND s.id IN (SELECT value FROM json_each(?)) ORDER BY f.rank, p.rowid LIMIT ?',
      ),
      stats: p('SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM passages) AS passages'),
      sourceIds: p('SELECT id FROM sources ORDER BY id'),
    };
    this.upsertTxn = db.transaction((doc: DocumentInput, id: string) => this.upsertLocked(doc, id)).immediate as unknown as (
      doc: DocumentInput,
      id: string,
    ) => UpsertResult;
  }

  private guard<T>(what: string, fn: () => T): T {
    if (this.closed) {
      throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `cannot ${what}: the store at ${quote(this.location)} is closed`, fix: 'open it again with openStore()' });
    }
    try {
      return fn();
    } catch (e) {
      throw sqliteError(e, this.location, what);
    }
  }

  async upsertDocument(doc: DocumentInput): Promise<UpsertResult> {
    validateDocument(doc);
    const id = contentHash(doc.text);
    return this.guard(`store ${quote(doc.meta.uri)}`, () => this.upsertTxn(doc, id));
  }

  private upsertLocked(doc: DocumentInput, id: string): UpsertResult {
    const s = this.stmts;
    const sameUri = s.sourceRowsByUri.all(doc.meta.uri) as { rowid: number; id: string }[];
    const existing = s.sourceById.get(id) as SourceRow | undefined;
    if (existing && sameUri.some((r) => r.id === id)) {
      return { sourceId: id, status: 'unchanged', passages: (s.passageCount.get(existing.rowid) as { n: number }).n };
    }
    for (const r of sameUri) this.deleteByRowid(r.rowid);
    const replaced = sameUri.length > 0;
    if (existing) {
      // The same text is already stored under another uri: one source, nothing new to write.
      return { sourceId: id, status: replaced ? 'replaced' : 'unchanged', passages: (s.passageCount.get(existing.rowid) as { n: number }).n };
    }
    this.assertPrefixFree(id);
    const m = doc.meta;
    const info = s.insertSource.run({
      id,
      uri: m.uri,
      title: m.title,
      publisher: m.publisher,
      author: m.author,
      publishedAt: m.publishedAt,
      retrievedAt: doc.retrievedAt,
      kind: m.kind,
      language: m.language,
      license: m.license,
      textLength: doc.text.length,
      text: doc.text,
    });
    const sourceRowid = Number(info.lastInsertRowid);
    let ordinal = 0;
    for (const span of doc.passages) {
      const text = doc.text.slice(span.start, span.end);
      const prow = s.insertPassage.run(sourceRowid, ordinal, span.start, span.end, text).lastInsertRowid;
      s.insertFts.run(prow, text);
      ordinal++;
    }
    return { sourceId: id, status: replaced ? 'replaced' : 'added', passages: ordinal };
  }

  /** Passage ids use a 16-hex prefix of the source id; refuse the (astronomically rare) clash. */
  private assertPrefixFree(id: string): void {
    const prefix = id.slice(0, 16);
    const clash = this.stmts.sourcesByPrefix.all(prefix, `${prefix}g`) as SourceRow[];
    if (clash.length > 0) {
      throw new VerityError({
        code: 'INTERNAL',
        component: 'store',
        problem: `source ${id} shares its passage-id prefix ${prefix} with source ${clash[0]?.id ?? '?'}`,
        fix: 'report this; passage ids would be ambiguous',
      });
    }
  }

  private deleteByRowid(rowid: number): void {
    const s = this.stmts;
    s.deleteFtsOfSource.run(rowid);
    s.deletePassagesOfSource.run(rowid);
    s.deleteSource.run(rowid);
  }

  async removeSource(id: string): Promise<boolean> {
    return this.guard(`remove source ${quote(id)}`, () =>
      this.db.transaction(() => {
        const row = this.stmts.sourceById.get(id) as SourceRow | undefined;
        if (!row) return false;
        this.deleteByRowid(row.rowid);
        return true;
      }).immediate(),
    );
  }

  async listSources(): Promise<Source[]> {
    return this.guard('list sources', () => (this.stmts.listSources.all() as SourceRow[]).map(toSource));
  }

  async getSource(id: string): Promise<Source | null> {
    return this.guard(`read source ${quote(id)}`, () => {
      const row = this.stmts.sourceById.get(id) as SourceRow | undefined;
      return row ? toSource(row) : null;
    });
  }

  async getSourceText(id: string): Promise<string | null> {
    return this.guard(`read source ${quote(id)}`, () => (this.stmts.sourceText.get(id) as { text: string } | undefined)?.text ?? null);
  }

  async getPassages(sourceId: string): Promise<Passage[]> {
    return this.guard(`read passages of ${quote(sourceId)}`, () => (this.stmts.passagesOfSource.all(sourceId) as PassageRow[]).map(toPassage));
  }

  async getPassage(id: string): Promise<Passage | null> {
    const parsed = parsePassageId(id);
    if (!parsed) return null;
    return this.guard(`read passage ${quote(id)}`, () => {
      const sources = this.stmts.sourcesByPrefix.all(parsed.prefix, `${parsed.prefix}g`) as SourceRow[];
      const src = sources[0];
      if (!src || sources.length > 1) return null;
      const row = this.stmts.passageBySourceRowid.get(src.rowid, parsed.ordinal) as PassageRow | undefined;
      return row ? toPassage(row) : null;
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
      throw new VerityError({
        code: 'BAD_INPUT',
        component: 'search',
        problem: `limit ${String(limit)} is not a whole number from 1 to ${MAX_SEARCH_LIMIT}`,
        fix: `pass a limit between 1 and ${MAX_SEARCH_LIMIT}`,
      });
    }
    const match = buildMatchExpression(query);
    if (match === null) return [];
    if (options.sourceIds && options.sourceIds.length === 0) return [];
    return this.guard(`search for ${quote(query, 40)}`, () => {
      const rows = (
        options.sourceIds ? this.stmts.searchIn.all(match, JSON.stringify(options.sourceIds), limit) : this.stmts.search.all(match, limit)
      ) as HitRow[];
      return rows.map((r) => ({ score: -r.score, passage: toPassage(r), source: hitSource(r) }));
    });
  }

  async stats(): Promise<StoreStats> {
    return this.guard('count the corpus', () => this.stmts.stats.get() as StoreStats);
  }

  async snapshotId(): Promise<string> {
    return this.guard('compute the snapshot id', () => {
      const ids = (this.stmts.sourceIds.all() as { id: string }[]).map((r) => r.id);
      return contentHash(ids.join('\n'));
    });
  }

  /**
   * Checks the invariants a crash must never break: SQLite's own integrity, the FTS index
   * against the passage table, no passage without a source, passages that slice the source text.
   */
  async checkIntegrity(): Promise<IntegrityReport> {
    return this.guard('check integrity', () => {
      const problems: string[] = [];
      const ic = this.db.pragma('integrity_check', { simple: true });
      if (ic !== 'ok') problems.push(`sqlite integrity_check: ${String(ic)}`);
      // The FTS5 check against the passage table is a write-statement; a read-only connection
      // relies on integrity_check above (which runs FTS5's own check in SQLite >= 3.44).
      if (!this.db.readonly) {
        try {
          this.db.prepare("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)").run();
        } catch (e) {
          problems.push(`fts index: ${(e as Error).message}`);
        }
      }
      const orphans = this.db.prepare('SELECT count(*) AS n FROM passages p LEFT JOIN sources s ON s.rowid = p.source_rowid WHERE s.rowid IS NULL').get() as { n: number };
      if (orphans.n > 0) problems.push(`${orphans.n} passages have no source`);
      const sources = this.db.prepare('SELECT rowid, id, text FROM sources').iterate() as IterableIterator<{ rowid: number; id: string; text: string }>;
      const passages = this.db.prepare('SELECT ordinal, start, "end", text FROM passages WHERE source_rowid = ? ORDER BY ordinal');
      for (const src of sources) {
        for (const p of passages.all(src.rowid) as { ordinal: number; start: number; end: number; text: string }[]) {
          if (src.text.slice(p.start, p.end) !== p.text) problems.push(`passage ${p.ordinal} of ${src.id} does not slice back onto its source text`);
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

function validateDocument(doc: DocumentInput): void {
  const bad = (problem: string, fix: string): VerityError => new VerityError({ code: 'BAD_INPUT', component: 'store', problem, fix });
  if (typeof doc.text !== 'string' || doc.text.length === 0) throw bad(`document ${quote(doc.meta.uri)} has no text`, 'pass the document text');
  if (!doc.meta.uri) throw bad('document has an empty uri', 'give every document a uri (file path or URL)');
  for (const [i, p] of doc.passages.entries()) {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.start < 0 || p.end <= p.start || p.end > doc.text.length) {
      throw bad(`passage ${i} of ${quote(doc.meta.uri)} has offsets ${p.start}..${p.end} outside the text (length ${doc.text.length})`, 'pass spans with 0 <= start < end <= text.length');
    }
  }
}
