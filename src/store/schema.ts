// The SQLite schema and its migrations. The version lives in `PRAGMA user_version`; the file is
// marked as Verity's with `PRAGMA application_id`, so a foreign SQLite file is refused rather
// than written into.
//
// Layout: `sources` holds metadata and the full text once; `passages` holds each chunk's text and
// offsets; `passages_fts` is an external-content FTS5 index over `passages.text` (rowid = passage
// rowid), so passage text is stored once and BM25 ranks it.

/** "VERI" as a 32-bit integer. */
export const APPLICATION_ID = 0x56455249;

/** The newest schema this build writes. A database with a higher user_version is refused. */
export const SCHEMA_VERSION = 1;

/** Migrations[i] moves a database from version i to i+1. Each runs in one transaction. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uri TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT,
    author TEXT,
    published_at TEXT,
    retrieved_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT,
    license TEXT,
    text_length INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX sources_uri ON sources(uri);
  CREATE TABLE passages (
    rowid INTEGER PRIMARY KEY,
    source_rowid INTEGER NOT NULL REFERENCES sources(rowid),
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE UNIQUE INDEX passages_source_ordinal ON passages(source_rowid, ordinal);
  CREATE VIRTUAL TABLE passages_fts USING fts5(
    text,
    content='passages',
    content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
  );
  `,
];
