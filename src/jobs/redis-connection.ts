// Connections to Redis for the Redis-backed queue and worker: the URL checked and redacted for
// messages, ioredis loaded lazily, a first connection that fails fast with a clear error, and
// every later Redis failure turned into a VerityError naming the (redacted) URL and the fix.
import type { Redis, RedisOptions } from 'ioredis';
import { VerityError, isVerityError, quote } from '../errors.js';

export const REDIS_FIX = 'start redis-server or check --queue/VERITY_QUEUE_URL';

/** The URL with any password replaced by "***", for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** Refuses what is not a redis:// or rediss:// URL (USAGE). */
export function checkRedisUrl(url: string): void {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'redis:' && u.protocol !== 'rediss:') || u.hostname === '') {
    throw new VerityError({
      code: 'USAGE',
      component: 'jobs',
      problem: `the queue URL ${quote(redactRedisUrl(url))} is not a redis:// or rediss:// URL`,
      fix: 'pass --queue redis://HOST:PORT[/DB] (or set VERITY_QUEUE_URL)',
    });
  }
}

/** A failure talking to Redis, as a VerityError (UNAVAILABLE, retryable); VerityErrors pass through. */
export function redisError(url: string, e: unknown, doing: string): VerityError {
  if (isVerityError(e)) return e;
  const text = (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');
  return new VerityError({
    code: 'UNAVAILABLE',
    component: 'jobs',
    problem: `cannot ${doing} (Redis at ${quote(redactRedisUrl(url))}): ${text}`,
    fix: REDIS_FIX,
    retryable: true,
    cause: e,
  });
}

export interface ConnectOptions {
  /** For BullMQ's connections: commands wait for a reconnect instead of failing (maxRetriesPerRequest null). */
  blocking?: boolean;
  /** How long the first connection may take (default 5000 ms). */
  connectTimeoutMs?: number;
}

async function loadIoredis(): Promise<typeof Redis> {
  try {
    return (await import('ioredis')).Redis;
  } catch (e) {
    throw new VerityError({ code: 'UNSUPPORTED', component: 'jobs', problem: `the ioredis package cannot be loaded: ${e instanceof Error ? e.message : String(e)}`, fix: 'run npm install (ioredis and bullmq are dependencies of verity)' });
  }
}

/**
 * Opens a connection and waits until it is ready. The first connection is not retried, so a
 * Redis that is down gives an error at once; once connected, a lost connection is retried
 * (every 0.2 s … 2 s) and commands sent meanwhile fail after two attempts (or wait, when blocking).
 */
export async function connectRedis(url: string, options: ConnectOptions = {}): Promise<Redis> {
  checkRedisUrl(url);
  const RedisClient = await loadIoredis();
  let connected = false;
  let closed = false;
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    maxRetriesPerRequest: options.blocking ? null : 2,
    enableReadyCheck: true,
    // Shared by the copies BullMQ makes (duplicate()), so closing this one stops theirs retrying too.
    retryStrategy: (times) => (connected && !closed ? Math.min(200 * times, 2000) : null),
  };
  const client = new RedisClient(url, redisOptions);
  // Errors also arrive as rejected commands; an unhandled 'error' event would crash the process.
  let cause: unknown = null;
  client.on('error', (e) => {
    cause ??= e;
  });
  try {
    await client.connect();
  } catch (e) {
    client.disconnect();
    // ioredis rejects with "Connection is closed"; the socket's error says why (ECONNREFUSED …).
    throw redisError(url, cause ?? e, 'connect');
  }
  connected = true;
  stoppers.set(client, () => {
    closed = true;
  });
  return client;
}

const stoppers = new WeakMap<Redis, () => void>();

/** Closes a connection politely, or drops it when Redis is gone. */
export async function closeRedis(client: Redis): Promise<void> {
  stoppers.get(client)?.();
  if (client.status === 'end') return;
  try {
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  } catch {
    // Already gone: disconnect below.
  }
  client.disconnect();
}
