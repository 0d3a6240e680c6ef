// Which network addresses a fetch may connect to. Everything that is not ordinary public unicast
// is refused: a URL from a document, a search result or a redirect must not reach the machine
// Verity runs on or its private network (server-side request forgery).
import { isIP } from 'node:net';

/** Why an address is refused ("loopback", "private", …), or null when it is public. */
export type AddressRefusal =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'CGNAT (shared address space)'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'IPv4-mapped IPv6'
  | 'IPv4-compatible IPv6'
  | 'unique-local IPv6'
  | 'site-local IPv6'
  | 'not global unicast'
  | 'not an IP address';

interface V4Range {
  base: number;
  bits: number;
  why: AddressRefusal;
}

const v4 = (a: number, b: number, c: number, d: number): number => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;

// IANA IPv4 special-purpose registry, the ranges that are not globally reachable.
const V4_BLOCKED: V4Range[] = [
  { base: v4(0, 0, 0, 0), bits: 8, why: 'unspecified' },
  { base: v4(10, 0, 0, 0), bits: 8, why: 'private' },
  { base: v4(100, 64, 0, 0), bits: 10, why: 'CGNAT (shared address space)' },
  { base: v4(127, 0, 0, 0), bits: 8, why: 'loopback' },
  { base: v4(169, 254, 0, 0), bits: 16, why: 'link-local' },
  { base: v4(172, 16, 0, 0), bits: 12, why: 'private' },
  { base: v4(192, 0, 0, 0), bits: 24, why: 'reserved' },
  { base: v4(192, 0, 2, 0), bits: 24, why: 'documentation' },
  { base: v4(192, 88, 99, 0), bits: 24, why: 'reserved' },
  { base: v4(192, 168, 0, 0), bits: 16, why: 'private' },
  { base: v4(198, 18, 0, 0), bits: 15, why: 'benchmarking' },
  { base: v4(198, 51, 100, 0), bits: 24, why: 'documentation' },
  { base: v4(203, 0, 113, 0), bits: 24, why: 'documentation' },
  { base: v4(224, 0, 0, 0), bits: 4, why: 'multicast' },
  { base: v4(255, 255, 255, 255), bits: 32, why: 'broadcast' },
  { base: v4(240, 0, 0, 0), bits: 4, why: 'reserved' },
];

function parseV4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const x = Number(p);
    if (x > 255) return null;
    n = n * 256 + x;
  }
  return n;
}

function refuseV4(n: number): AddressRefusal | null {
  for (const r of V4_BLOCKED) {
    const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
    if (((n & mask) >>> 0) === r.base) return r.why;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (zone id and an IPv4 tail allowed), or null. */
export function parseV6(text: string): number[] | null {
  let t = text.replace(/^\[|\]$/g, '');
  const zone = t.indexOf('%');
  if (zone >= 0) t = t.slice(0, zone);
  if (isIP(t) !== 6) return null;
  const lastColon = t.lastIndexOf(':');
  const maybeV4 = t.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    // An IPv4 tail ("::ffff:127.0.0.1") becomes two hex groups.
    const n = parseV4(maybeV4);
    if (n === null) return null;
    t = `${t.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const fill = 8 - head.length - rest.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0) return null;
  const out = [...head, ...new Array<number>(fill).fill(0), ...rest];
  return out.length === 8 && out.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? out : null;
}

function refuseV6(g: number[]): AddressRefusal | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo = (k: number): boolean => g.slice(0, k).every((x) => x === 0);
  const embedded = ((g6 << 16) >>> 0) + g7;
  if (zeroTo(8)) return 'unspecified';
  if (zeroTo(7) && g7 === 1) return 'loopback';
  if (zeroTo(5) && g5 === 0xffff) return 'IPv4-mapped IPv6';
  if (zeroTo(6)) return 'IPv4-compatible IPv6';
  if (g0 >= 0xff00) return 'multicast';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local IPv6';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local IPv6';
  // NAT64 well-known prefix 64:ff9b::/96 carries an IPv4 address: judge that address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return refuseV4(embedded);
  if ((g0 & 0xe000) !== 0x2000) return 'not global unicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x3fff && g1 <= 0x0fff) return 'documentation';
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved'; // 2001::/23 IETF protocol assignments (Teredo, ORCHID, benchmarking)
  if (g0 === 0x2002) return refuseV4(((g1 << 16) >>> 0) + g2); // 6to4 carries an IPv4 address
  return null;
}

/**
 * Why connecting to `address` is refused, or null when it is public unicast. Accepts IPv4 dotted
 * quads and IPv6 (with or without brackets or a zone id). Anything else is "not an IP address".
 */
export function addressRefusal(address: string): AddressRefusal | null {
  const n = parseV4(address);
  if (n !== null) return refuseV4(n);
  const g = parseV6(address);
  if (g !== null) return refuseV6(g);
  return 'not an IP address';
}
