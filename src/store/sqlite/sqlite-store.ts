// The embedded Store engine: one SQLite file (WAL), FTS5 with BM25. Open it with openStore().
// Layout and the reasons for it: see schema.ts.
import { bestMatchByKey, sourceFromRow, type SourceColumns } from '../source-row.js';
import type Database from 'better-sqlite3';
import type { DocumentInput, IntegrityReport, PassageSpan, SearchOptions, Store, StoreStats, UpsertResult } from '../../contracts.js';
import type { Passage, SearchHit, Source } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { EMPTY_DIGEST, contentHash, parsePassageId, passageId, snapshotIdOf, xorHex } from '../content-hash.js';
import { checkDocumentInput } from '../document-checks.js';
import { planExpression, queryTerms, termsExpression } from './fts-query.js';
import { SAMPLE_WINDOWS, TermCounts, candidateCount, commonThreshold, estimatedCount, isBounded, planTerms, rescored, sampleWindows, type BoundedSearch } from '../term-plan.js';
import { prepareBatch, type PreparedDocument } from '../prepare-batch.js';
import { searchLimit } from '../search-limit.js';
import { sqliteError } from './sqlite-errors.js';
import { cleanAliases, uriKey } from '../../text/url-key.js';

export { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../search-limit.js';

interface SourceRow extends SourceColumns {
  rowid: number;
  passage_first: number;
  passage_count: number;
}

interface CorpusRow {
  sources: number;
  passages: number;
  digest: string;
}

interface PassageRow {
  rowid: number;
  text: string;
}

/** Where a source's passages are: its first passage rowid and its offsets ("s0,e0,s1,e1,…"). */
interface PassageLayout {
  passage_first: number;
  passage_offsets: string;
}

type HitRow = PassageRow & { score: number; s_passage_offsets: string } & { [K in keyof SourceRow as `s_${K}`]: SourceRow[K] };

const SOURCE_COLUMNS = 'rowid, id, uri, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length, passage_first, passage_count';
const PASSAGE_COLUMNS = 'rowid, text';

const toSource = (r: SourceRow): Source => sourceFromRow(r);

/** A passage row of a source, its ordinal from its rowid and its offsets from the source's layout. */
function toPassage(sourceId: string, r: PassageRow, layout: PassageLayout, offsets?: readonly number[]): Passage {
  const ordinal = r.rowid - layout.passage_first;
  const [start, end] = offsets ? [offsets[2 * ordinal] ?? 0, offsets[2 * ordinal + 1] ?? 0] : offsetsAt(layout.passage_offsets, ordinal);
  return { id: passageId(sourceId, ordinal), sourceId, ordinal, text: r.text, start, end };
}

/** "s0,e0,s1,e1,…" for spans. */
function encodeOffsets(spans: readonly { start: number; end: number }[]): string {
  let out = '';
  for (const p of spans) out += out === '' ? `${p.start},${p.end}` : `,${p.start},${p.end}`;
  return out;
}

function decodeOffsets(encoded: string): number[] {
  return encoded === '' ? [] : encoded.split(',').map(Number);
}

/** The start and end of passage `ordinal` in encoded offsets, without decoding the others. */
function offsetsAt(encoded: string, ordinal: number): [number, number] {
  let at = 0;
  for (let k = 0; k < 2 * ordinal && at >= 0; k++) at = encoded.indexOf(',', at) + 1 || -1;
  const comma = at >= 0 ? encoded.indexOf(',', at) : -1;
  if (comma < 0) return [0, 0];
  const next = encoded.indexOf(',', comma + 1);
  return [Number(encoded.slice(at, comma)), Number(encoded.slice(comma + 1, next < 0 ? encoded.length : next))];
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
    passage_first: r.s_passage_first,
    passage_count: r.s_passage_count,
  });
}

/** A document refused by a check made before any write: safe to skip inside a batch. */
class RefusedBeforeWrite extends Error {
  readonly error: VerityError;
  constructor(options: ConstructorParameters<typeof VerityError>[0]) {
    const error = new VerityError(options);
    super(error.message);
    this.error = error;
  }
}

export type { IntegrityReport };

type Prepared = PreparedDocument | VerityError;

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly location: string;
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly upsertTxn: (doc: DocumentInput, id: string) => UpsertResult;
  private readonly batchTxn: (items: Prepared[]) => (UpsertResult | VerityError)[];
  private closed = false;
  private readonly termCounts = new TermCounts();
  /** Next free passage rowid inside the open write transaction; null outside one. */
  private nextRowid: number | null = null;

  constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
    const p = (sql: string) => db.prepare(sql);
    const hitColumns =
      'p.rowid AS rowid, p.text AS text, s.passage_offsets AS s_passage_offsets, ' +
      SOURCE_COLUMNS.split(', ')
        .map((c) => `s.${c} AS s_${c}`)
        .join(', ');
    this.stmts = {
      sourceById: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`),
      // uri_key is a function of uri: its index serves exact-uri lookups too.
      sourceRowsByUri: p('SELECT rowid, id FROM sources WHERE uri_key = ? AND uri = ?'),
      sourcesByPrefix: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id >= ? AND id < ? LIMIT 2`),
      listSources: p(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY title, id`),
      sourceTextRow: p('SELECT rowid, text_mode, text, tail, gaps, passage_first, passage_count, passage_offsets FROM sources WHERE id = ?'),
      passageTexts: p('SELECT text FROM passages WHERE rowid BETWEEN ? AND ? ORDER BY rowid'),
      offsetsByRowid: p('SELECT passage_offsets FROM sources WHERE rowid = ?'),
      nextPassageRowid: p('SELECT coalesce(max(id), 0) + 1 AS next FROM passages_content'),
      passageRange: p('SELECT passage_first, passage_count FROM sources WHERE rowid = ?'),
      insertSource: p(
        'INSERT INTO sources (id, uri, uri_key, title, publisher, author, published_at, retrieved_at, kind, language, license, text_length, text, text_mode, tail, gaps, passage_first, passage_count, passage_offsets) ' +
          'VALUES (@id, @uri, @uriKey, @title, @publisher, @author, @publishedAt, @retrievedAt, @kind, @language, @license, @textLength, @text, @textMode, @tail, @gaps, @passageFirst, @passageCount, @passageOffsets)',
      ),
      insertPassage: p('INSERT INTO passages (rowid, text, source_rowid) VALUES (?, ?, ?)'),
      // Without a rowid SQLite appends at max(rowid) + 1, ~3 % cheaper in CPU than naming it.
      appendPassage: p('INSERT INTO passages (text, source_rowid) VALUES (?, ?)'),
      deletePassages: p('DELETE FROM passages WHERE rowid BETWEEN ? AND ?'),
      deleteSource: p('DELETE FROM sources WHERE rowid = ?'),
      passagesBetween: p(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE rowid BETWEEN ? AND ? ORDER BY rowid`),
      passageAt: p(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE rowid = ?`),
      // The ranked FTS5 query exactly as a raw caller would write it (wrapping it in a subquery
      // and a join measured 10–25 % slower on heavy queries); sources are then read by rowid.
      search: p('SELECT rowid, text, source_rowid, rank AS score FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT ?'),
      sourceByRowid: p(`SELECT ${SOURCE_COLUMNS}, passage_offsets FROM sources WHERE rowid = ?`),
      searchIn: p(
        `SELECT ${hitColumns}, p.rank AS score FROM passages p JOIN sources s ON s.rowid = p.source_rowid ` +
          'WHERE passages MATCH ? AND s.id IN (SELECT value FROM json_each(?)) ORDER BY p.rank, p.rowid LIMIT ?',
      ),
      corpus: p('SELECT sources, passages, digest FROM corpus_meta'),
      // A term's passage count, read no further than `cap` (term-plan.ts: common is common), and
      // past it the count in SAMPLE_WINDOWS rowid windows (FTS5 seeks to each).
      termCount: p('SELECT count(*) AS n FROM (SELECT 1 FROM passages WHERE passages MATCH ? LIMIT ?)'),
      termSample: p(`SELECT ${Array.from({ length: SAMPLE_WINDOWS }, () => '(SELECT count(*) FROM passages WHERE passages MATCH ? AND rowid BETWEEN ? AND ?)').join(' + ')} AS n`),
      passageRowids: p('SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), 0) AS hi FROM passages_content'),
      aliasesOf: p('SELECT uri FROM source_aliases WHERE source_rowid = ? ORDER BY uri'),
      allAliases: p('SELECT source_rowid, uri FROM source_aliases ORDER BY source_rowid, uri'),
      aliasKeysOf: p('SELECT uri_key FROM source_aliases WHERE source_rowid = ?'),
      takeAlias: p('DELETE FROM source_aliases WHERE uri_key = ?'),
      insertAlias: p('INSERT INTO source_aliases (source_rowid, uri, uri_key) VALUES (?, ?, ?)'),
      deleteAliases: p('DELETE FROM source_aliases WHERE source_rowid = ?'),
      byUriKeys: p(
        `SELECT ${SOURCE_COLUMNS}, uri_key AS k, 1 AS primary_match FROM sources WHERE uri_key IN (SELECT value FROM json_each(?)) ` +
          `UNION ALL SELECT ${SOURCE_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, a.uri_key AS k, 0 AS primary_match ` +
          'FROM source_aliases a JOIN sources s ON s.rowid = a.source_rowid WHERE a.uri_key IN (SELECT value FROM json_each(?))',
      ),
      sourceIds: p('SELECT id FROM sources ORDER BY id'),
    };
    this.upsertTxn = db.transaction((doc: DocumentInput, id: string) => {
      this.nextRowid = null;
      return this.upsertLocked(doc, id);
    }).immediate as unknown as (doc: DocumentInput, id: string) => UpsertResult;
    // No savepoint per document: FTS5 flushes its pending index data at every savepoint, which
    // would undo the point of batching. upsertLocked does all its checks before its first
    // write, so a refused document leaves nothing behind; a failure after a write (disk, lock)
    // throws and rolls the whole batch back.
    this.batchTxn = db.transaction((items: Prepared[]) => {
      this.nextRowid = null;
      return items.map((item) => {
        if (item instanceof VerityError) return item;
        try {
          return this.upsertLocked(item.doc, item.id);
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

  private upsertLocked(doc: DocumentInput, id: string): UpsertResult {
    const s = this.stmts;
    const key = uriKey(doc.meta.uri);
    const sameUri = s.sourceRowsByUri.all(key, doc.meta.uri) as { rowid: number; id: string }[];
    // One range lookup finds both this text (if stored) and any other source sharing the
    // 16-hex passage-id prefix (astronomically rare: refused, as passage ids would be ambiguous).
    const prefix = id.slice(0, 16);
    const near = s.sourcesByPrefix.all(prefix, `${prefix}g`) as SourceRow[];
    const existing = near.find((r) => r.id === id);
    if (existing && sameUri.some((r) => r.id === id)) {
      return withAliases({ sourceId: id, status: 'unchanged', passages: existing.passage_count }, this.addAliases(existing.rowid, existing.uri, cleanAliases(existing.uri, doc.meta.aliases)));
    }
    const clash = near.find((r) => r.id !== id);
    if (!existing && clash) {
      throw new RefusedBeforeWrite({
        code: 'INTERNAL',
        component: 'store',
        problem: `source ${id} shares its passage-id prefix ${prefix} with source ${clash.id}`,
        fix: 'report this; passage ids would be ambiguous',
      });
    }
    // Checks are done; writes start here.
    for (const r of sameUri) this.deleteByRowid(r.rowid);
    const replaced = sameUri.length > 0;
    if (existing) {
      // The same text is already stored under another uri: one source; the document's
      // addresses become its aliases.
      const added = this.addAliases(existing.rowid, existing.uri, cleanAliases(existing.uri, [doc.meta.uri, ...(doc.meta.aliases ?? [])]));
      return withAliases({ sourceId: id, status: replaced ? 'replaced' : 'unchanged', passages: existing.passage_count }, added);
    }
    const m = doc.meta;
    const text = doc.text;
    const gapped = inOrder(doc.passages);
    const last = doc.passages.at(-1);
    // The text before each passage, concatenated (their lengths follow from the offsets).
    let gaps: string | null = null;
    if (gapped) {
      gaps = '';
      let prevEnd = 0;
      for (const span of doc.passages) {
        if (span.start > prevEnd) gaps += text.slice(prevEnd, span.start);
        prevEnd = span.end;
      }
    }
    // Passage rowids are handed out from a counter read once per transaction.
    this.nextRowid ??= (s.nextPassageRowid.get() as { next: number }).next;
    const first = this.nextRowid;
    this.nextRowid += doc.passages.length;
    const info = s.insertSource.run({
      id,
      uri: m.uri,
      uriKey: key,
      title: m.title,
      publisher: m.publisher,
      author: m.author,
      publishedAt: m.publishedAt,
      retrievedAt: doc.retrievedAt,
      kind: m.kind,
      language: m.language,
      license: m.license,
      textLength: doc.text.length,
      text: gapped ? '' : doc.text,
      textMode: gapped ? 'passages' : 'full',
      tail: gapped ? text.slice(last?.end ?? 0) : null,
      gaps,
      passageFirst: first,
      passageCount: doc.passages.length,
      passageOffsets: encodeOffsets(doc.passages),
    });
    const sourceRowid = Number(info.lastInsertRowid);
    // Passages are appended, which puts them at first, first + 1, … unless rows at the end of
    // the table were deleted earlier in this transaction (a replaced source): then the first
    // lands lower, is taken back, and the rowids are named.
    const spans = doc.passages;
    let k = 0;
    const head = spans[0];
    if (head) {
      const at = Number(s.appendPassage.run(text.slice(head.start, head.end), sourceRowid).lastInsertRowid);
      if (at === first) {
        for (k = 1; k < spans.length; k++) {
          const span = spans[k] as PassageSpan;
          s.appendPassage.run(text.slice(span.start, span.end), sourceRowid);
        }
      } else {
        s.deletePassages.run(at, at);
      }
    }
    for (; k < spans.length; k++) {
      const span = spans[k] as PassageSpan;
      s.insertPassage.run(first + k, text.slice(span.start, span.end), sourceRowid);
    }
    const aliases = cleanAliases(m.uri, m.aliases);
    const added = aliases.length > 0 ? this.addAliases(sourceRowid, m.uri, aliases) : 0;
    return withAliases({ sourceId: id, status: replaced ? 'replaced' : 'added', passages: doc.passages.length }, added);
  }

  /**
   * Records `aliases` (already cleaned against the source's uri) on a source, taking each from
   * any other source that had it. Returns how many were new to this source.
   */
  private addAliases(rowid: number, uri: string, aliases: readonly string[]): number {
    if (aliases.length === 0) return 0;
    const s = this.stmts;
    const own = new Set((s.aliasKeysOf.all(rowid) as { uri_key: string }[]).map((r) => r.uri_key));
    const primary = uriKey(uri);
    let added = 0;
    for (const alias of aliases) {
      const key = uriKey(alias);
      if (key === primary || own.has(key)) continue;
      s.takeAlias.run(key);
      s.insertAlias.run(rowid, alias, key);
      own.add(key);
      added++;
    }
    return added;
  }

  private deleteByRowid(rowid: number): void {
    const row = this.stmts.passageRange.get(rowid) as { passage_first: number; passage_count: number } | undefined;
    if (row && row.passage_count > 0) this.stmts.deletePassages.run(row.passage_first, row.passage_first + row.passage_count - 1);
    this.stmts.deleteAliases.run(rowid);
    this.stmts.deleteSource.run(rowid);
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
        this.deleteByRowid(row.rowid);
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
    for (const [k, p] of (this.stmts.passageTexts.all(row.passage_first, row.passage_first + row.passage_count - 1) as { text: string }[]).entries()) {
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
      return (this.stmts.passagesBetween.all(src.passage_first, src.passage_first + src.passage_count - 1) as PassageRow[]).map((r) => toPassage(src.id, r, layout, offsets));
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
    return this.guard(`search for ${quote(query, 40)}`, () => {
      if (options.sourceIds) {
        // Restricted to a few sources: every term counts, and the sources bound the work.
        const rows = this.stmts.searchIn.all(termsExpression(terms, 'any'), JSON.stringify(options.sourceIds), limit) as HitRow[];
        return rows.map((r) => ({ score: -r.score, passage: toPassage(r.s_id, r, { passage_first: r.s_passage_first, passage_offsets: r.s_passage_offsets }), source: hitSource(r) }));
      }
      const bounded = options.exhaustive ? null : this.termPlan(terms);
      const plan = bounded?.plan;
      if (plan && plan.terms.length === 0) return [];
      type Row = PassageRow & { source_rowid: number; score: number };
      let rows = this.stmts.search.all(plan ? planExpression(plan) : termsExpression(terms, 'any'), plan ? candidateCount(limit) : limit) as Row[];
      // Every term common and no passage holds them all: the plain query (term-plan.ts).
      if (plan?.mode === 'all' && rows.length === 0) rows = this.stmts.search.all(termsExpression(terms, 'any'), limit) as Row[];
      // Bounded: the candidates ranked again with every term; scores stay "higher is better".
      else if (bounded) rows = rescored(rows, terms, bounded, limit).map(({ row, score }) => ({ ...row, score: -score }));
      const sources = new Map<number, SourceRow & { passage_offsets: string }>();
      const hits: SearchHit[] = [];
      for (const r of rows) {
        let src = sources.get(r.source_rowid);
        if (!src) {
          src = this.stmts.sourceByRowid.get(r.source_rowid) as (SourceRow & { passage_offsets: string }) | undefined;
          if (!src) continue; // unreachable in a sound database (checkIntegrity reports it)
          sources.set(r.source_rowid, src);
        }
        hits.push({ score: -r.score, passage: toPassage(src.id, r, src), source: toSource(src) });
      }
      return hits;
    });
  }

  /** The candidate stage's plan for `terms` (term-plan.ts), or null on a corpus too small to need one. */
  private termPlan(terms: string[]): BoundedSearch | null {
    const corpus = this.corpus();
    if (!isBounded(corpus.passages)) return null;
    const cap = commonThreshold(corpus.passages);
    const missing = this.termCounts.missing(corpus.digest, terms);
    if (missing.length > 0) {
      const { lo, hi } = this.stmts.passageRowids.get() as { lo: number; hi: number };
      const sample = sampleWindows(lo, hi);
      const count = (t: string): number => {
        const e = termsExpression([t], 'any');
        const n = (this.stmts.termCount.get(e, cap) as { n: number }).n;
        if (n < cap) return n;
        const inSample = (this.stmts.termSample.get(...sample.windows.flatMap(([from, to]) => [e, from, to])) as { n: number }).n;
        return estimatedCount(n, cap, inSample / sample.share, corpus.passages);
      };
      this.termCounts.add(new Map(missing.map((t) => [t, count(t)])));
    }
    const counts = this.termCounts.counts(terms);
    return { plan: planTerms(terms, counts, cap), counts, total: corpus.passages };
  }

  /** The corpus row (schema.ts: kept by triggers, so this is one row read at any size). */
  private corpus(): CorpusRow {
    return this.stmts.corpus.get() as CorpusRow;
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

/** The result with `aliasesAdded` when some were. */
function withAliases(result: UpsertResult, added: number): UpsertResult {
  return added > 0 ? { ...result, aliasesAdded: added } : result;
}

/** Whether spans are in order and disjoint, so the text can be kept as passages plus gaps. */
function inOrder(spans: readonly { start: number; end: number }[]): boolean {
  let prev = 0;
  for (const p of spans) {
    if (p.start < prev) return false;
    prev = p.end;
  }
  return true;
}
