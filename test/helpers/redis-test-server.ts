// The Redis server the tests use: VERITY_TEST_REDIS_URL (scripts/ci-services.sh prints it).
// Unset → the tests skip with a reason locally, and fail in CI (CI=true), where no test may be
// skipped for a missing service. Every test uses fresh queue names; their keys are deleted
// after the file's tests.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.VERITY_TEST_REDIS_URL ?? '';

const HOW = 'run: eval "$(scripts/ci-services.sh)"  (starts redis-server on 127.0.0.1 and sets VERITY_TEST_REDIS_URL)';

/**
 * Whether Redis tests can run here. When they cannot, registers one test that explains why:
 * skipped locally, failed in CI.
 */
export function redisAvailable(area: string): boolean {
  if (REDIS_URL) return true;
  if (process.env.CI === 'true') {
    test(`${area}: Redis server is configured (required in CI)`, () => {
      assert.fail(`VERITY_TEST_REDIS_URL is unset but CI=true; ${HOW}`);
    });
  } else {
    test(`${area}: Redis tests`, { skip: `VERITY_TEST_REDIS_URL is unset; ${HOW}` }, () => undefined);
  }
  return false;
}

const names: string[] = [];

/** A queue name unique to this process, whose keys are deleted after the file's tests. */
export function freshQueueName(prefix = 'vt'): string {
  const name = `${prefix}-${process.pid}-${names.length}-${randomBytes(3).toString('hex')}`;
  names.push(name);
  return name;
}

let admin: Redis | undefined;

/** A direct connection for checks outside the queue (raw keys, fault set-up). */
export function adminRedis(): Redis {
  admin ??= new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  return admin;
}

after(async () => {
  if (!REDIS_URL || (names.length === 0 && !admin)) return;
  const r = adminRedis();
  for (const name of names) {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `verity:${name}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await r.del(...keys);
    } while (cursor !== '0');
  }
  await r.quit();
});
