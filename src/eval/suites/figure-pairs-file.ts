// The figure-pairs file (bench/data/figure-pairs.jsonl): one pair of figure statements a line, a
// claim's and a source's, labelled with how the source's figure stands to the claim's (the
// relations of evidence/figures/figure-meaning.ts). Every line is checked; a bad line is an error naming
// the line and what is wrong, never skipped.
import { readFileSync } from 'node:fs';
import { VerityError, quote } from '../../errors.js';
import { MEANING_RELATIONS } from '../../evidence/figures/figure-meaning.js';
import type { FigureStatement, MeaningRelation } from '../../evidence/figures/figure-meaning.js';

export const FIGURE_PAIR_DOMAINS = ['health', 'economics', 'law', 'sport', 'science', 'politics'] as const;
export type FigurePairDomain = (typeof FIGURE_PAIR_DOMAINS)[number];
export const FIGURE_PAIR_SPLITS = ['dev', 'heldout'] as const;
export type FigurePairSplit = (typeof FIGURE_PAIR_SPLITS)[number];

export interface FigurePair {
  id: string;
  domain: FigurePairDomain;
  claim: FigureStatement;
  source: FigureStatement;
  relation: MeaningRelation;
  note: string;
  /** "dev" unless the line says "heldout". */
  split: FigurePairSplit;
}

type Row = Record<string, unknown>;

function isRow(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** The problem with one line's statement (`claim` or `source`), or the statement. */
function statementOf(v: unknown, side: string): FigureStatement | string {
  if (!isRow(v) || typeof v.sentence !== 'string' || v.sentence.trim() === '') return `"${side}" has no "sentence"`;
  if (v.figure === undefined) return { sentence: v.sentence };
  if (typeof v.figure !== 'string' || v.figure.trim() === '') return `"${side}.figure" is not a text`;
  if (!v.sentence.includes(v.figure)) return `"${side}.figure" ${quote(v.figure)} is not in its sentence`;
  return { sentence: v.sentence, figure: v.figure };
}

/** The problem with one parsed line, or the pair. */
function pairOf(v: unknown): FigurePair | string {
  if (!isRow(v)) return 'it is not a JSON object';
  if (typeof v.id !== 'string' || v.id.trim() === '') return 'it has no "id"';
  if (!oneOf(FIGURE_PAIR_DOMAINS, v.domain)) return `"domain" ${quote(String(v.domain))} is not one of ${FIGURE_PAIR_DOMAINS.join(', ')}`;
  if (!oneOf(MEANING_RELATIONS, v.relation)) return `"relation" ${quote(String(v.relation))} is not one of ${MEANING_RELATIONS.join(', ')}`;
  if (v.split !== undefined && !oneOf(FIGURE_PAIR_SPLITS, v.split)) return `"split" ${quote(String(v.split))} is not dev or heldout`;
  if (v.note !== undefined && typeof v.note !== 'string') return '"note" is not a text';
  const claim = statementOf(v.claim, 'claim');
  if (typeof claim === 'string') return claim;
  const source = statementOf(v.source, 'source');
  if (typeof source === 'string') return source;
  return { id: v.id, domain: v.domain, claim, source, relation: v.relation, note: v.note ?? '', split: v.split ?? 'dev' };
}

/** Parse the text of a figure-pairs file; `path` only names it in errors. */
export function parseFigurePairs(text: string, path: string): FigurePair[] {
  const out: FigurePair[] = [];
  const seen = new Set<string>();
  const fix = 'write one object a line: {"id","domain","claim":{"sentence","figure"},"source":{"sentence","figure"},"relation","note"[,"split":"heldout"]} (see docs/bench-figures.md)';
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(path)} line ${i + 1} is not JSON (starts with ${quote(line.slice(0, 30))})`, fix });
    }
    const pair = pairOf(v);
    if (typeof pair === 'string') throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(path)} line ${i + 1} is not a figure pair: ${pair}`, fix });
    if (seen.has(pair.id)) throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(path)} line ${i + 1} repeats the id ${quote(pair.id)}`, fix: 'give every pair its own id' });
    seen.add(pair.id);
    out.push(pair);
  });
  if (out.length === 0) throw new VerityError({ code: 'BAD_INPUT', component: 'eval', problem: `${quote(path)} holds no figure pairs`, fix });
  return out;
}

export function readFigurePairs(path: string): FigurePair[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new VerityError({ code: 'NOT_FOUND', component: 'eval', problem: `cannot read ${quote(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix: 'pass --data bench/data/figure-pairs.jsonl (or another figure-pairs file)', cause: e });
  }
  return parseFigurePairs(text, path);
}
