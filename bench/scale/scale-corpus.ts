// The scale benchmark's corpora, built from the shared benchmark texts (../shared/data, read, never
// copied into the repository). Sentences are collected from several datasets (Check-COVID and
// citation-integrity abstracts, Climate-FEVER evidence, FactCheck-GPT answers, SciFact and
// FEVER-symmetric claims); each generated document is 10 paragraphs of 2 sentences drawn with a
// fixed seed, so a sentence recurs across documents (as boilerplate does) but no two documents
// and almost no two paragraphs are the same text: nothing is merged as a duplicate. The real
// Check-COVID abstracts come first, each as its own document with the uri "checkcovid:<cord_id>",
// so the claims' own sources are in every corpus and own-source recall can be measured.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { mulberry32 } from '../seeded.js';

/** The shared data: $VERITY_BENCH_DATA, else ../shared/data from the main checkout or ../../shared/data from a worktree. */
export const DATA = process.env.VERITY_BENCH_DATA ?? [join(process.cwd(), '..', 'shared', 'data'), join(process.cwd(), '..', '..', 'shared', 'data')].find((d) => existsSync(d)) ?? join(process.cwd(), '..', 'shared', 'data');
const CHECK_COVID = join(DATA, 'check-covid', 'Check-COVID');
const PARAGRAPHS_PER_DOC = 10;

export interface Claim {
  claim: string;
  cordId: string;
}

function jsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/** Every string of 8+ words in a JSON value, cut into sentences. */
function sentencesIn(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value.split(' ').length < 8) return;
    for (const s of value.split(/(?<=[.!?])\s+(?=[A-Z])/)) if (s.length >= 40 && s.length <= 400 && /[.!?]$/.test(s)) out.push(s.replace(/\s+/g, ' '));
  } else if (Array.isArray(value)) for (const v of value) sentencesIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) sentencesIn(v, out);
}

export function sentencePool(): string[] {
  const out: string[] = [];
  const files = [
    join(CHECK_COVID, 'corpus.json'),
    join(DATA, 'citation-integrity', 'corpus.jsonl'),
    join(DATA, 'climate-fever', 'climate-fever-dev.jsonl'),
    join(DATA, 'factcheck-gpt', 'factcheck-GPT-benchmark.jsonl'),
    join(DATA, 'scifact', 'claims_dev.jsonl'),
    join(DATA, 'scifact', 'claims_train.jsonl'),
    join(DATA, 'fever-symmetric', 'symmetric_v0.2', 'fever_symmetric_dev.jsonl'),
  ];
  for (const f of files) for (const rec of jsonl(f)) sentencesIn(rec, out);
  return [...new Set(out)];
}

/** The Check-COVID claims of a split (dev unless said: settings are chosen on train). */
export function checkCovidClaims(split: 'dev' | 'train' = 'dev'): Claim[] {
  return (jsonl(join(CHECK_COVID, split, `covidCheck_${split}_composed+extracted.json`)) as { claim: string; cord_id: string }[]).map((r) => ({ claim: r.claim, cordId: r.cord_id }));
}

/** Writes a JSONL corpus of about `passages` passages; returns the documents written. */
export async function writeCorpus(path: string, passages: number, seed: number, pool: readonly string[]): Promise<number> {
  const out = createWriteStream(path);
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  let docs = 0;
  let written = 0;
  for (const r of jsonl(join(CHECK_COVID, 'corpus.json')) as { cord_id: string; title: string; abstract: string[] }[]) {
    await write(JSON.stringify({ url: `checkcovid:${r.cord_id}`, title: r.title, text: r.abstract.join(' '), kind: 'academic' }));
    docs++;
    written += Math.ceil(r.abstract.length / 3);
  }
  const rnd = mulberry32(seed);
  const pick = (): string => pool[Math.floor(rnd() * pool.length)] as string;
  for (let d = 0; written < passages; d++) {
    const paragraphs: string[] = [];
    for (let k = 0; k < PARAGRAPHS_PER_DOC; k++) paragraphs.push(`${pick()} ${pick()}`);
    await write(JSON.stringify({ url: `bench:doc-${d}`, title: `Generated document ${d}`, text: paragraphs.join('\n\n'), kind: 'other' }));
    docs++;
    written += PARAGRAPHS_PER_DOC;
  }
  out.end();
  await once(out, 'finish');
  return docs;
}
