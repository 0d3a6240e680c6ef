import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressRefusal, parseV6 } from '../../src/web/address-policy.js';

test('public unicast addresses pass', () => {
  for (const a of ['8.8.8.8', '93.184.216.34', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.32.0.1', '2606:4700::1111', '2a00:1450:4001:80b::200e', '64:ff9b::808:808', '2002:0808:0808::1']) {
    assert.equal(addressRefusal(a), null, a);
  }
});

test('each non-public range is refused with its reason', () => {
  const cases: [string, string][] = [
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.10.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'CGNAT (shared address space)'],
    ['100.127.255.255', 'CGNAT (shared address space)'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.2.1', 'documentation'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped IPv6'],
    ['::ffff:7f00:1', 'IPv4-mapped IPv6'],
    ['::ffff:8.8.8.8', 'IPv4-mapped IPv6'],
    ['::127.0.0.1', 'IPv4-compatible IPv6'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local IPv6'],
    ['fd12:3456::1', 'unique-local IPv6'],
    ['fec0::1', 'site-local IPv6'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:0001::1', 'loopback'],
    ['100::1', 'not global unicast'],
    ['example.com', 'not an IP address'],
    ['1.2.3', 'not an IP address'],
    ['256.1.1.1', 'not an IP address'],
  ];
  for (const [a, why] of cases) assert.equal(addressRefusal(a), why, a);
});

test('IPv6 parsing expands "::" and IPv4 tails', () => {
  assert.deepEqual(parseV6('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseV6('::ffff:192.168.1.1'), [0, 0, 0, 0, 0, 0xffff, 0xc0a8, 0x0101]);
  assert.deepEqual(parseV6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(parseV6('1::2::3'), null);
  assert.equal(parseV6('127.0.0.1'), null);
});
