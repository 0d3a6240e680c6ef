// The PostgreSQL schema, its migrations and the check made on every open. All Verity objects
// live in one PostgreSQL schema (default "verity"), so several corpora can share a database
// and a test can drop everything with one DROP SCHEMA.
//
// Layout (version 2):
// - `schema_version`: one row (application 'verity', version). A version above this build's is
//   refused; a lower one is migrated, each step in the same transaction as its version bump,
//   under an advisory lock so two workers opening at once do not both migrate.
// - `sources`: metadata and the whole text (PostgreSQL compresses it), id = sha256 of the text.
// - `passages`: (source_id, ordinal) key, offsets, text and a tsvector with a GIN index. The
//   tsvector is built from the passage text after Verity's own word split (see
//   postgres-search-text.ts), through `verity_english`: English Snowball stemming with no stop
//   words, like SQLite's porter tokenizer, so the same query finds the same passages. Search
//   weighs terms by PostgreSQL's own statistics of that column (see PostgresStore.search).
// - PostgreSQL text cannot hold U+0000: a text that contains it is stored JSON-encoded with
//   `text_json = true` (lossless; rare).
// - Addresses (version 2): `sources.uri_key` (the uri's lookup key, text/url-key.ts) and
//   `source_aliases` (a source's other addresses with their keys, deleted with their source),
//   both keys indexed. Version 2 is added idempotently (IF NOT EXISTS); the keys of sources
//   stored before it are computed in JavaScript right after (fillUriKeys), in the same
//   transaction as the version bump.

// - The corpus in one row (version 3): `corpus_meta` holds the number of sources and passages and
//   the XOR of the source ids (bit(256)), kept by statement-level triggers on `sources` in the
//   writing transaction, so stats() and snapshotId() read one row at any corpus size (the same
//   values as SQLite's corpus_meta, so both engines give the same snapshot id).

/** The newest schema this build writes. A schema_version above it is refused. */
export const PG_SCHEMA_VERSION = 3;

export const PG_APPLICATION = 'verity';

/** 256 zero bits, the digest of an empty corpus. */
const ZERO_DIGEST = `B'${'0'.repeat(256)}'`;

/** Schema names Verity accepts: plain lower-case identifiers, so they never need quoting tricks. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The text search configuration, schema-qualified, as a SQL literal cast. */
export function searchConfig(schema: string): string {
  return `'${schema}.verity_english'::regconfig`;
}

/**
 * Migrations[i] moves a schema from version i to i+1 (0 = empty or missing schema). `S` is the
 * quoted schema name. Each runs in one transaction with its version bump.
 */
export const PG_MIGRATIONS: readonly ((s: string) => string)[] = [
  (S) => `
    CREATE SCHEMA IF NOT EXISTS ${S};
    CREATE TABLE ${S}.schema_version (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      application text NOT NULL,
      version integer NOT NULL,
      migrated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TEXT SEARCH DICTIONARY ${S}.verity_stem (TEMPLATE = snowball, LANGUAGE = english);
    CREATE TEXT SEARCH CONFIGURATION ${S}.verity_english (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION ${S}.verity_english
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH ${S}.verity_stem;
    CREATE TABLE ${S}.sources (
      id text COLLATE "C" PRIMARY KEY,
      uri text COLLATE "C" NOT NULL,
      title text COLLATE "C" NOT NULL,
      publisher text,
      author text,
      published_at text,
      retrieved_at text NOT NULL,
      kind text NOT NULL,
      language text,
      license text,
      text_length integer NOT NULL,
      text text NOT NULL,
      text_json boolean NOT NULL DEFAULT false,
      passage_count integer NOT NULL
    );
    CREATE INDEX sources_uri ON ${S}.sources (uri);
    CREATE TABLE ${S}.passages (
      source_id text COLLATE "C" NOT NULL REFERENCES ${S}.sources (id) ON DELETE CASCADE,
      ordinal integer NOT NULL,
      pstart integer NOT NULL,
      pend integer NOT NULL,
      text text NOT NULL,
      text_json boolean NOT NULL DEFAULT false,
      tsv tsvector NOT NULL,
      PRIMARY KEY (source_id, ordinal)
    );
    CREATE INDEX passages_tsv ON ${S}.passages USING gin (tsv);
    -- Search weighs terms by the lexeme frequencies ANALYZE keeps: track 5 000 of them, not 1 000.
    ALTER TABLE ${S}.passages ALTER COLUMN tsv SET STATISTICS 500;
  `,
  (S) => `
    ALTER TABLE ${S}.sources ADD COLUMN IF NOT EXISTS uri_key text COLLATE "C" NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS sources_uri_key ON ${S}.sources (uri_key);
    CREATE TABLE IF NOT EXISTS ${S}.source_aliases (
      source_id text COLLATE "C" NOT NULL REFERENCES ${S}.sources (id) ON DELETE CASCADE,
      uri text COLLATE "C" NOT NULL,
      uri_key text COLLATE "C" NOT NULL,
      PRIMARY KEY (source_id, uri_key)
    );
    CREATE INDEX IF NOT EXISTS source_aliases_key ON ${S}.source_aliases (uri_key);
  `,
  (S) => `
    CREATE TABLE ${S}.corpus_meta (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      sources bigint NOT NULL,
      passages bigint NOT NULL,
      digest bit(256) NOT NULL
    );
    INSERT INTO ${S}.corpus_meta (singleton, sources, passages, digest)
      SELECT true, count(*), coalesce(sum(passage_count), 0), coalesce(bit_xor(('x' || id)::bit(256)), ${ZERO_DIGEST}) FROM ${S}.sources;
    CREATE FUNCTION ${S}.corpus_counted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE ${S}.corpus_meta m SET sources = m.sources + d.n, passages = m.passages + d.p, digest = m.digest # d.x
          FROM (SELECT count(*) AS n, coalesce(sum(passage_count), 0) AS p, coalesce(bit_xor(('x' || id)::bit(256)), ${ZERO_DIGEST}) AS x FROM new_rows) d
          WHERE d.n > 0;
      END IF;
      IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE ${S}.corpus_meta m SET sources = m.sources - d.n, passages = m.passages - d.p, digest = m.digest # d.x
          FROM (SELECT count(*) AS n, coalesce(sum(passage_count), 0) AS p, coalesce(bit_xor(('x' || id)::bit(256)), ${ZERO_DIGEST}) AS x FROM old_rows) d
          WHERE d.n > 0;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER sources_counted_in AFTER INSERT ON ${S}.sources REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${S}.corpus_counted();
    CREATE TRIGGER sources_counted_out AFTER DELETE ON ${S}.sources REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${S}.corpus_counted();
    CREATE TRIGGER sources_recounted AFTER UPDATE ON ${S}.sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${S}.corpus_counted();
  `,
];
