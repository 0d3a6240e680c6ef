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

/** The newest schema this build writes. A schema_version above it is refused. */
export const PG_SCHEMA_VERSION = 2;

export const PG_APPLICATION = 'verity';

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
];
