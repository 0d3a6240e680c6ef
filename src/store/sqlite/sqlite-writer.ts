// The SQLite engine's writes: one document upserted inside the caller's write transaction
// (sqlite-store.ts opens it), its aliases, and removal by rowid. Every check comes before the
// first write, so a refused document (RefusedBeforeWrite) leaves nothing behind.
import type { DocumentInput, PassageSpan, UpsertResult } from '../../contracts.js';
import { VerityError } from '../../errors.js';
import { cleanAliases, uriKey } from '../../text/url-key.js';
import { encodeOffsets, type SourceRow } from './sqlite-rows.js';
import type { Statements } from './sqlite-statements.js';

/** A document refused by a check made before any write: safe to skip inside a batch. */
export class RefusedBeforeWrite extends Error {
  readonly error: VerityError;
  constructor(options: ConstructorParameters<typeof VerityError>[0]) {
    const error = new VerityError(options);
    super(error.message);
    this.error = error;
  }
}

export class SqliteWriter {
  private readonly stmts: Statements;
  /** Next free passage rowid inside the open write transaction; null outside one. */
  private nextRowid: number | null = null;

  constructor(stmts: Statements) {
    this.stmts = stmts;
  }

  /** Called at the start of each write transaction: the rowid counter is read again. */
  begin(): void {
    this.nextRowid = null;
  }

  upsertLocked(doc: DocumentInput, id: string): UpsertResult {
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
    const primary = uriKey(uri);
    let added = 0;
    // Each alias is looked up on the table's key rather than reading all the source's aliases
    // first: a file of 50,000 records with one text gives one source 50,000 aliases, and reading
    // them all per record made that ingest quadratic.
    for (const alias of aliases) {
      const key = uriKey(alias);
      if (key === primary || s.hasAlias.get(rowid, key) !== undefined) continue;
      s.takeAlias.run(key);
      s.insertAlias.run(rowid, alias, key);
      added++;
    }
    return added;
  }

  deleteByRowid(rowid: number): void {
    const row = this.stmts.passageRange.get(rowid) as { passage_first: number; passage_count: number } | undefined;
    if (row && row.passage_count > 0) this.stmts.deletePassages.run(row.passage_first, row.passage_first + row.passage_count - 1);
    this.stmts.deleteAliases.run(rowid);
    this.stmts.deleteSource.run(rowid);
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
