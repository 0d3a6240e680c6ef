// The SQLite schema and its migrations. The version lives in `PRAGMA user_version`; the file is
// marked as Verity's with `PRAGMA application_id`, so a foreign SQLite file is refused rather
// than written into.
//
// Layout (version 4):
// - `sources`: metadata, one row per distinct text (id = sha256 of the text), and where its
//   passages are: `passage_first`, `passage_count` and `passage_offsets` ("s0,e0,s1,e1,…").
// - `passages`: an FTS5 table (BM25) holding each passage's text and, unindexed, its source
//   rowid. A source's passages have consecutive rowids `passage_first … passage_first +
//   passage_count - 1`, so passage k is row passage_first + k: reading them needs no extra
//   index, and storing a passage is one insert of three values (version 2 also stored the
//   ordinal, offsets and gap in every passage row; moving them to the source row made bulk
//   ingest 2–3 % cheaper in CPU and the file 5 % smaller at 100k passages).
// - The source text is not stored twice: when passages are in order and do not overlap (what
//   chunkPassages gives) it is gap0 + text0 + gap1 + text1 + … + tail (text_mode 'passages'),
//   where `gaps` holds gap0 + gap1 + … and each gap's length follows from the offsets;
//   otherwise it is kept whole in `sources.text` (text_mode 'full').
// - Addresses (version 4): `sources.uri_key` is the uri's lookup key (text/url-key.ts: the
//   normalised URL, else the uri as written) and `source_aliases` holds a source's other
//   addresses (uri as given, its key), one row each; both keys are indexed, so
//   findSourcesByUri is two index lookups per address. The uri_key index replaces version 3's
//   index on uri (an exact-uri lookup reads `uri_key = key AND uri = uri`), so ingest keeps one
//   index on sources; a document with no aliases writes no alias row.
//   The key is computed in JavaScript; migrating to version 4 calls it as the SQL function
//   verity_uri_key, which open.ts registers on every connection it migrates.

// - The corpus in one row (version 5): `corpus_meta` holds the number of sources and passages and
//   the XOR of the source ids, kept by triggers on `sources` in the writing transaction, so
//   stats() and snapshotId() read one row instead of scanning the corpus. The triggers call
//   verity_xor_hex (content-hash.ts xorHex), which open.ts registers on every connection.

/** "VERI" as a 32-bit integer. */
export const APPLICATION_ID = 0x56455249;

/** The newest schema this build writes. A database with a higher user_version is refused. */
export const SCHEMA_VERSION = 5;

const TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'";

/** Version 4's address lookup: the uri key index and the aliases table. */
const ADDRESSES = `
  CREATE INDEX sources_uri_key ON sources(uri_key);
  CREATE TABLE source_aliases (
    source_rowid INTEGER NOT NULL,
    uri TEXT NOT NULL,
    uri_key TEXT NOT NULL,
    PRIMARY KEY (source_rowid, uri_key)
  );
  CREATE INDEX source_aliases_key ON source_aliases(uri_key);
`;

/** Version 5's corpus row and the triggers that keep it (the row is filled by whoever creates it). */
const CORPUS_META = `
  CREATE TABLE corpus_meta (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    sources INTEGER NOT NULL,
    passages INTEGER NOT NULL,
    digest TEXT NOT NULL
  );
  CREATE TRIGGER sources_counted_in AFTER INSERT ON sources BEGIN
    UPDATE corpus_meta SET sources = sources + 1, passages = passages + NEW.passage_count, digest = verity_xor_hex(digest, NEW.id);
  END;
  CREATE TRIGGER sources_counted_out AFTER DELETE ON sources BEGIN
    UPDATE corpus_meta SET sources = sources - 1, passages = passages - OLD.passage_count, digest = verity_xor_hex(digest, OLD.id);
  END;
  CREATE TRIGGER sources_recounted AFTER UPDATE OF id, passage_count ON sources BEGIN
    UPDATE corpus_meta SET passages = passages - OLD.passage_count + NEW.passage_count, digest = verity_xor_hex(verity_xor_hex(digest, OLD.id), NEW.id);
  END;
`;

/** The current schema, for a new database. Equal to what the migrations produce. */
export const CREATE_SCHEMA = `
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
    text TEXT NOT NULL,
    text_mode TEXT NOT NULL DEFAULT 'full',
    tail TEXT,
    passage_first INTEGER NOT NULL DEFAULT 0,
    passage_count INTEGER NOT NULL DEFAULT 0,
    passage_offsets TEXT NOT NULL DEFAULT '',
    gaps TEXT,
    uri_key TEXT NOT NULL DEFAULT ''
  );
  CREATE VIRTUAL TABLE passages USING fts5(text, source_rowid UNINDEXED, ${TOKENIZER});
  ${ADDRESSES}
  ${CORPUS_META}
  INSERT INTO corpus_meta (singleton, sources, passages, digest) VALUES (1, 0, 0, '${'0'.repeat(64)}');
`;

/** Migrations[i] moves a database from version i to i+1. Each runs in one transaction. */
export const MIGRATIONS: readonly string[] = [
  // 0 → 1: the first schema (passages in a plain table, indexed by an external-content FTS5 table).
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
  CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='rowid', ${TOKENIZER});
  `,
  // 1 → 2: passages move into one FTS5 table with consecutive rowids per source (one insert per
  // passage instead of three structures). Version-1 sources keep their whole text ('full').
  `
  CREATE VIRTUAL TABLE passages_v2 USING fts5(
    text, source_rowid UNINDEXED, ordinal UNINDEXED, pstart UNINDEXED, pend UNINDEXED, gap UNINDEXED,
    ${TOKENIZER}
  );
  INSERT INTO passages_v2 (text, source_rowid, ordinal, pstart, pend, gap)
    SELECT text, source_rowid, ordinal, start, "end", NULL FROM passages ORDER BY source_rowid, ordinal;
  ALTER TABLE sources ADD COLUMN text_mode TEXT NOT NULL DEFAULT 'full';
  ALTER TABLE sources ADD COLUMN tail TEXT;
  ALTER TABLE sources ADD COLUMN passage_first INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sources ADD COLUMN passage_count INTEGER NOT NULL DEFAULT 0;
  UPDATE sources SET passage_first = m.first, passage_count = m.n
    FROM (SELECT source_rowid, count(*) AS n, 1 + sum(count(*)) OVER (ORDER BY source_rowid) - count(*) AS first
          FROM passages GROUP BY source_rowid) AS m
    WHERE m.source_rowid = sources.rowid;
  DROP TABLE passages_fts;
  DROP TABLE passages;
  ALTER TABLE passages_v2 RENAME TO passages;
  `,
  // 2 → 3: each passage's ordinal, offsets and gap move from its FTS5 row to its source's row
  // (passage_offsets, gaps); passage rowids are kept.
  `
  CREATE VIRTUAL TABLE passages_v3 USING fts5(text, source_rowid UNINDEXED, ${TOKENIZER});
  INSERT INTO passages_v3 (rowid, text, source_rowid) SELECT rowid, text, source_rowid FROM passages ORDER BY rowid;
  ALTER TABLE sources ADD COLUMN passage_offsets TEXT NOT NULL DEFAULT '';
  ALTER TABLE sources ADD COLUMN gaps TEXT;
  UPDATE sources SET passage_offsets = m.offsets, gaps = CASE WHEN sources.text_mode = 'passages' THEN m.gaps END
    FROM (SELECT source_rowid, group_concat(pstart || ',' || pend, ',' ORDER BY rowid) AS offsets,
                 group_concat(coalesce(gap, ''), '' ORDER BY rowid) AS gaps
          FROM passages GROUP BY source_rowid) AS m
    WHERE m.source_rowid = sources.rowid;
  DROP TABLE passages;
  ALTER TABLE passages_v3 RENAME TO passages;
  `,
  // 3 → 4: addresses. Each source's uri key (verity_uri_key is text/url-key.ts's uriKey,
  // registered by open.ts) and an empty aliases table.
  `
  ALTER TABLE sources ADD COLUMN uri_key TEXT NOT NULL DEFAULT '';
  UPDATE sources SET uri_key = verity_uri_key(uri);
  DROP INDEX sources_uri;
  ${ADDRESSES}
  `,
  // 4 → 5: the corpus row, counted once from the sources (verity_id_digest: XOR of the ids).
  `
  ${CORPUS_META}
  INSERT INTO corpus_meta (singleton, sources, passages, digest)
    SELECT 1, count(*), coalesce(sum(passage_count), 0), verity_id_digest(id) FROM sources;
  `,
];
