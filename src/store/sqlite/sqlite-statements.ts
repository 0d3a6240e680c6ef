// The SQLite engine's prepared statements, prepared once per connection.
import type Database from 'better-sqlite3';
import { PASSAGE_COLUMNS, SOURCE_COLUMNS } from './sqlite-rows.js';

/** The statements, by name. */
type StatementName =
  | 'sourceById'
  | 'sourceRowsByUri'
  | 'sourcesByPrefix'
  | 'listSources'
  | 'sourceTextRow'
  | 'passageText'
  | 'offsetsByRowid'
  | 'nextPassageRowid'
  | 'passageRange'
  | 'insertSource'
  | 'insertPassage'
  | 'appendPassage'
  | 'deletePassages'
  | 'deleteSource'
  | 'passageRow'
  | 'passageAt'
  | 'search'
  | 'sourceByRowid'
  | 'searchIn'
  | 'corpus'
  | 'termCount'
  | 'aliasesOf'
  | 'allAliases'
  | 'hasAlias'
  | 'takeAlias'
  | 'insertAlias'
  | 'deleteAliases'
  | 'byUriKeys'
  | 'sourceIds';

/** A prepared statement of this engine. */
export type Statement = Database.Statement;

export function prepareStatements(db: Database.Database): Record<StatementName, Statement> {
  const p = (sql: string): Database.Statement => db.prepare(sql);
  const hitColumns =
    'p.rowid AS rowid, p.text AS text, s.passage_offsets AS s_passage_offsets, ' +
    SOURCE_COLUMNS.split(', ')
      .map((c) => `s.${c} AS s_${c}`)
      .join(', ');
  return {
    sourceById: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`),
    // uri_key is a function of uri: its index serves exact-uri lookups too.
    sourceRowsByUri: p('SELECT rowid, id FROM sources WHERE uri_key = ? AND uri = ?'),
    sourcesByPrefix: p(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id >= ? AND id < ? LIMIT 2`),
    listSources: p(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY title, id`),
    sourceTextRow: p('SELECT rowid, text_mode, text, tail, gaps, passage_first, passage_count, passage_offsets FROM sources WHERE id = ?'),
    // One row at a time: FTS5 serves "rowid = ?" by its index, "rowid BETWEEN" with a scan (~17× slower).
    passageText: p('SELECT text FROM passages WHERE rowid = ?'),
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
    passageRow: p(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE rowid = ?`),
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
    // A term's passage count (FTS5 walks the term's doclist; no row is read).
    termCount: p('SELECT count(*) AS n FROM passages WHERE passages MATCH ?'),
    aliasesOf: p('SELECT uri FROM source_aliases WHERE source_rowid = ? ORDER BY uri'),
    allAliases: p('SELECT source_rowid, uri FROM source_aliases ORDER BY source_rowid, uri'),
    hasAlias: p('SELECT 1 FROM source_aliases WHERE source_rowid = ? AND uri_key = ?'),
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
}

export type Statements = Record<StatementName, Statement>;
