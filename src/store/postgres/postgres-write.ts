// The PostgreSQL engine's writes: a batch of upserts inside the caller's transaction
// (postgres-store.ts opens it), under advisory locks, checked in memory before the first write.
import type { PoolClient } from 'pg';
import { createHash } from 'node:crypto';
import type { DocumentInput, UpsertResult } from '../../contracts.js';
import { VerityError } from '../../errors.js';
import { cleanAliases, uriKey } from '../../text/url-key.js';
import type { PreparedDocument } from '../prepare-batch.js';
import { encodeText } from './postgres-document-checks.js';
import { indexText } from './postgres-search-text.js';

/**
 * A passage's indexed words are cut at this many characters: PostgreSQL refuses a tsvector over
 * 1 MB. Chunked passages are far shorter; the stored text is never cut.
 */
const MAX_INDEXED_CHARS = 200_000;

/** A 64-bit advisory-lock key for (schema, kind, value), as a decimal string for a bigint parameter. */
export function lockKey(schema: string, kind: string, value: string): bigint {
  return createHash('sha256').update(`${schema}\u0000${kind}\u0000${value}`, 'utf8').digest().readBigInt64BE(0);
}

/** Passages are inserted in statements of about this many characters of text. */
const PASSAGE_STATEMENT_CHARS = 4_000_000;

function emptyPassageBatch() {
  return { ids: [] as string[], ordinals: [] as number[], starts: [] as number[], ends: [] as number[], texts: [] as string[], jsons: [] as boolean[], indexed: [] as string[], chars: 0 };
}

export class PostgresWriter {
  private readonly schema: string;
  /** The schema, quoted for SQL. */
  private readonly S: string;
  private readonly cfg: string;

  constructor(schema: string, cfg: string) {
    this.schema = schema;
    this.S = `"${schema}"`;
    this.cfg = cfg;
  }

  /**
   * The upserts of `items`, inside a transaction. Locks their uris and ids, reads every row they
   * can touch, plays the documents through in order in memory (what one-by-one upserts would do:
   * unchanged / replaced / added, later documents seeing earlier ones), then writes the net
   * effect: one DELETE, one INSERT of sources, INSERTs of passages. All checks come before the
   * first write.
   */
  async upsertMany(c: PoolClient, items: readonly PreparedDocument[]): Promise<(UpsertResult | VerityError)[]> {
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
}
