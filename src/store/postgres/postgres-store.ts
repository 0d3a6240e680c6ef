// The at-scale Store engine: PostgreSQL, tsvector + GIN, ranked with ts_rank_cd. Open it with
// openPostgresStore(url). Layout and migrations: postgres-schema.ts, postgres-migrate.ts; writes:
// postgres-write.ts; ranked search: postgres-search.ts; rows: postgres-rows.ts. The `pg` package
// is loaded only when a PostgreSQL store is opened.
import { bestMatchByKey } from '../source-row.js';
import { uriKey } from '../../text/url-key.js';
import type { Pool, PoolClient } from 'pg';
import type { DocumentInput, SearchOptions, Store, StoreStats, UpsertResult } from '../../contracts.js';
import type { Passage, SearchHit, Source } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { EMPTY_DIGEST, contentHash, parsePassageId, snapshotIdOf, xorHex } from '../content-hash.js';
import { checkDocument, decodeText } from './postgres-document-checks.js';
import { isConnectionFailure, maskUrl, postgresError } from './postgres-errors.js';
import { SCHEMA_NAME, searchConfig } from './postgres-schema.js';
import { searchTerms } from './postgres-search-text.js';
import { prepareBatch, type PreparedDocument } from '../prepare-batch.js';
import { searchLimit } from '../search-limit.js';
import { PASSAGE_COLUMNS, SOURCE_COLUMNS, SOURCE_ID, bitsToHex, toPassage, toSource, withAliasList, type PassageRow, type SourceRow } from './postgres-rows.js';
import { PostgresWriter, lockKey } from './postgres-write.js';
import { PostgresSearch, type CorpusCounts } from './postgres-search.js';
import { migrate } from './postgres-migrate.js';

export interface PostgresStoreOptions {
  /**
   * The PostgreSQL schema holding Verity's tables, created when missing. Default: the URL's
   * `?schema=` parameter, else "verity". Lower-case letters, digits and "_".
   */
  schema?: string;
  /** Most connections this store holds at once (default 4). */
  poolSize?: number;
  /** Give up connecting after this many milliseconds (default 10 000). */
  connectTimeoutMs?: number;
  /** application_name of the connections, shown in pg_stat_activity (default "verity"). */
  applicationName?: string;
  /**
   * Open for reading only: the corpus must exist at this build's schema version (nothing is
   * created or migrated), and writes are refused with DB_READONLY.
   */
  readonly?: boolean;
}

export const DEFAULT_PG_SCHEMA = 'verity';

/** Integrity check result, as SqliteStore.checkIntegrity gives. */
export interface PostgresIntegrityReport {
  ok: boolean;
  problems: string[];
}

export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly location: string;
  readonly schema: string;
  private readonly pool: Pool;
  /** The schema, quoted for SQL (validated against SCHEMA_NAME, so quoting is all it needs). */
  private readonly S: string;
  private readonly cfg: string;
  private closed = false;
  private readonly writer: PostgresWriter;
  private readonly searcher: PostgresSearch;

  readonly readonly: boolean;

  constructor(pool: Pool, schema: string, location: string, readonly = false) {
    this.pool = pool;
    this.readonly = readonly;
    this.schema = schema;
    this.location = location;
    this.S = `"${schema}"`;
    this.cfg = searchConfig(schema);
    this.writer = new PostgresWriter(schema, this.cfg);
    this.searcher = new PostgresSearch(schema, this.cfg, (q) => this.corpus(q));
  }

  private assertOpen(what: string): void {
    if (this.closed) {
      throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `cannot ${what}: the store at ${quote(this.location)} is closed`, fix: 'open it again with openPostgresStore()' });
    }
  }

  /**
   * Runs reads outside a transaction (each statement is atomic on its own). A read that fails
   * because its pooled connection had died (server restart, idle timeout) is tried once more on
   * a fresh connection; reads have no effects, so this is safe.
   */
  private async read<T>(what: string, fn: (q: Pool) => Promise<T>): Promise<T> {
    this.assertOpen(what);
    try {
      return await fn(this.pool);
    } catch (first) {
      if (!isConnectionFailure(first) || this.closed) throw postgresError(first, this.location, what);
      try {
        return await fn(this.pool);
      } catch (e) {
        throw postgresError(e, this.location, what);
      }
    }
  }

  /** Runs `fn` in one transaction on one connection; rolls back on any failure. Only writes use it. */
  private async transaction<T>(what: string, fn: (c: PoolClient) => Promise<T>): Promise<T> {
    this.assertOpen(what);
    if (this.readonly) {
      throw new VerityError({ code: 'DB_READONLY', component: 'store', problem: `cannot ${what}: the corpus at ${quote(this.location, 160)} is opened read-only`, fix: 'open it without readonly to write' });
    }
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw postgresError(e, this.location, what);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is gone; the server rolls back on its own. Do not reuse the client.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw postgresError(e, this.location, what);
    } finally {
      client.release(broken);
    }
  }

  async upsertDocument(doc: DocumentInput): Promise<UpsertResult> {
    checkDocument(doc);
    const id = contentHash(doc.text);
    const [result] = await this.transaction(`store ${quote(doc.meta.uri)}`, (c) => this.writer.upsertMany(c, [{ doc, id }]));
    if (result instanceof VerityError) throw result;
    if (result === undefined) throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `no result for ${quote(doc.meta.uri)}`, fix: 'this is a bug in Verity; please report it' });
    return result;
  }

  /**
   * Upserts many documents in one transaction, with a handful of statements for the whole
   * batch. Each document is still all-or-nothing: one that is refused comes back as an error in
   * its slot and leaves nothing behind; a failure of the connection or the server rolls the
   * whole batch back and throws. Results are those of upserting the documents one by one, in order.
   */
  async upsertDocuments(docs: readonly DocumentInput[]): Promise<(UpsertResult | VerityError)[]> {
    const prepared = prepareBatch(docs, checkDocument);
    const ready = prepared.filter((p): p is PreparedDocument => !(p instanceof VerityError));
    if (ready.length === 0) return prepared as VerityError[];
    const results = await this.transaction(`store ${docs.length} documents`, (c) => this.writer.upsertMany(c, ready));
    let k = 0;
    return prepared.map((p) => (p instanceof VerityError ? p : (results[k++] as UpsertResult | VerityError)));
  }


  async removeSource(id: string): Promise<boolean> {
    if (!SOURCE_ID.test(id)) {
      this.assertOpen(`remove source ${quote(id)}`);
      return false;
    }
    return this.transaction(`remove source ${quote(id)}`, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(lockKey(this.schema, 'id', id))]);
      const r = await c.query(`DELETE FROM ${this.S}.sources WHERE id = $1`, [id]);
      return (r.rowCount ?? 0) > 0;
    });
  }

  async listSources(): Promise<Source[]> {
    return this.read('list sources', async (q) => {
      const rows = (await q.query<SourceRow>(`SELECT ${SOURCE_COLUMNS.join(', ')} FROM ${this.S}.sources ORDER BY title, id`)).rows;
      const aliases = await this.aliasesOf(q, null);
      return rows.map((r) => withAliasList(toSource(r), aliases.get(r.id)));
    });
  }

  /** Aliases by source id, sorted: of `ids`, or of every source when null. */
  private async aliasesOf(q: Pool, ids: readonly string[] | null): Promise<Map<string, string[]>> {
    const S = this.S;
    const rows = (
      ids === null
        ? await q.query<{ source_id: string; uri: string }>(`SELECT source_id, uri FROM ${S}.source_aliases ORDER BY source_id, uri`)
        : await q.query<{ source_id: string; uri: string }>(`SELECT source_id, uri FROM ${S}.source_aliases WHERE source_id = ANY($1::text[]) ORDER BY source_id, uri`, [ids])
    ).rows;
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.source_id);
      if (list) list.push(r.uri);
      else out.set(r.source_id, [r.uri]);
    }
    return out;
  }

  async findSourcesByUri(uris: readonly string[]): Promise<Map<string, Source>> {
    const found = new Map<string, Source>();
    if (uris.length === 0) return this.read('look up addresses', async () => found);
    return this.read(`look up ${uris.length} addresses`, async (q) => {
      const S = this.S;
      const keys = [...new Set(uris.map(uriKey))];
      const cols = SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ');
      const rows = (
        await q.query<SourceRow & { k: string; primary_match: number }>(
          `SELECT ${cols}, s.uri_key AS k, 1 AS primary_match FROM ${S}.sources s WHERE s.uri_key = ANY($1::text[]) ` +
            `UNION ALL SELECT ${cols}, a.uri_key AS k, 0 AS primary_match FROM ${S}.source_aliases a JOIN ${S}.sources s ON s.id = a.source_id WHERE a.uri_key = ANY($1::text[])`,
          [keys],
        )
      ).rows;
      const best = bestMatchByKey(rows);
      const aliases = await this.aliasesOf(q, [...new Set([...best.values()].map((r) => r.id))]);
      const sources = new Map<string, Source>();
      for (const uri of uris) {
        const r = best.get(uriKey(uri));
        if (!r) continue;
        let src = sources.get(r.id);
        if (!src) {
          src = withAliasList(toSource(r), aliases.get(r.id));
          sources.set(r.id, src);
        }
        found.set(uri, src);
      }
      return found;
    });
  }

  async getSource(id: string): Promise<Source | null> {
    const what = `read source ${quote(id)}`;
    if (!SOURCE_ID.test(id)) return this.read(what, async () => null);
    return this.read(what, async (q) => {
      const row = (await q.query<SourceRow>(`SELECT ${SOURCE_COLUMNS.join(', ')} FROM ${this.S}.sources WHERE id = $1`, [id])).rows[0];
      return row ? withAliasList(toSource(row), (await this.aliasesOf(q, [id])).get(id)) : null;
    });
  }

  async getSourceText(id: string): Promise<string | null> {
    const what = `read source ${quote(id)}`;
    if (!SOURCE_ID.test(id)) return this.read(what, async () => null);
    return this.read(what, async (q) => {
      const row = (await q.query<{ text: string; text_json: boolean }>(`SELECT text, text_json FROM ${this.S}.sources WHERE id = $1`, [id])).rows[0];
      return row ? decodeText(row.text, row.text_json) : null;
    });
  }

  async getPassages(sourceId: string): Promise<Passage[]> {
    const what = `read passages of ${quote(sourceId)}`;
    if (!SOURCE_ID.test(sourceId)) return this.read(what, async () => []);
    return this.read(what, async (q) => (await q.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM ${this.S}.passages WHERE source_id = $1 ORDER BY ordinal`, [sourceId])).rows.map(toPassage));
  }

  async getPassage(id: string): Promise<Passage | null> {
    const what = `read passage ${quote(id)}`;
    const parsed = parsePassageId(id);
    if (!parsed) return this.read(what, async () => null);
    return this.read(what, async (q) => {
      const rows = (await q.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM ${this.S}.passages WHERE source_id >= $1 AND source_id < $2 AND ordinal = $3 LIMIT 2`, [parsed.prefix, `${parsed.prefix}g`, parsed.ordinal])).rows;
      const row = rows[0];
      return row && rows.length === 1 ? toPassage(row) : null;
    });
  }
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = searchLimit(options);
    const what = `search for ${quote(query, 40)}`;
    const allTerms = searchTerms(query);
    const ids = options.sourceIds?.filter((i) => SOURCE_ID.test(i));
    if (allTerms.length === 0 || (ids && ids.length === 0)) return this.read(what, async () => []);
    return this.read(what, (q) => this.searcher.search(q, allTerms, ids, options, limit));
  }

  /**
   * Refreshes the word statistics search weighs terms by (ANALYZE of the passages table).
   * PostgreSQL's autovacuum does this on its own after enough writes; call it after a large
   * ingest to rank with up-to-date weights at once.
   */
  async refreshStatistics(): Promise<void> {
    await this.read('refresh search statistics', async (q) => {
      await q.query(`ANALYZE ${this.S}.passages`);
      this.searcher.forgetAverage();
    });
  }

  /** The corpus row (postgres-schema.ts: kept by triggers, so this is one row read at any size). */
  private async corpus(q: Pool): Promise<CorpusCounts> {
    const row = (await q.query<{ sources: string; passages: string; digest: string }>(`SELECT sources, passages, digest::text AS digest FROM ${this.S}.corpus_meta`)).rows[0];
    if (!row) throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `the corpus at ${quote(this.location, 160)} has no corpus_meta row`, fix: 'this is a bug in Verity or a hand-edited schema; re-ingest into a new schema' });
    return { sources: Number(row.sources), passages: Number(row.passages), digest: bitsToHex(row.digest) };
  }

  async stats(): Promise<StoreStats> {
    return this.read('count the corpus', async (q) => {
      const r = await this.corpus(q);
      return { sources: r.sources, passages: r.passages };
    });
  }

  /** From the corpus row: the same value the SQLite engine gives (content-hash.ts snapshotIdOf). */
  async snapshotId(): Promise<string> {
    return this.read('read the snapshot id', async (q) => {
      const r = await this.corpus(q);
      return snapshotIdOf(r.sources, r.digest);
    });
  }

  /**
   * Checks the invariants a crash must never break: every source's text whole (length and hash),
   * its passage rows all there and each slicing back onto the text, and no passage without a
   * source. Reads the whole corpus: for tests and repair, not for every request.
   */
  async checkIntegrity(): Promise<PostgresIntegrityReport> {
    return this.read('check integrity', async (q) => {
      const problems: string[] = [];
      const orphans = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.S}.passages p WHERE NOT EXISTS (SELECT 1 FROM ${this.S}.sources s WHERE s.id = p.source_id)`)).rows[0]?.n ?? 0;
      if (orphans > 0) problems.push(`${orphans} passage rows belong to no source`);
      const sources = (await q.query<{ id: string; text: string; text_json: boolean; text_length: number; passage_count: number }>(`SELECT id, text, text_json, text_length, passage_count FROM ${this.S}.sources ORDER BY id`)).rows;
      for (const src of sources) {
        const text = decodeText(src.text, src.text_json);
        if (text.length !== src.text_length) problems.push(`source ${src.id} text has length ${text.length}, not ${src.text_length}`);
        else if (contentHash(text) !== src.id) problems.push(`source ${src.id} text does not hash to its id`);
        const passages = (await q.query<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM ${this.S}.passages WHERE source_id = $1 ORDER BY ordinal`, [src.id])).rows;
        if (passages.length !== src.passage_count) problems.push(`source ${src.id} has ${passages.length} of its ${src.passage_count} passages`);
        for (const [i, p] of passages.entries()) {
          if (p.ordinal !== i) problems.push(`source ${src.id} has passage ${p.ordinal} where ${i} belongs`);
          if (text.slice(p.pstart, p.pend) !== decodeText(p.text, p.text_json)) problems.push(`passage ${p.ordinal} of ${src.id} does not slice back onto its source text`);
        }
      }
      const counted = await this.corpus(q);
      const digest = sources.reduce((acc, r) => xorHex(acc, r.id), EMPTY_DIGEST);
      const passages = sources.reduce((n, r) => n + r.passage_count, 0);
      if (counted.sources !== sources.length || counted.passages !== passages || counted.digest !== digest) {
        problems.push(`corpus_meta says ${counted.sources} sources, ${counted.passages} passages, digest ${counted.digest.slice(0, 12)}; the tables hold ${sources.length}, ${passages}, ${digest.slice(0, 12)}`);
      }
      return { ok: problems.length === 0, problems };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

type PgModule = typeof import('pg');

async function loadPg(): Promise<PgModule> {
  try {
    return await import('pg');
  } catch (e) {
    throw new VerityError({
      code: 'UNSUPPORTED',
      component: 'store',
      problem: `the PostgreSQL store needs the "pg" package, which cannot be loaded (${(e as Error).message})`,
      fix: 'run "npm install pg" in the Verity folder, or use the SQLite store (--db FILE)',
      cause: e,
    });
  }
}

/** Splits `?schema=` off a URL: the rest goes to the driver. */
function splitSchemaParam(url: string): { url: string; schema: string | undefined } {
  try {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    if (schema === undefined) return { url, schema };
    u.searchParams.delete('schema');
    return { url: u.toString(), schema };
  } catch {
    return { url, schema: undefined };
  }
}

/**
 * Opens (creating and migrating when needed) the corpus in PostgreSQL at `url`
 * (postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME]). Throws VerityError:
 * NOT_FOUND also when opened readonly and the schema holds no corpus;
 * USAGE (not a postgres:// URL, bad schema name), UNSUPPORTED (`pg` missing), DB_UNAVAILABLE
 * (server unreachable; retryable), DB_AUTH (login refused), NOT_FOUND (no such database),
 * DB_INVALID (the schema holds tables that are not Verity's), DB_VERSION (made by a newer
 * Verity). Messages name the URL with its password masked.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new VerityError({ code: 'USAGE', component: 'store', problem: `${quote(maskUrl(url))} is not a PostgreSQL URL`, fix: 'pass postgres://USER:PASSWORD@HOST:PORT/DATABASE' });
  }
  const split = splitSchemaParam(url);
  const schema = options.schema ?? split.schema ?? DEFAULT_PG_SCHEMA;
  const masked = maskUrl(split.url);
  if (!SCHEMA_NAME.test(schema)) {
    throw new VerityError({ code: 'USAGE', component: 'store', problem: `schema name ${quote(schema)} for ${quote(masked)} is not a plain lower-case identifier`, fix: 'use lower-case letters, digits and "_" (at most 63), starting with a letter or "_"' });
  }
  const location = `${masked}${masked.includes('?') ? '&' : '?'}schema=${schema}`;
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: split.url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'verity',
  });
  // An idle connection dropped by the server must not crash the process; the next query
  // opens a fresh one or reports the failure.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema, location, options.readonly ?? false);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw postgresError(e, location, 'open the corpus');
  }
  return new PostgresStore(pool, schema, location, options.readonly ?? false);
}

