// The at-scale Store engine: PostgreSQL, tsvector + GIN, ranked with ts_rank_cd. Open it with
// openPostgresStore(url). Layout and migrations: postgres-schema.ts. The `pg` package is loaded
// only when a PostgreSQL store is opened.
import { bestMatchByKey, sourceFromRow, type SourceColumns } from '../source-row.js';
import { cleanAliases, uriKey } from '../../text/url-key.js';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DocumentInput, SearchOptions, Store, StoreStats, UpsertResult } from '../../contracts.js';
import type { Passage, SearchHit, Source } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { ENGINE_VERSION } from '../../version.js';
import { EMPTY_DIGEST, contentHash, parsePassageId, passageId, snapshotIdOf, xorHex } from '../content-hash.js';
import { checkDocument, decodeText, encodeText } from './postgres-document-checks.js';
import { isConnectionFailure, maskUrl, postgresError } from './postgres-errors.js';
import { TermCounts, candidateCount, commonThreshold, estimatedCount, isBounded, planTerms, rescored, type BoundedSearch } from '../term-plan.js';
import { PG_APPLICATION, PG_MIGRATIONS, PG_SCHEMA_VERSION, SCHEMA_NAME, searchConfig } from './postgres-schema.js';
import { indexText, searchTerms } from './postgres-search-text.js';
import { prepareBatch, type PreparedDocument } from '../prepare-batch.js';
import { searchLimit } from '../search-limit.js';

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

interface SourceRow extends SourceColumns {
  passage_count: number;
}

interface PassageRow {
  source_id: string;
  ordinal: number;
  pstart: number;
  pend: number;
  text: string;
  text_json: boolean;
}

type HitRow = PassageRow & SourceRow & { score: number };

const SOURCE_COLUMNS = ['id', 'uri', 'title', 'publisher', 'author', 'published_at', 'retrieved_at', 'kind', 'language', 'license', 'text_length', 'passage_count'];
const PASSAGE_COLUMNS = 'source_id, ordinal, pstart, pend, text, text_json';

const toSource = (r: SourceRow): Source => sourceFromRow(r);

function toPassage(r: PassageRow): Passage {
  return { id: passageId(r.source_id, r.ordinal), sourceId: r.source_id, ordinal: r.ordinal, text: decodeText(r.text, r.text_json), start: r.pstart, end: r.pend };
}

/**
 * A passage's indexed words are cut at this many characters: PostgreSQL refuses a tsvector over
 * 1 MB. Chunked passages are far shorter; the stored text is never cut.
 */
const MAX_INDEXED_CHARS = 200_000;

/** Ids are sha256 hex; anything else (NUL, other text) cannot name a stored source. */
const SOURCE_ID = /^[0-9a-f]{64}$/;

/** A 64-bit advisory-lock key for (schema, kind, value), as a decimal string for a bigint parameter. */
function lockKey(schema: string, kind: string, value: string): bigint {
  return createHash('sha256').update(`${schema}\u0000${kind}\u0000${value}`, 'utf8').digest().readBigInt64BE(0);
}

/** BM25 parameters (as SQLite FTS5 uses), and the average passage length assumed before any is stored. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const DEFAULT_AVG_LEXEMES = 20;

/** Passages are inserted in statements of about this many characters of text. */
const PASSAGE_STATEMENT_CHARS = 4_000_000;

function emptyPassageBatch() {
  return { ids: [] as string[], ordinals: [] as number[], starts: [] as number[], ends: [] as number[], texts: [] as string[], jsons: [] as boolean[], indexed: [] as string[], chars: 0 };
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
  private avgLexemes: { value: number; at: number } | null = null;
  private readonly termCounts = new TermCounts();

  readonly readonly: boolean;

  constructor(pool: Pool, schema: string, location: string, readonly = false) {
    this.pool = pool;
    this.readonly = readonly;
    this.schema = schema;
    this.location = location;
    this.S = `"${schema}"`;
    this.cfg = searchConfig(schema);
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
    const [result] = await this.transaction(`store ${quote(doc.meta.uri)}`, (c) => this.upsertMany(c, [{ doc, id }]));
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
    const results = await this.transaction(`store ${docs.length} documents`, (c) => this.upsertMany(c, ready));
    let k = 0;
    return prepared.map((p) => (p instanceof VerityError ? p : (results[k++] as UpsertResult | VerityError)));
  }

  /**
   * The upserts of `items`, inside a transaction. Locks their uris and ids, reads every row they
   * can touch, plays the documents through in order in memory (what one-by-one upserts would do:
   * unchanged / replaced / added, later documents seeing earlier ones), then writes the net
   * effect: one DELETE, one INSERT of sources, INSERTs of passages. All checks come before the
   * first write.
   */
  private async upsertMany(c: PoolClient, items: readonly PreparedDocument[]): Promise<(UpsertResult | VerityError)[]> {
    const S = this.S;
    await this.lock(c, items);
    const uris = [...new Set(items.map((i) => i.doc.meta.uri))];
    const ids = [...new Set(items.map((i) => i.id))];
    const rows = (await c.query<{ id: string; uri: string; passage_count: number }>(`SELECT id, uri, passage_count FROM ${S}.sources WHERE uri = ANY($1::text[]) OR id = ANY($2::text[])`, [uris, ids])).rows;
    const known = new Set(rows.map((r) => r.id));
    // Passage ids use a 16-hex prefix of the source id: find stored sources that share a new id's prefix.
    const prefixes = [...new Set(ids.filter((i) => !known.has(i)).map((i) => i.slice(0, 16)))];
    const clashRows = prefixes.length === 0 ? [] : (await c.query<{ p: string; id: string }>(`SELECT p, s.id FROM unnest($1::text[]) AS p JOIN ${S}.sources s ON s.id >= p AND s.id < p || 'g'`, [prefixes])).rows;
    const clashes = new Map(clashRows.map((r) => [r.p, r.id]));

    interface Entry {
      uri: string;
      passages: number;
      /** Written by this batch (not yet in the database). */
      item?: PreparedDocument;
    }
    const byId = new Map<string, Entry>(rows.map((r) => [r.id, { uri: r.uri, passages: r.passage_count }]));
    const byUri = new Map<string, Set<string>>();
    const addUri = (uri: string, id: string): void => {
      const set = byUri.get(uri);
      if (set) set.add(id);
      else byUri.set(uri, new Set([id]));
    };
    for (const r of rows) addUri(r.uri, r.id);
    const byPrefix = new Map<string, string>(rows.map((r) => [r.id.slice(0, 16), r.id]));
    // Who holds each address key a document may record as an alias: read now, played through
    // in memory, written at the end (only the keys that changed hands).
    const aliasKeys = [...new Set(items.flatMap((i) => [i.doc.meta.uri, ...(i.doc.meta.aliases ?? [])].map(uriKey)))];
    const holders = new Map<string, string>(
      (await c.query<{ source_id: string; uri_key: string }>(`SELECT source_id, uri_key FROM ${S}.source_aliases WHERE uri_key = ANY($1::text[])`, [aliasKeys])).rows.map((r) => [r.uri_key, r.source_id]),
    );
    const moved = new Map<string, { id: string; uri: string }>();
    const addAliases = (id: string, aliases: readonly string[]): number => {
      let added = 0;
      for (const alias of aliases) {
        const key = uriKey(alias);
        if (holders.get(key) === id) continue;
        holders.set(key, id);
        moved.set(key, { id, uri: alias });
        added++;
      }
      return added;
    };
    const withAliases = (r: UpsertResult, added: number): UpsertResult => (added > 0 ? { ...r, aliasesAdded: added } : r);
    const deleteIds: string[] = [];
    const results: (UpsertResult | VerityError)[] = [];
    for (const item of items) {
      const { doc, id } = item;
      const uri = doc.meta.uri;
      const existing = byId.get(id);
      const sameUri = [...(byUri.get(uri) ?? [])];
      if (existing && existing.uri === uri) {
        results.push(withAliases({ sourceId: id, status: 'unchanged', passages: existing.passages }, addAliases(id, cleanAliases(uri, doc.meta.aliases))));
        continue;
      }
      if (!existing) {
        const prefix = id.slice(0, 16);
        const clash = clashes.get(prefix) ?? byPrefix.get(prefix);
        if (clash !== undefined) {
          results.push(new VerityError({ code: 'INTERNAL', component: 'store', problem: `source ${id} shares its passage-id prefix ${prefix} with source ${clash}`, fix: 'report this; passage ids would be ambiguous' }));
          continue;
        }
      }
      for (const otherId of sameUri) {
        if (!byId.get(otherId)?.item) deleteIds.push(otherId);
        byId.delete(otherId);
        // Its aliases go with it (ON DELETE CASCADE for stored ones; dropped here for this batch's).
        for (const [key, holder] of holders) if (holder === otherId) holders.delete(key);
        for (const [key, v] of moved) if (v.id === otherId) moved.set(key, { id: '', uri: v.uri });
        if (byPrefix.get(otherId.slice(0, 16)) === otherId) byPrefix.delete(otherId.slice(0, 16));
      }
      byUri.delete(uri);
      const replaced = sameUri.length > 0;
      if (existing) {
        // The same text is already stored under another uri: one source; the document's
        // addresses become its aliases.
        const added = addAliases(id, cleanAliases(existing.uri, [uri, ...(doc.meta.aliases ?? [])]));
        results.push(withAliases({ sourceId: id, status: replaced ? 'replaced' : 'unchanged', passages: existing.passages }, added));
        continue;
      }
      byId.set(id, { uri, passages: doc.passages.length, item });
      addUri(uri, id);
      byPrefix.set(id.slice(0, 16), id);
      const added = addAliases(id, cleanAliases(uri, doc.meta.aliases));
      results.push(withAliases({ sourceId: id, status: replaced ? 'replaced' : 'added', passages: doc.passages.length }, added));
    }

    // Checks are done; writes start here. Passages go with their source (ON DELETE CASCADE).
    if (deleteIds.length > 0) await c.query(`DELETE FROM ${S}.sources WHERE id = ANY($1::text[])`, [deleteIds]);
    const inserts = [...byId.values()].flatMap((e) => (e.item ? [e.item] : []));
    if (inserts.length > 0) await this.insertSources(c, inserts);
    if (moved.size > 0) {
      // Keys that changed hands: off their old holder, onto the new one if it still exists.
      const live = [...moved].filter(([, v]) => v.id !== '' && byId.has(v.id));
      await c.query(`DELETE FROM ${S}.source_aliases WHERE uri_key = ANY($1::text[])`, [[...moved.keys()]]);
      if (live.length > 0) {
        await c.query(`INSERT INTO ${S}.source_aliases (source_id, uri, uri_key) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [live.map(([, v]) => v.id), live.map(([, v]) => v.uri), live.map(([k]) => k)]);
      }
    }
    return results;
  }

  /**
   * Serialises writers that touch the same uri, the same text or the same address (two workers
   * ingesting the same file): transaction-scoped advisory locks, always taken in ascending key
   * order, so two batches cannot deadlock on each other.
   */
  private async lock(c: PoolClient, items: readonly PreparedDocument[]): Promise<void> {
    const keys = new Set<bigint>();
    for (const { doc, id } of items) {
      keys.add(lockKey(this.schema, 'uri', doc.meta.uri));
      keys.add(lockKey(this.schema, 'id', id));
      // Addresses the document may record as aliases (its own uri too, when its text is already
      // stored under another): two writers moving the same address take turns.
      keys.add(lockKey(this.schema, 'address', uriKey(doc.meta.uri)));
      for (const alias of doc.meta.aliases ?? []) keys.add(lockKey(this.schema, 'address', uriKey(alias)));
    }
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
    for (let i = 0; i < sorted.length; i += 500) {
      const chunk = sorted.slice(i, i + 500);
      await c.query(`SELECT ${chunk.map((_, k) => `pg_advisory_xact_lock($${k + 1}::bigint)`).join(', ')}`, chunk);
    }
  }

  /** Inserts new sources and their passages: one statement for the sources, few for the passages. */
  private async insertSources(c: PoolClient, items: readonly PreparedDocument[]): Promise<void> {
    const S = this.S;
    const col = <T>(f: (d: DocumentInput, id: string) => T): T[] => items.map((i) => f(i.doc, i.id));
    const bodies = items.map((i) => encodeText(i.doc.text));
    await c.query(
      `INSERT INTO ${S}.sources (id, uri, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length, text, text_json, passage_count, uri_key) ` +
        'SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::bool[], $14::int[], $15::text[])',
      [
        col((_, id) => id),
        col((d) => d.meta.uri),
        col((d) => d.meta.title),
        col((d) => d.meta.publisher),
        col((d) => d.meta.author),
        col((d) => d.meta.publishedAt),
        col((d) => d.retrievedAt),
        col((d) => d.meta.kind),
        col((d) => d.meta.language),
        col((d) => d.meta.license),
        col((d) => d.text.length),
        bodies.map((b) => b.text),
        bodies.map((b) => b.json),
        col((d) => d.passages.length),
        col((d) => uriKey(d.meta.uri)),
      ],
    );
    let batch = emptyPassageBatch();
    const flush = async (): Promise<void> => {
      if (batch.ordinals.length === 0) return;
      await c.query(
        `INSERT INTO ${S}.passages (source_id, ordinal, pstart, pend, text, text_json, tsv) ` +
          `SELECT u.i, u.o, u.s, u.e, u.t, u.j, to_tsvector(${this.cfg}, u.n) FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::bool[], $7::text[]) AS u(i, o, s, e, t, j, n)`,
        [batch.ids, batch.ordinals, batch.starts, batch.ends, batch.texts, batch.jsons, batch.indexed],
      );
      batch = emptyPassageBatch();
    };
    for (const { doc, id } of items) {
      for (const [ordinal, span] of doc.passages.entries()) {
        const text = doc.text.slice(span.start, span.end);
        const stored = encodeText(text);
        batch.ids.push(id);
        batch.ordinals.push(ordinal);
        batch.starts.push(span.start);
        batch.ends.push(span.end);
        batch.texts.push(stored.text);
        batch.jsons.push(stored.json);
        batch.indexed.push(indexText(text).slice(0, MAX_INDEXED_CHARS));
        batch.chars += text.length;
        if (batch.chars >= PASSAGE_STATEMENT_CHARS) await flush();
      }
    }
    await flush();
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

  /**
   * Ranked search. The query is cut into word terms (searchTerms); each becomes a tsquery through
   * plainto_tsquery (a bound parameter, never parsed as tsquery syntax) and the terms are OR-ed;
   * the GIN index finds the passages holding any of them. Score (higher is better): BM25 with
   * term frequency taken as 1 — the sum of the matched terms' idf, from PostgreSQL's statistics
   * of the tsvector column, normalised by passage length (distinct lexemes) against the corpus
   * average. Ties by source id and ordinal, so results are reproducible.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const limit = searchLimit(options);
    const what = `search for ${quote(query, 40)}`;
    const allTerms = searchTerms(query);
    const ids = options.sourceIds?.filter((i) => SOURCE_ID.test(i));
    if (allTerms.length === 0 || (ids && ids.length === 0)) return this.read(what, async () => []);
    const S = this.S;
    const cfg = this.cfg;
    // terms: each word term as a tsquery and its lexemes. st: PostgreSQL's own statistics of the
    // tsvector column (most common lexemes and the fraction of passages holding each; present
    // once the table has been analysed). idf = -ln(fraction), a lexeme too rare to be listed
    // taken at half the rarest listed fraction, a term of several lexemes at its rarest one;
    // equal weights (1) while there are no statistics.
    const sql = (mode: 'any' | 'all'): string =>
      `WITH terms AS (SELECT plainto_tsquery(${cfg}, u.w) AS tq, tsvector_to_array(to_tsvector(${cfg}, u.w)) AS lex, u.o <= $4 AS sel FROM unnest($1::text[]) WITH ORDINALITY AS u(w, o)), ` +
      `st AS (SELECT s.most_common_elems::text::text[] AS e, s.most_common_elem_freqs AS f FROM pg_stats s WHERE s.schemaname = '${this.schema}' AND s.tablename = 'passages' AND s.attname = 'tsv'), ` +
      // most_common_elem_freqs holds one fraction per listed lexeme, then the minimum, maximum and null fraction.
      'w AS (SELECT t.tq, t.sel, CASE WHEN st.e IS NULL THEN 1.0::float8 ELSE -ln(greatest(1e-9, (SELECT min(coalesce(st.f[array_position(st.e, l.x)], st.f[cardinality(st.e) + 1] / 2)) FROM unnest(t.lex) AS l(x)))::float8) END AS idf ' +
      'FROM terms t LEFT JOIN st ON true WHERE numnode(t.tq) > 0), ' +
      `q AS (SELECT string_agg('(' || tq::text || ')', '${mode === 'any' ? ' | ' : ' & '}')::tsquery AS q FROM w WHERE w.sel), ` +
      `h AS (SELECT p.source_id, p.ordinal, p.pstart, p.pend, p.text, p.text_json, (SELECT sum(w.idf) FROM w WHERE p.tsv @@ w.tq) * ${BM25_K1 + 1} / (1 + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * length(p.tsv) / $3::float8)) AS score FROM ${S}.passages p, q ` +
      `WHERE p.tsv @@ q.q${ids ? ' AND p.source_id = ANY($5::text[])' : ''} ORDER BY score DESC, p.source_id, p.ordinal LIMIT $2) ` +
      `SELECT h.*, ${SOURCE_COLUMNS.filter((c) => c !== 'id').map((c) => `s.${c}`).join(', ')}, s.id FROM h JOIN ${S}.sources s ON s.id = h.source_id ORDER BY h.score DESC, h.source_id, h.ordinal`;
    return this.read(what, async (q) => {
      const avg = await this.averageLexemes(q);
      // The candidate stage (term-plan.ts) on a large corpus; not within given sources.
      const bounded = ids || options.exhaustive ? null : await this.termPlan(q, allTerms);
      const plan = bounded?.plan;
      if (plan && plan.terms.length === 0) return [];
      // The first `select` terms select the passages; the rest only count in their score.
      const run = async (terms: string[], mode: 'any' | 'all', n: number, select = terms.length): Promise<HitRow[]> => (await q.query<HitRow>(sql(mode), ids ? [terms, n, avg, select, ids] : [terms, n, avg, select])).rows;
      let rows = plan ? await run([...plan.terms, ...plan.rankAlso], plan.mode, candidateCount(limit), plan.terms.length) : await run(allTerms, 'any', limit);
      if (plan?.mode === 'all' && rows.length === 0) rows = await run(allTerms, 'any', limit);
      else if (bounded) rows = rescored(rows.map((r) => ({ r, text: decodeText(r.text, r.text_json) })), allTerms, bounded, limit).map(({ row, score }) => ({ ...row.r, score }));
      return rows.map((r) => ({ score: r.score, passage: toPassage(r), source: toSource(r) }));
    });
  }

  /** Average distinct lexemes per passage (BM25 length normalisation), from the first 10 000 passages; cached 10 minutes. */
  /** The candidate stage's plan for `terms` (term-plan.ts), or null on a corpus too small to need one. */
  private async termPlan(q: Pool, terms: string[]): Promise<BoundedSearch | null> {
    const corpus = await this.corpus(q);
    if (!isBounded(corpus.passages)) return null;
    const cap = commonThreshold(corpus.passages);
    const missing = this.termCounts.missing(corpus.digest, terms);
    if (missing.length > 0) {
      // The count no further than the cap; past it, the share of passages PostgreSQL's statistics
      // give the term's rarest lexeme (null when not listed, or before ANALYZE: the cap stands).
      const rows = (
        await q.query<{ w: string; n: number; share: number | null }>(
          `WITH st AS (SELECT s.most_common_elems::text::text[] AS e, s.most_common_elem_freqs AS f FROM pg_stats s WHERE s.schemaname = $3 AND s.tablename = 'passages' AND s.attname = 'tsv') ` +
            `SELECT w, (SELECT count(*)::int FROM (SELECT 1 FROM ${this.S}.passages p WHERE p.tsv @@ plainto_tsquery(${this.cfg}, w) LIMIT $2) x) AS n, ` +
            `(SELECT min(st.f[array_position(st.e, l.x)])::float8 FROM st, unnest(tsvector_to_array(to_tsvector(${this.cfg}, w))) AS l(x)) AS share FROM unnest($1::text[]) AS w`,
          [missing, cap, this.schema],
        )
      ).rows;
      this.termCounts.add(new Map(rows.map((r) => [r.w, estimatedCount(r.n, cap, r.share === null ? null : r.share * corpus.passages, corpus.passages)])));
    }
    const counts = this.termCounts.counts(terms);
    return { plan: planTerms(terms, counts, cap), counts, total: corpus.passages };
  }

  private async averageLexemes(q: Pool): Promise<number> {
    const now = Date.now();
    if (this.avgLexemes && now - this.avgLexemes.at < 600_000) return this.avgLexemes.value;
    const v = (await q.query<{ v: number | null }>(`SELECT avg(length(tsv))::float8 AS v FROM (SELECT tsv FROM ${this.S}.passages LIMIT 10000) x`)).rows[0]?.v;
    if (v === null || v === undefined || !(v > 0)) return DEFAULT_AVG_LEXEMES;
    this.avgLexemes = { value: v, at: now };
    return v;
  }

  /**
   * Refreshes the word statistics search weighs terms by (ANALYZE of the passages table).
   * PostgreSQL's autovacuum does this on its own after enough writes; call it after a large
   * ingest to rank with up-to-date weights at once.
   */
  async refreshStatistics(): Promise<void> {
    await this.read('refresh search statistics', async (q) => {
      await q.query(`ANALYZE ${this.S}.passages`);
      this.avgLexemes = null;
    });
  }

  /** The corpus row (postgres-schema.ts: kept by triggers, so this is one row read at any size). */
  private async corpus(q: Pool): Promise<{ sources: number; passages: number; digest: string }> {
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

/** A bit(256) as PostgreSQL prints it ("0101…") in 64 hex digits. */
function bitsToHex(bits: string): string {
  return BigInt(`0b${bits}`).toString(16).padStart(64, '0');
}

/** A source with its aliases when it has some. */
function withAliasList(source: Source, aliases: string[] | undefined): Source {
  return aliases && aliases.length > 0 ? { ...source, aliases } : source;
}

/** Migration to version 2: the uri keys of the sources stored before it, computed by uriKey. */
async function fillUriKeys(client: PoolClient, S: string): Promise<void> {
  const rows = (await client.query<{ id: string; uri: string }>(`SELECT id, uri FROM ${S}.sources WHERE uri_key = ''`)).rows;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await client.query(`UPDATE ${S}.sources s SET uri_key = u.k FROM unnest($1::text[], $2::text[]) AS u(id, k) WHERE s.id = u.id`, [chunk.map((r) => r.id), chunk.map((r) => uriKey(r.uri))]);
  }
}

/** Brings the schema to PG_SCHEMA_VERSION under an advisory lock, or refuses it. */
async function migrate(pool: Pool, schema: string, location: string, readonly: boolean): Promise<void> {
  const client = await pool.connect();
  const S = `"${schema}"`;
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [String(lockKey(schema, 'migrate', ''))]);
    const info = (
      await client.query<{ has_version: boolean; tables: number }>(
        "SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL AS has_version, (SELECT count(*)::int FROM pg_tables WHERE schemaname = $1) AS tables",
        [schema],
      )
    ).rows[0] ?? { has_version: false, tables: 0 };
    let version = 0;
    if (info.has_version) {
      const row = (await client.query<{ application: string; version: number }>(`SELECT application, version FROM ${S}.schema_version`)).rows[0];
      if (!row || row.application !== PG_APPLICATION) {
        throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `schema ${quote(schema)} at ${quote(location, 160)} has a schema_version table that is not Verity's (${row ? `application ${quote(row.application)}` : 'empty'})`, fix: 'choose another schema with ?schema=NAME' });
      }
      version = row.version;
    } else if (info.tables > 0) {
      throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `schema ${quote(schema)} at ${quote(location, 160)} holds ${info.tables} tables but is not a Verity corpus`, fix: 'choose another schema with ?schema=NAME, or an empty database' });
    }
    if (version > PG_SCHEMA_VERSION) {
      throw new VerityError({
        code: 'DB_VERSION',
        component: 'store',
        problem: `schema ${quote(schema)} at ${quote(location, 160)} has schema version ${version}, made by a newer Verity; this build (${ENGINE_VERSION}) reads up to version ${PG_SCHEMA_VERSION}`,
        fix: 'upgrade Verity, or use another schema with ?schema=NAME',
      });
    }
    if (readonly && version === 0) {
      throw new VerityError({ code: 'NOT_FOUND', component: 'store', problem: `no Verity corpus in schema ${quote(schema)} at ${quote(location, 160)}`, fix: 'run "verity ingest <files>" with this database first, or check the URL and ?schema=' });
    }
    if (readonly && version < PG_SCHEMA_VERSION) {
      throw new VerityError({
        code: 'DB_VERSION',
        component: 'store',
        problem: `schema ${quote(schema)} at ${quote(location, 160)} has schema version ${version} and needs migrating to ${PG_SCHEMA_VERSION}, but it is opened read-only`,
        fix: 'run "verity ingest" once on it (which migrates it), or open it writable',
      });
    }
    for (let v = version; v < PG_SCHEMA_VERSION; v++) {
      const step = PG_MIGRATIONS[v];
      if (step === undefined) throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `no PostgreSQL migration from schema version ${v}`, fix: 'this is a bug in Verity; please report it' });
      await client.query(step(S));
      if (v + 1 === 2) await fillUriKeys(client, S);
      await client.query(
        `INSERT INTO ${S}.schema_version (singleton, application, version) VALUES (true, $1, $2) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, migrated_at = now()`,
        [PG_APPLICATION, v + 1],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw e;
  } finally {
    client.release(broken);
  }
}
