// Content hashes: a source's id is the sha256 of its text, so identical text is one source.
import { createHash } from 'node:crypto';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Passage ids are opaque strings: the first 16 hex digits of the source id and the ordinal. */
export function passageId(sourceId: string, ordinal: number): string {
  return `${sourceId.slice(0, 16)}:${ordinal}`;
}

/** Splits a passage id back into its source-id prefix and ordinal, or null when malformed. */
export function parsePassageId(id: string): { prefix: string; ordinal: number } | null {
  const m = /^([0-9a-f]{16}):(\d{1,9})$/.exec(id);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { prefix: m[1], ordinal: Number(m[2]) };
}

/** The digest of an empty corpus: 64 zero hex digits. */
export const EMPTY_DIGEST = '0'.repeat(64);

/**
 * XOR of two 64-hex-digit values. The corpus digest is the XOR of its source ids: adding a
 * source and removing it are the same step, and the order of ingest does not matter.
 */
export function xorHex(a: string, b: string): string {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) ^ (y[i] ?? 0);
  return x.toString('hex');
}

/**
 * The snapshot id of a corpus of `sources` sources whose ids XOR to `digest`: both are kept
 * up to date by every write (corpus_meta), so reading it costs the same at any corpus size.
 * It identifies a corpus state for reproducibility; it is not built to resist a corpus crafted
 * to collide with another (XOR is linear).
 */
export function snapshotIdOf(sources: number, digest: string): string {
  return contentHash(`verity-corpus 2\n${sources}\n${digest}`);
}
