// Scores extractFigures against the hand-labelled fixture test/fixtures/text/figures.jsonl.
// A predicted figure matches a labelled one when the values agree (and the range ends, when
// labelled); attributes are then compared only where the label states them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFigures } from '../../src/text/index.js';
import type { Bound, Figure } from '../../src/model.js';

export interface LabelledFigure {
  value: number;
  high?: number;
  unit?: string | null;
  whole?: number | null;
  bound?: Bound;
  approximate?: boolean;
  predicate?: string | null;
}

export interface LabelledSentence {
  case: string;
  text: string;
  figures: LabelledFigure[];
}

export interface AttributeScore {
  correct: number;
  total: number;
}

export interface FigureScore {
  sentences: number;
  labelled: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  attributes: Record<'unit' | 'whole' | 'bound' | 'approximate' | 'high' | 'predicate', AttributeScore>;
  errors: string[];
}

export const FIXTURE = fileURLToPath(new URL('../fixtures/text/figures.jsonl', import.meta.url));

export function loadFixture(path = FIXTURE): LabelledSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledSentence);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-3, Math.abs(b) * 1e-3);
}

export function scoreFigures(sentences: LabelledSentence[]): FigureScore {
  const attributes: FigureScore['attributes'] = {
    unit: { correct: 0, total: 0 },
    whole: { correct: 0, total: 0 },
    bound: { correct: 0, total: 0 },
    approximate: { correct: 0, total: 0 },
    high: { correct: 0, total: 0 },
    predicate: { correct: 0, total: 0 },
  };
  let labelled = 0;
  let predicted = 0;
  let tp = 0;
  const errors: string[] = [];
  for (const s of sentences) {
    const got: Figure[] = extractFigures(s.text);
    labelled += s.figures.length;
    predicted += got.length;
    const used = new Set<number>();
    for (const want of s.figures) {
      const k = got.findIndex((g, i) => !used.has(i) && close(g.value, want.value) && (want.high === undefined || (g.high != null && close(g.high, want.high))));
      if (k < 0) {
        errors.push(`missed ${want.value} in ${JSON.stringify(s.text)}`);
        continue;
      }
      used.add(k);
      tp++;
      const g = got[k] as Figure;
      const check = (name: keyof FigureScore['attributes'], ok: boolean, detail: string): void => {
        attributes[name].total++;
        if (ok) attributes[name].correct++;
        else errors.push(`${name}: ${detail} in ${JSON.stringify(s.text)}`);
      };
      if (want.unit !== undefined) check('unit', g.unit === want.unit, `got ${g.unit} want ${want.unit}`);
      if (want.whole !== undefined) check('whole', g.whole === want.whole, `got ${g.whole} want ${want.whole}`);
      if (want.bound !== undefined) check('bound', g.bound === want.bound, `got ${g.bound} want ${want.bound}`);
      if (want.approximate !== undefined) check('approximate', g.approximate === want.approximate, `got ${g.approximate}`);
      if (want.high !== undefined) check('high', g.high != null && close(g.high, want.high), `got ${g.high}`);
      if (want.predicate !== undefined) check('predicate', g.predicate === want.predicate, `got ${JSON.stringify(g.predicate)} want ${JSON.stringify(want.predicate)}`);
    }
    got.forEach((g, i) => {
      if (!used.has(i)) errors.push(`spurious ${JSON.stringify(g.text)} (${g.value}) in ${JSON.stringify(s.text)}`);
    });
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = labelled === 0 ? 1 : tp / labelled;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { sentences: sentences.length, labelled, predicted, truePositives: tp, precision, recall, f1, attributes, errors };
}
