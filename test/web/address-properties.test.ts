import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addressRefusal, parseV6 } from '../../src/web/address-policy.js';
import { webOptionsFromEnv } from '../../src/web/env-options.js';

const group = fc.integer({ min: 0, max: 0xffff });
const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));

test('IPv6 parsing agrees with the URL parser\'s canonical form (compressed, lower case)', () => {
  fc.assert(
    fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
      const full = groups.map((g) => g.toString(16)).join(':');
      const canonical = new URL(`http://[${full}]/`).hostname;
      assert.deepEqual(parseV6(full), groups);
      assert.deepEqual(parseV6(canonical), groups, canonical);
    }),
    { numRuns: 500 },
  );
});

test('every IPv4 address is refused in its IPv4-mapped IPv6 form; NAT64 and 6to4 forms judge the IPv4 address', () => {
  fc.assert(
    fc.property(v4, (a) => {
      assert.equal(addressRefusal(`::ffff:${a}`), 'IPv4-mapped IPv6');
      assert.equal(addressRefusal(new URL(`http://[::ffff:${a}]/`).hostname), 'IPv4-mapped IPv6');
      assert.equal(addressRefusal(`64:ff9b::${a}`), addressRefusal(a));
      const [x = 0, y = 0, z = 0, w = 0] = a.split('.').map(Number);
      const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
      assert.equal(addressRefusal(`2002:${hex(x, y)}:${hex(z, w)}::1`), addressRefusal(a));
    }),
    { numRuns: 500 },
  );
});

test('the URL parser\'s host for any IPv4 spelling is judged like the dotted quad', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
      const dotted = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
      assert.equal(new URL(`http://${n}/`).hostname, dotted);
      assert.equal(addressRefusal(new URL(`http://0x${n.toString(16)}/`).hostname), addressRefusal(dotted));
    }),
    { numRuns: 300 },
  );
});

test('web settings from the environment: the opt-in, the timeout and the User-Agent, with clear refusals', () => {
  assert.deepEqual(webOptionsFromEnv({}), {});
  assert.deepEqual(webOptionsFromEnv({ VERITY_WEB_ALLOW_PRIVATE: '1', VERITY_WEB_TIMEOUT_MS: '1500', VERITY_WEB_USER_AGENT: ' Verity-test (me@example.org) ' }), {
    allowPrivate: true,
    timeoutMs: 1500,
    userAgent: 'Verity-test (me@example.org)',
  });
  assert.deepEqual(webOptionsFromEnv({ VERITY_WEB_ALLOW_PRIVATE: '0' }), {});
  assert.throws(() => webOptionsFromEnv({ VERITY_WEB_ALLOW_PRIVATE: 'yes please' }), /\[web\] VERITY_WEB_ALLOW_PRIVATE="yes please" is not 1 or 0/);
  assert.throws(() => webOptionsFromEnv({ VERITY_WEB_TIMEOUT_MS: '2s' }), /VERITY_WEB_TIMEOUT_MS="2s" is not a positive whole number/);
});
