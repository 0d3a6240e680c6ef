// Maps node-postgres and socket failures to VerityErrors that name the server (password
// masked) and the fix. Connection-level failures are retryable; bad input and bugs are not.
import { VerityError, quote } from '../../errors.js';

/** A connection URL safe to print: the password (in the authority or `?password=`) is masked. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString();
  } catch {
    // Not parseable (spaces, odd characters): mask up to the last "@" of the authority.
    return url.replace(/(password=)[^&]*/gi, '$1***').replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):.*@/i, '$1:***@');
  }
}

/** The socket error code of a failure: node puts it on the error or, for multi-address connects, on an AggregateError's members. */
function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const inner = (e as { errors?: unknown }).errors;
  if (Array.isArray(inner)) {
    for (const x of inner) {
      const c = (x as { code?: unknown }).code;
      if (typeof c === 'string' && c !== '') return c;
    }
  }
  return '';
}

function messageOf(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  const inner = (e as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner[0] instanceof Error) return inner[0].message;
  return String(e);
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED']);

/** Whether a failure is about reaching the server (as opposed to what was asked of it). */
export function isConnectionFailure(e: unknown): boolean {
  const c = errorCode(e);
  if (SOCKET_CODES.has(c) || c.startsWith('08') || c === '57P01' || c === '57P02' || c === '57P03' || c === '53300') return true;
  return /connection terminated|timeout expired|connection timeout|Client has encountered a connection error|not queryable/i.test(messageOf(e));
}

/**
 * A VerityError for a failure while doing `what` against the server at `location` (an already
 * masked URL label). VerityErrors pass through unchanged.
 */
export function postgresError(e: unknown, location: string, what: string): VerityError {
  if (e instanceof VerityError) return e;
  const c = errorCode(e);
  const message = messageOf(e);
  const at = quote(location, 160);
  const base = { component: 'store', cause: e } as const;
  if (c === '28P01' || c === '28000') {
    return new VerityError({ ...base, code: 'DB_AUTH', problem: `cannot ${what}: the PostgreSQL server at ${at} refused the login (${message})`, fix: 'check the user name and password in the URL (postgres://USER:PASSWORD@HOST:PORT/DB) and the server\'s pg_hba.conf' });
  }
  if (c === '3D000') {
    return new VerityError({ ...base, code: 'NOT_FOUND', problem: `cannot ${what}: the database named in ${at} does not exist (${message})`, fix: 'create it (createdb NAME) or point the URL at an existing database' });
  }
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN') {
    return new VerityError({ ...base, code: 'IO', retryable: c === 'EAI_AGAIN', problem: `cannot ${what}: the host in ${at} cannot be resolved (${c})`, fix: 'check the host name in the URL' });
  }
  if (isConnectionFailure(e)) {
    return new VerityError({
      ...base,
      code: 'DB_UNAVAILABLE',
      retryable: true,
      problem: `cannot ${what}: cannot reach the PostgreSQL server at ${at} (${c ? `${c}: ` : ''}${message})`,
      fix: 'start the server (for tests: eval "$(scripts/ci-services.sh)") or fix host and port in the URL, then retry',
    });
  }
  if (c === '40001' || c === '40P01' || c === '55P03') {
    return new VerityError({ ...base, code: 'IO', retryable: true, problem: `cannot ${what} on ${at}: a concurrent writer got in the way (${c}: ${message})`, fix: 'retry the operation' });
  }
  if (c === '42501') {
    return new VerityError({ ...base, code: 'DB_READONLY', problem: `cannot ${what} on ${at}: permission denied (${message})`, fix: 'connect as a role that owns the database or has CREATE on it and on the Verity schema' });
  }
  if (c === '25006') {
    return new VerityError({ ...base, code: 'DB_READONLY', problem: `cannot ${what} on ${at}: the server is read-only (${message})`, fix: 'connect to the primary server, not a read replica' });
  }
  if (c === '53100' || c === '53200') {
    return new VerityError({ ...base, code: 'IO', retryable: true, problem: `cannot ${what} on ${at}: the server is out of disk or memory (${c}: ${message})`, fix: 'free space on the database server, then retry' });
  }
  return new VerityError({
    ...base,
    code: 'INTERNAL',
    problem: `cannot ${what} in ${at}: ${c ? `${c}: ` : ''}${message}`,
    fix: 'this is a bug in Verity; please report it with the command you ran',
  });
}
