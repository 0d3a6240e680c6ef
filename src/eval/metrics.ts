// Classification metrics for benchmark runs: accuracy, per-class precision/recall/F1, macro-F1,
// confusion matrix, ROC-AUC, and the majority-class baseline on the same gold labels.

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Metrics over `labels` (the suite's label set, in its order); predictions outside it count as wrong. */
export function classify(gold: string[], predicted: string[], labels: readonly string[]): ClassificationReport {
  const n = gold.length;
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) {
    confusion[g] = {};
    for (const p of labels) confusion[g]![p] = 0;
  }
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    if (g === p) correct++;
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
  }
  const perClass: Record<string, ClassMetrics> = {};
  let f1Sum = 0;
  for (const l of labels) {
    const tp = confusion[l]?.[l] ?? 0;
    const support = Object.values(confusion[l] ?? {}).reduce((a, b) => a + b, 0);
    let predictedAs = 0;
    for (const g of Object.keys(confusion)) predictedAs += confusion[g]?.[l] ?? 0;
    const precision = predictedAs > 0 ? tp / predictedAs : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[l] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), support };
    f1Sum += f1;
  }
  return { n, accuracy: r4(n > 0 ? correct / n : 0), macroF1: r4(labels.length > 0 ? f1Sum / labels.length : 0), perClass, confusion };
}

/** ROC-AUC of scores for a binary target (ties count half). NaN when one class is absent. */
export function rocAuc(positive: boolean[], scores: number[]): number {
  const items = positive.map((p, i) => ({ p, s: scores[i] ?? 0 })).sort((a, b) => a.s - b.s);
  const nPos = items.filter((x) => x.p).length;
  const nNeg = items.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  // Mann–Whitney U with average ranks for ties.
  let rankSumPos = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j + 1 < items.length && items[j + 1]!.s === items[i]!.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (items[k]!.p) rankSumPos += avgRank;
    i = j + 1;
  }
  return r4((rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg));
}

/** The majority-class baseline: always predict the most frequent gold label. */
export function majorityBaseline(gold: string[], labels: readonly string[]): { label: string; accuracy: number; macroF1: number } {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  let label = labels[0] ?? '';
  for (const l of labels) if ((counts.get(l) ?? 0) > (counts.get(label) ?? 0)) label = l;
  const r = classify(gold, gold.map(() => label), labels);
  return { label, accuracy: r.accuracy, macroF1: r.macroF1 };
}

/** Reliability table: predictions binned by confidence, with the accuracy observed in each bin. */
export function reliability(confidence: number[], correct: boolean[], bins = 5): Array<{ from: number; to: number; n: number; meanConfidence: number; accuracy: number }> {
  const out = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const idx = confidence.map((c, i) => ({ c, i })).filter((x) => x.c >= from && (x.c < to || (b === bins - 1 && x.c <= to)));
    const n = idx.length;
    out.push({
      from,
      to,
      n,
      meanConfidence: r4(n > 0 ? idx.reduce((a, x) => a + x.c, 0) / n : 0),
      accuracy: r4(n > 0 ? idx.filter((x) => correct[x.i]).length / n : 0),
    });
  }
  return out;
}

/** Expected calibration error over a reliability table. */
export function expectedCalibrationError(table: Array<{ n: number; meanConfidence: number; accuracy: number }>): number {
  const total = table.reduce((a, b) => a + b.n, 0);
  if (total === 0) return 0;
  return r4(table.reduce((a, b) => a + (b.n / total) * Math.abs(b.meanConfidence - b.accuracy), 0));
}
