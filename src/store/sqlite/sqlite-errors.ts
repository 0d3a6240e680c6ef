// Maps better-sqlite3 failures to VerityErrors that name the database and the fix.
import { VerityError, quote } from '../../errors.js';

export function sqliteError(e: unknown, location: string, what: string): VerityError {
  if (e instanceof VerityError) return e;
  const code = (e as { code?: unknown }).code;
  const message = (e as Error)?.message ?? String(e);
  const db = quote(location);
  const c = typeof code === 'string' ? code : '';
  if (c.startsWith('SQLITE_READONLY') || c === 'SQLITE_CANTOPEN' || c === 'EACCES' || c === 'EROFS' || c === 'EPERM') {
    return new VerityError({
      code: 'DB_READONLY',
      component: 'store',
      problem: `cannot ${what}: the database ${db} is read-only or its folder cannot be written (${c || message})`,
      fix: 'choose a writable location with --db FILE or VERITY_DB, or fix the permissions of the file and its folder',
      cause: e,
    });
  }
  if (c === 'SQLITE_NOTADB' || c.startsWith('SQLITE_CORRUPT')) {
    return new VerityError({
      code: 'DB_INVALID',
      component: 'store',
      problem: `cannot ${what}: ${db} is not a valid SQLite database (${message})`,
      fix: 'point --db at a Verity database, or at a new file name to create one',
      cause: e,
    });
  }
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) {
    return new VerityError({
      code: 'IO',
      component: 'store',
      problem: `cannot ${what}: the database ${db} is locked by another process`,
      fix: 'wait for the other Verity process to finish, then retry',
      retryable: true,
      cause: e,
    });
  }
  if (c.startsWith('SQLITE_FULL') || c.startsWith('SQLITE_IOERR') || c === 'ENOSPC') {
    return new VerityError({
      code: 'IO',
      component: 'store',
      problem: `cannot ${what}: disk error on ${db} (${message})`,
      fix: 'free disk space or move the database with --db FILE',
      cause: e,
    });
  }
  return new VerityError({
    code: 'INTERNAL',
    component: 'store',
    problem: `cannot ${what} in ${db}: ${message}`,
    fix: 'this is a bug in Verity; please report it with the command you ran',
    cause: e,
  });
}
