// Opening the SQLite store: checks the file is SQLite and Verity's, applies migrations, refuses a
// database made by a newer Verity, and turns every failure into a message with a fix.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { VerityError, quote } from '../../errors.js';
import { ENGINE_VERSION } from '../../version.js';
import { APPLICATION_ID, CREATE_SCHEMA, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { sqliteError } from './sqlite-errors.js';
import { uriKey } from '../../text/url-key.js';
import { EMPTY_DIGEST, xorHex } from '../content-hash.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from '../../contracts.js';

export interface OpenStoreOptions {
  /** Open for reading only; the file must exist. */
  readonly?: boolean;
  /** Read-only, in a folder that cannot be written: the largest file read whole into memory (default 512 MiB). */
  maxInMemoryBytes?: number;
}

/** A read-only corpus in a folder that cannot be written is read into memory up to this size. */
export const DEFAULT_MAX_IN_MEMORY_BYTES = 512 * 1024 * 1024;

const SQLITE_HEADER = 'SQLite format 3\u0000';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** True when `location` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return POSTGRES_URL.test(location);
}

/**
 * Opens the corpus store at `location`: a postgres:// or postgresql:// URL opens the PostgreSQL
 * engine (loaded only then); anything else is a SQLite file path (see openSqliteStore).
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('../postgres/postgres-store.js');
    return openPostgresStore(location, { readonly: options.readonly ?? false });
  }
  return openSqliteStore(location, options);
}

/**
 * Opens (creating when needed) the SQLite corpus store at `path`; ':memory:' gives a private
 * in-memory store. Throws VerityError DB_INVALID (not SQLite / not Verity's), DB_VERSION (newer
 * schema), DB_READONLY (location cannot be written) or NOT_FOUND (readonly and missing).
 */
export async function openSqliteStore(path: string, options: OpenStoreOptions = {}): Promise<SqliteStore> {
  const readonly = options.readonly ?? false;
  const memory = path === ':memory:';
  if (!memory) preflight(path, readonly);
  try {
    return new SqliteStore(openDatabase(path, readonly, memory), path);
  } catch (e) {
    // A WAL database opened read-only needs its -shm file; in a folder the user cannot write it
    // cannot be made (SQLITE_READONLY_DIRECTORY / CANTOPEN). This better-sqlite3 build takes no
    // URI filenames (no "immutable=1"), so the file is read whole into memory instead.
    const code = String((e as { code?: unknown }).code ?? '');
    if (!readonly || memory || !/^SQLITE_(?:READONLY|CANTOPEN)/.test(code)) throw sqliteError(e, path, 'open the database');
    return new SqliteStore(openInMemoryCopy(path, options.maxInMemoryBytes ?? DEFAULT_MAX_IN_MEMORY_BYTES, e), path);
  }
}

function openDatabase(path: string, readonly: boolean, memory: boolean): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    db.pragma('busy_timeout = 5000');
    if (!readonly && !memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32000');
    // Not temp_store = MEMORY: it made heavy ranked FTS5 queries ~35 % slower (measured at 1M passages).
    registerCorpusFunctions(db);
    migrate(db, path, readonly);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** A read-only corpus in a folder that cannot be written: its file read into memory, opened read-only. */
function openInMemoryCopy(path: string, maxBytes: number, cause: unknown): Database.Database {
  const refuse = (problem: string, fix: string): VerityError => new VerityError({ code: 'DB_READONLY', component: 'store', problem: `cannot open ${quote(path)} read-only: ${problem}`, fix, cause });
  let walBytes = 0;
  try {
    walBytes = statSync(`${path}-wal`).size;
  } catch {
    // No write-ahead log: the file holds every change.
  }
  if (walBytes > 0) throw refuse('its folder cannot be written and its write-ahead log (-wal) holds changes not yet in the file', 'open it once where its folder is writable (any "verity search" there folds the log in), or copy the database with its -wal file to a writable folder');
  const size = statSync(path).size;
  if (size > maxBytes) throw refuse(`its folder cannot be written, and at ${Math.ceil(size / 1048576)} MiB it is larger than the ${Math.floor(maxBytes / 1048576)} MiB read into memory instead`, 'copy the database to a folder you can write, or make its folder writable');
  const bytes = readFileSync(path);
  // An in-memory copy has no write-ahead log: mark the header as rollback-journal (bytes 18–19).
  if (bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
  let db: Database.Database;
  try {
    db = new Database(bytes, { readonly: true });
  } catch (e) {
    throw sqliteError(e, path, 'open the database');
  }
  try {
    registerCorpusFunctions(db);
    migrate(db, path, true);
  } catch (e) {
    db.close();
    throw sqliteError(e, path, 'open the database');
  }
  return db;
}

/** The SQL functions the corpus_meta triggers (and migration 4 → 5) call: see schema.ts. */
function registerCorpusFunctions(db: Database.Database): void {
  db.function('verity_xor_hex', { deterministic: true }, (a: unknown, b: unknown) => xorHex(String(a), String(b)));
  db.aggregate('verity_id_digest', { start: EMPTY_DIGEST, step: (acc: string, id: unknown) => xorHex(acc, String(id)) });
}

function preflight(path: string, readonly: boolean): void {
  let size = -1;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      throw new VerityError({ code: 'DB_INVALID', component: 'store', problem: `the database path ${quote(path)} is a folder`, fix: 'pass a file name, e.g. --db .verity/verity.db' });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof VerityError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw sqliteError(e, path, 'open the database');
  }
  if (size < 0) {
    if (readonly) {
      throw new VerityError({ code: 'NOT_FOUND', component: 'store', problem: `no corpus database at ${quote(path)}`, fix: 'run "verity ingest <files>" first, or pass --db FILE / VERITY_DB' });
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw sqliteError(e, path, 'create the database folder');
    }
    return;
  }
  if (size === 0) return;
  const head = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 16, 0);
  } catch (e) {
    throw sqliteError(e, path, 'read the database');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const text = head.toString('latin1');
  if (text !== SQLITE_HEADER) {
    const shown = head.subarray(0, Math.min(size, 8)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw new VerityError({
      code: 'DB_INVALID',
      component: 'store',
      problem: `${quote(path)} is not an SQLite database (starts with ${quote(shown)})`,
      fix: 'point --db at a Verity database, or at a new file name to create one',
    });
  }
}

function migrate(db: Database.Database, path: string, readonly: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
    throw new VerityError({
      code: 'DB_INVALID',
      component: 'store',
      problem: `${quote(path)} is an SQLite database but not a Verity corpus (application_id ${appId}, ${tables} tables)`,
      fix: 'point --db at a Verity database, or at a new file name to create one',
    });
  }
  if (version > SCHEMA_VERSION) {
    throw new VerityError({
      code: 'DB_VERSION',
      component: 'store',
      problem: `${quote(path)} has schema version ${version}, made by a newer Verity; this build (${ENGINE_VERSION}) reads up to version ${SCHEMA_VERSION}`,
      fix: 'upgrade Verity, or ingest into a new database with --db FILE',
    });
  }
  if (version === SCHEMA_VERSION) return;
  if (readonly) {
    throw new VerityError({
      code: 'DB_VERSION',
      component: 'store',
      problem: `${quote(path)} has schema version ${version} and needs migrating to ${SCHEMA_VERSION}, but it is opened read-only`,
      fix: 'run "verity ingest" once on it (which migrates it), or open it writable',
    });
  }
  if (version === 0 && tables === 0) {
    db.transaction(() => {
      db.exec(CREATE_SCHEMA);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
    return;
  }
  // Migration 3 → 4 computes address keys with the same code the store writes them with.
  db.function('verity_uri_key', { deterministic: true }, (uri: unknown) => uriKey(String(uri)));
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const sql = MIGRATIONS[v];
    if (sql === undefined) throw new VerityError({ code: 'INTERNAL', component: 'store', problem: `no migration from schema version ${v}`, fix: 'this is a bug in Verity; please report it' });
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
