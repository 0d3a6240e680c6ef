// Source metadata from loosely-typed records (front matter, JSONL lines, sidecars, meta tags):
// known field names and their common aliases, validated kinds, normalised dates.
import { SOURCE_KINDS, type SourceKind, type SourceMeta } from '../../model.js';
import { VerityError, quote } from '../../errors.js';
import { inferKind } from '../infer-kind.js';

export type MetaPatch = Partial<SourceMeta>;

/** Fields naming other addresses of the document (collected from all of them, in this order). */
const ADDRESS_FIELDS = ['aliases', 'alias', 'canonical', 'canonical_url', 'canonicalUrl', 'sameAs', 'same_as', 'alternate_urls', 'alternateUrls'];

const ALIASES: Record<Exclude<keyof SourceMeta, 'aliases'>, string[]> = {
  uri: ['uri', 'url', 'link', 'source_url', 'sourceUrl'],
  title: ['title', 'name', 'headline'],
  publisher: ['publisher', 'site', 'site_name', 'siteName', 'organization', 'organisation', 'source'],
  author: ['author', 'authors', 'byline', 'creator'],
  publishedAt: ['publishedAt', 'published_at', 'published', 'date', 'datePublished', 'pubdate', 'created'],
  kind: ['kind'],
  language: ['language', 'lang'],
  license: ['license', 'licence', 'rights'],
};

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}

/** Validates a kind, naming the value and the allowed kinds when it is wrong. */
export function parseKind(value: string, where: string, component = 'ingest'): SourceKind {
  const k = value.trim().toLowerCase();
  if (isSourceKind(k)) return k;
  throw new VerityError({
    code: 'BAD_INPUT',
    component,
    problem: `${where}: unknown source kind ${quote(value)}`,
    fix: `use one of: ${SOURCE_KINDS.join(', ')}`,
  });
}

/** An ISO date (YYYY-MM-DD, or YYYY / YYYY-MM when that is all that is known) from a Date, "YYYY[-MM[-DD]]", a timestamp, a PDF date ("D:20230115…") or prose; null when unreadable. */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value);
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v === '') return null;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter((x) => x !== undefined).join('-');
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(v)) return v.slice(0, 10);
  const t = Date.parse(`${v} UTC`);
  const t2 = Number.isNaN(t) ? Date.parse(v) : t;
  return Number.isNaN(t2) ? null : new Date(t2).toISOString().slice(0, 10);
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return asText((value as { name: unknown }).name);
  return null;
}

/** A field holding one address or a list of them, as trimmed non-empty strings. */
function asTextList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []));
}

/** Reads the metadata fields a record states (unknown fields ignored). `where` names it in errors. */
export function metaFromRecord(record: Record<string, unknown>, where: string): MetaPatch {
  const out: MetaPatch = {};
  const addresses = ADDRESS_FIELDS.flatMap((k) => asTextList(record[k]));
  if (addresses.length > 0) out.aliases = [...new Set(addresses)];
  for (const field of Object.keys(ALIASES) as (keyof typeof ALIASES)[]) {
    const key = ALIASES[field].find((k) => record[k] !== undefined && record[k] !== null);
    if (key === undefined) continue;
    const raw = record[key];
    if (field === 'publishedAt') {
      const d = normalizeDate(raw);
      if (d !== null) out.publishedAt = d;
      continue;
    }
    const text = asText(raw);
    if (text === null) continue;
    if (field === 'kind') out.kind = parseKind(text, where);
    else out[field] = text;
  }
  return out;
}

/** Later patches win; null/undefined never erase an earlier value. */
export function mergeMeta(...patches: MetaPatch[]): MetaPatch {
  const out: MetaPatch = {};
  for (const p of patches) {
    for (const [k, v] of Object.entries(p) as [keyof SourceMeta, SourceMeta[keyof SourceMeta] | undefined][]) {
      if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/** Fills a complete SourceMeta from patches and defaults. */
export function completeMeta(patch: MetaPatch, defaults: { uri: string; title: string; kind: SourceKind }): SourceMeta {
  return {
    uri: patch.uri ?? defaults.uri,
    title: patch.title ?? defaults.title,
    publisher: patch.publisher ?? null,
    author: patch.author ?? null,
    publishedAt: patch.publishedAt ?? null,
    // No kind stated: what the address, publisher or site name tells, else "unknown".
    kind: patch.kind ?? (defaults.kind === 'unknown' ? (inferKind({ uri: patch.uri ?? defaults.uri, publisher: patch.publisher, title: patch.title ?? defaults.title }) ?? 'unknown') : defaults.kind),
    language: patch.language ?? null,
    license: patch.license ?? null,
    ...(patch.aliases && patch.aliases.length > 0 ? { aliases: patch.aliases } : {}),
  };
}
