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
