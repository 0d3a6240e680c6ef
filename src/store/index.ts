// The corpus store: SQLite engine (FTS5, BM25, WAL) behind the Store contract.
export { openStore, type OpenStoreOptions } from './sqlite/open.js';
export { SqliteStore, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, type IntegrityReport } from './sqlite/sqlite-store.js';
export { buildMatchExpression, queryTerms, MAX_QUERY_TERMS } from './sqlite/fts-query.js';
export { SCHEMA_VERSION } from './sqlite/schema.js';
export { contentHash } from './content-hash.js';
