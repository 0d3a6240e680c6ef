// The upstream benchmark formats, read as they are published (see each PROVENANCE.md in the
// benchmark data). Formats are recognised by content, never by file name, so held-out test files
// of the same format read the same way. Records repeated across files (a "combined" file next to
// its parts) are read once.
import { extname } from 'node:path';
import { VerityError, quote } from '../errors.js';
import { filesUnder, readCsv, readJsonl, readTsv, str } from './records.js';
import type { Row } from './records.js';

export interface ClimateFeverClaim {
  id: string;
  claim: string;
  gold: string;
  evidences: Array<{ id: string; text: string; gold: string }>;
}
export interface CheckCovidClaim {
  id: string;
  claim: string;
  gold: string;
  cordId: string;
  /** Gold rationale: indices into the abstract's sentences. */
  evidence: number[];
}
export interface WiceClaim {
  id: string;
  claim: string;
  gold: string;
  /** The cited article's sentences (entailment_retrieval format), or the first oracle chunk. */
  sentences: string[];
  /** Every evidence chunk: the whole article, or each oracle chunk of the claim (oracle_chunks format). */
  chunks: string[][];
  supporting: number[][];
  /** Read from the oracle_chunks format (gold sentences plus distractors), not the full article. */
  oracle: boolean;
  /** The title of the Wikipedia page the claim was lifted from (meta.claim_title), when given. */
  topic?: string;
}
export interface CitationClaim {
  id: string;
  claim: string;
  gold: string;
  docIds: string[];
  /** Gold rationale sentence indices per cited doc (for training). */
  rationale: Record<string, number[]>;
  /** The claim as published, citation markers included (see citing-sentence.ts). */
  raw: string;
}
export interface PairExample {
  id: string;
  claim: string;
  evidence: string;
  gold: string;
}
export interface CorpusDoc {
  id: string;
  title: string;
  sentences: string[];
}

type Format = 'covid-fact-claims' | 'climate-fever' | 'check-covid' | 'check-covid-corpus' | 'wice' | 'wice-oracle' | 'citation' | 'citation-corpus' | 'fever-symmetric' | 'rte' | 'healthver';

/** The format of a row set (first rows are enough), or null. */
function formatOf(rows: Row[], kind: 'jsonl' | 'tsv' | 'csv'): Format | null {
  const r = rows[0];
  if (!r) return null;
  const has = (k: string): boolean => k in r;
  if (kind === 'tsv') return has('sentence1') && has('sentence2') ? 'rte' : null;
  if (kind === 'csv') return has('evidence') && has('claim') && has('label') ? 'healthver' : null;
  if (has('claim') && Array.isArray(r.evidences)) return 'climate-fever';
  if (has('claim') && has('cord_id') && has('label')) return 'check-covid';
  if (has('cord_id') && Array.isArray(r.abstract)) return 'check-covid-corpus';
  if (has('claim') && Array.isArray(r.evidence) && has('supporting_sentences')) return 'wice';
  if (has('claim') && Array.isArray(r.evidence) && has('label') && Array.isArray((r.meta as Row | undefined)?.chunk_idx)) return 'wice-oracle';
  if (has('claim') && has('cited_doc_ids')) return 'citation';
  if (has('doc_id') && Array.isArray(r.abstract)) return 'citation-corpus';
  if (has('claim') && Array.isArray(r.evidence) && (r.label === 'SUPPORTED' || r.label === 'REFUTED')) return 'covid-fact-claims';
  if (has('claim') && (has('evidence_sentence') || (typeof r.evidence === 'string' && (has('gold_label') || has('label'))))) return 'fever-symmetric';
  return null;
}

function readAny(file: string): { rows: Row[]; format: Format | null } {
  const ext = extname(file).toLowerCase();
  if (ext === '.tsv') {
    const rows = readTsv(file);
    return { rows, format: formatOf(rows, 'tsv') };
  }
  if (ext === '.csv') {
    const rows = readCsv(file);
    return { rows, format: formatOf(rows, 'csv') };
  }
  if (ext === '.jsonl' || ext === '.json') {
    const rows = readJsonl(file);
    return { rows, format: formatOf(rows, 'jsonl') };
  }
  return { rows: [], format: null };
}

/** Does `path` hold RTE pair files (rather than claims of another format)? */
export function hasRteFiles(path: string): boolean {
  return filesUnder(path).some((f) => extname(f).toLowerCase() === '.tsv' && readAny(f).format === 'rte');
}

/** Every row of the files under `path` whose format is one of `formats`; an error when none is. */
export function rowsOf(path: string, formats: Format[], what: string): Array<{ row: Row; file: string }> {
  const out: Array<{ row: Row; file: string }> = [];
  const files = filesUnder(path);
  for (const file of files) {
    const { rows, format } = readAny(file);
    if (format === null || !formats.includes(format)) {
      if (files.length === 1) {
        throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(file)} is not ${what}${format ? ` (it looks like ${format})` : ''}`, fix: `pass a file in the upstream ${what} format, or a folder holding such files` });
      }
      continue;
    }
    for (const row of rows) out.push({ row, file });
  }
  if (out.length === 0) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `no ${what} found under ${quote(path)}`, fix: `pass a file in the upstream ${what} format, or a folder holding such files` });
  }
  return out;
}

function unique<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function readClimateFever(path: string): ClimateFeverClaim[] {
  const rows = rowsOf(path, ['climate-fever'], 'CLIMATE-FEVER claims (JSONL with claim, claim_label, evidences)');
  return unique(
    rows.map(({ row }) => ({
      id: str(row.claim_id),
      claim: str(row.claim),
      gold: str(row.claim_label),
      evidences: (row.evidences as Row[]).map((e) => ({ id: str(e.evidence_id), text: str(e.evidence), gold: str(e.evidence_label) })),
    })),
    (c) => `${c.id}|${c.claim}`,
  );
}

export function readCheckCovid(path: string): CheckCovidClaim[] {
  const rows = rowsOf(path, ['check-covid'], 'Check-COVID claims (JSONL with id, claim, cord_id, label)');
  return unique(
    rows.map(({ row }) => ({
      id: str(row.id),
      claim: str(row.claim),
      gold: str(row.label),
      cordId: str(row.cord_id),
      evidence: Array.isArray(row.evidence_set) ? (row.evidence_set as Row[]).map((e) => Number(e.sent_index)).filter(Number.isInteger) : [],
    })),
    (c) => c.id || c.claim,
  );
}

export function readCheckCovidCorpus(path: string): CorpusDoc[] {
  return rowsOf(path, ['check-covid-corpus'], 'a Check-COVID corpus (JSONL with cord_id, title, abstract)').map(({ row }) => ({
    id: str(row.cord_id),
    title: str(row.title),
    sentences: (row.abstract as unknown[]).map(str),
  }));
}

/**
 * WiCE claims: the entailment_retrieval format (claim + every sentence of the cited article), or
 * the oracle_chunks format (about three rows per claim, each a chunk of gold and distractor
 * sentences; the chunks of one claim are gathered). A folder holding both is read as the
 * entailment_retrieval format only.
 */
export function readWice(path: string): WiceClaim[] {
  const rows = rowsOf(path, ['wice', 'wice-oracle'], 'WiCE claims (JSONL with label, claim, evidence, and supporting_sentences or meta.chunk_idx)');
  const full = rows.filter(({ row }) => 'supporting_sentences' in row);
  if (full.length > 0) {
    return unique(
      full.map(({ row }) => {
        const sentences = (row.evidence as unknown[]).map(str);
        return {
          id: str((row.meta as Row | undefined)?.id),
          claim: str(row.claim),
          gold: str(row.label),
          sentences,
          chunks: [sentences],
          supporting: Array.isArray(row.supporting_sentences) ? (row.supporting_sentences as unknown[]).filter(Array.isArray).map((x) => (x as unknown[]).map(Number)) : [],
          oracle: false,
          ...(str((row.meta as Row | undefined)?.claim_title).trim() !== '' ? { topic: str((row.meta as Row | undefined)?.claim_title).trim() } : {}),
        };
      }),
      (c) => c.id || c.claim,
    );
  }
  const byId = new Map<string, WiceClaim>();
  for (const { row } of rows) {
    const id = str((row.meta as Row | undefined)?.id) || str(row.claim);
    const chunk = (row.evidence as unknown[]).map(str);
    const cur = byId.get(id);
    if (cur) {
      if (!cur.chunks.some((c) => c.join('\n') === chunk.join('\n'))) cur.chunks.push(chunk);
    } else byId.set(id, { id, claim: str(row.claim), gold: str(row.label), sentences: chunk, chunks: [chunk], supporting: [], oracle: true });
  }
  return [...byId.values()];
}

/** Citation markers such as "[<|multi_cit|>]" are not words of the claim. */
export function stripCitationMarkers(text: string): string {
  return text.replace(/\[?<\|[a-z_]+\|>\]?/gi, ' ').replace(/\s+([.,;:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

/** SciFact-schema claims (Citation-Integrity, SciFact): label from the evidence, NEI when empty. */
export function readCitationClaims(path: string): CitationClaim[] {
  const rows = rowsOf(path, ['citation'], 'SciFact-schema claims (JSONL with id, claim, evidence, cited_doc_ids)');
  return unique(
    rows.map(({ row }) => {
      const evidence = (row.evidence ?? {}) as Record<string, Array<{ sentences?: number[]; label?: string }>>;
      const labels = Object.values(evidence).flatMap((v) => v.map((x) => str(x.label)));
      const counts = new Map<string, number>();
      for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
      let gold = 'NEI';
      for (const [l, n] of counts) if (gold === 'NEI' || n > (counts.get(gold) ?? 0)) gold = l;
      const rationale: Record<string, number[]> = {};
      for (const [doc, v] of Object.entries(evidence)) rationale[doc] = v.flatMap((x) => x.sentences ?? []);
      return { id: str(row.id), claim: stripCitationMarkers(str(row.claim)), raw: str(row.claim), gold, docIds: ((row.cited_doc_ids as unknown[]) ?? []).map(str), rationale };
    }),
    (c) => c.id || c.claim,
  );
}

export function readCitationCorpus(path: string): Map<string, CorpusDoc> {
  const out = new Map<string, CorpusDoc>();
  for (const { row } of rowsOf(path, ['citation-corpus'], 'a SciFact-schema corpus (JSONL with doc_id, abstract)')) {
    const id = str(row.doc_id);
    out.set(id, { id, title: str(row.title), sentences: (row.abstract as unknown[]).map(str) });
  }
  return out;
}

/** Pair suites: one (claim, evidence, label) per row. */
export function readPairs(suite: 'healthver' | 'fever-symmetric' | 'covid-fact' | 'scifact', path: string, labelsFrom?: string): PairExample[] {
  if (suite === 'healthver') {
    const rows = rowsOf(path, ['healthver'], 'HealthVer pairs (CSV with id, evidence, claim, label)');
    return unique(rows.map(({ row }) => ({ id: str(row.id), claim: str(row.claim).trim(), evidence: str(row.evidence), gold: str(row.label) })), (p) => `${p.id}|${p.claim}|${p.evidence}`);
  }
  if (suite === 'fever-symmetric') {
    const rows = rowsOf(path, ['fever-symmetric'], 'FEVER-Symmetric pairs (JSONL with claim, evidence_sentence or evidence, label)');
    return unique(
      rows.map(({ row }) => ({ id: str(row.id), claim: str(row.claim), evidence: str(row.evidence_sentence ?? row.evidence), gold: str(row.gold_label ?? row.label) })),
      (p) => `${p.id}|${p.claim}|${p.evidence}`,
    );
  }
  const rows = rowsOf(path, ['rte'], 'RTE pairs (TSV with index, sentence1, sentence2, label)');
  const labelKey = (row: Row): string => {
    for (const k of ['label', 'entailment', 'gold_label']) if (k in row) return str(row[k]);
    const keys = Object.keys(row);
    return str(row[keys[keys.length - 1] ?? '']);
  };
  const pairs = rows.map(({ row, file }) => ({ id: `${file}#${str(row.index)}`, claim: str(row.sentence2), evidence: str(row.sentence1), gold: labelKey(row) }));
  if (labelsFrom) {
    // COVID-Fact's test.tsv has no labels: join each claim to the released claims file
    // (COVIDFACT_dataset.jsonl: claim, label SUPPORTED/REFUTED) on lower-cased alphanumerics.
    const key = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]/g, '');
    const labels = new Map<string, string>();
    for (const { row } of rowsOf(labelsFrom, ['covid-fact-claims'], 'COVID-Fact claims (JSONL with claim, label SUPPORTED/REFUTED)')) {
      labels.set(key(str(row.claim)), str(row.label) === 'SUPPORTED' ? 'entailment' : 'not_entailment');
    }
    for (const p of pairs) if (p.gold !== 'entailment' && p.gold !== 'not_entailment') p.gold = labels.get(key(p.claim)) ?? p.gold;
  }
  const unlabelled = pairs.find((p) => p.gold !== 'entailment' && p.gold !== 'not_entailment');
  if (unlabelled) {
    throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(unlabelled.id)} has no entailment/not_entailment label (found ${quote(unlabelled.gold)})`, fix: 'pass an RTE file with a label column, or for COVID-Fact\'s unlabelled test.tsv pass --corpus COVIDFACT_dataset.jsonl to read the labels from the claims file' });
  }
  return unique(pairs, (p) => `${p.claim}|${p.evidence}`);
}

/** An abstract as one document text: the title as its first sentence, then the sentences. */
export function abstractText(doc: CorpusDoc): string {
  const title = doc.title.trim();
  const head = title === '' ? [] : [/[.!?]$/.test(title) ? title : `${title}.`];
  return [...head, ...doc.sentences.map((s) => s.trim()).filter((s) => s !== '')].join(' ');
}
