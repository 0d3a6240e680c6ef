// Trains the check-worthiness model (logistic regression) and writes models/checkworthiness.json.
//
//   node --import tsx scripts/train-checkworthiness.ts [--data ../shared/data] [--out models/checkworthiness.json]
//
// Training data (read-only, never copied into the repo):
// - ClaimBuster two-class train.json (US presidential debates): split by sentence_id, ids ≡ 0 mod 5 are dev.
// - CLEF CheckThat! 2019 Task 1 training CSV (debates): split by debate file, every 4th file (sorted) is dev.
// - CLEF CheckThat! 2020 Task 1 (COVID tweets): training_v2.tsv is train, dev_v2.tsv is dev.
// CheckThat! 2020 Task 5 is left out: it re-uses the 2019 debates, so it would leak into the CT19 dev split.
// Each data set weighs the same in training and classes are balanced inside each. Deterministic:
// fixed seed, fixed order; the output has no timestamp, so a re-run writes the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkworthinessFeatures, DENSE_FEATURES } from '../src/text/checkworthiness/checkworthiness-features.js';
import { CHECKWORTHINESS_MODEL_PATH, CHECKWORTHINESS_SCHEMA_VERSION, type CheckworthinessModel } from '../src/text/checkworthiness/checkworthiness-model.js';
import { scoreFeatures } from '../src/text/checkworthiness/checkworthiness.js';
import { mulberry32 } from '../bench/seeded.js';
import type { CheckworthinessFeatures } from '../src/text/checkworthiness/checkworthiness-features.js';

interface Example {
  text: string;
  label: 0 | 1;
  set: string;
  /** Ranking group for mean average precision (a debate), or the set name. */
  group: string;
}

const SEED = 20261128;
const EPOCHS = 12;
const BATCH = 64;
const LEARNING_RATE = 0.02;
const L2 = 2e-5;
const L2_TERMS = [1e-4, 1e-3];
const MIN_DF = 4;
const MAX_TERMS = 2500;
const DATA_PARTS = {
  claimbuster: 'claimbuster/train.json; dev = sentence_id % 5 == 0',
  ct19: 'checkthat-2019-2020-checkworthiness/clef19/CT19-T1-Training.csv; dev = every 4th debate file (sorted)',
  'ct20-tweets': 'checkthat-2019-2020-checkworthiness/clef20/task1 training_v2.tsv / dev_v2.tsv',
};

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function tsv(text: string): string[][] {
  return text.split(/\r?\n/).filter((l) => l !== '').map((l) => l.split('\t'));
}

function load(dataDir: string): { train: Example[]; dev: Example[] } {
  const train: Example[] = [];
  const dev: Example[] = [];
  // ClaimBuster
  const cb = JSON.parse(readFileSync(join(dataDir, 'claimbuster', 'train.json'), 'utf8')) as Array<{ sentence_id: number; label: number; text: string }>;
  for (const r of cb) {
    const e: Example = { text: r.text, label: r.label === 1 ? 1 : 0, set: 'claimbuster', group: 'claimbuster' };
    (r.sentence_id % 5 === 0 ? dev : train).push(e);
  }
  // CheckThat! 2019 Task 1
  const ct19 = parseCsv(readFileSync(join(dataDir, 'checkthat-2019-2020-checkworthiness', 'clef19', 'CT19-T1-Training.csv'), 'utf8'));
  const header = ct19[0] ?? [];
  const ti = header.indexOf('text');
  const li = header.indexOf('label');
  const fi = header.indexOf('file_name');
  const files = [...new Set(ct19.slice(1).map((r) => r[fi] ?? ''))].sort();
  const devFiles = new Set(files.filter((_, i) => i % 4 === 3));
  for (const r of ct19.slice(1)) {
    if (r.length < header.length) continue;
    const e: Example = { text: r[ti] ?? '', label: r[li] === '1' ? 1 : 0, set: 'ct19', group: r[fi] ?? '' };
    (devFiles.has(e.group) ? dev : train).push(e);
  }
  // CheckThat! 2020 Task 1 (training_v2.tsv contains every dev_v2.tsv tweet: those are dropped from training)
  for (const [file, target] of [['dev_v2.tsv', dev], ['training_v2.tsv', train]] as const) {
    const rows = tsv(readFileSync(join(dataDir, 'checkthat-2019-2020-checkworthiness', 'clef20', 'task1', file), 'utf8'));
    const h = rows[0] ?? [];
    const text = h.indexOf('tweet_text');
    const label = h.indexOf('check_worthiness');
    for (const r of rows.slice(1)) target.push({ text: r[text] ?? '', label: r[label] === '1' ? 1 : 0, set: 'ct20-tweets', group: 'ct20-tweets' });
  }
  // No dev sentence (after normalising case and spacing) may also be a training sentence.
  const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const devTexts = new Set(dev.map((e) => norm(e.text)));
  const kept = train.filter((e) => e.text.trim() !== '' && !devTexts.has(norm(e.text)));
  console.log(`dropped ${train.length - kept.length} training sentences that also occur in dev`);
  return { train: kept, dev: dev.filter((e) => e.text.trim() !== '') };
}

interface Encoded {
  features: CheckworthinessFeatures;
  label: 0 | 1;
  weight: number;
}

function train(examples: Encoded[], vocabulary: string[], useTerms: boolean, l2 = L2): CheckworthinessModel {
  const termIndex = new Map(vocabulary.map((t, i) => [t, i]));
  const D = DENSE_FEATURES.length;
  const n = D + (useTerms ? vocabulary.length : 0) + 1; // last is the bias
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    e.features.dense.forEach((x, i) => {
      if (x !== 0) {
        idx.push(i);
        val.push(x);
      }
    });
    if (useTerms) {
      for (const t of e.features.terms) {
        const k = termIndex.get(t);
        if (k !== undefined) {
          idx.push(D + k);
          val.push(1);
        }
      }
    }
    idx.push(n - 1);
    val.push(1);
    return { idx, val, y: e.label, weight: e.weight };
  });
  const random = mulberry32(SEED);
  const order = rows.map((_, i) => i);
  let step = 0;
  const grad = new Float64Array(n);
  const touched = new Set<number>();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let b = 0; b < order.length; b += BATCH) {
      touched.clear();
      let wsum = 0;
      for (let k = b; k < Math.min(order.length, b + BATCH); k++) {
        const r = rows[order[k] as number];
        if (!r) continue;
        let z = 0;
        for (let q = 0; q < r.idx.length; q++) z += (w[r.idx[q] as number] ?? 0) * (r.val[q] ?? 0);
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - r.y) * r.weight;
        wsum += r.weight;
        for (let q = 0; q < r.idx.length; q++) {
          const f = r.idx[q] as number;
          grad[f] = (grad[f] ?? 0) + g * (r.val[q] ?? 0);
          touched.add(f);
        }
      }
      step++;
      const lr = LEARNING_RATE;
      for (const f of touched) {
        const g = (grad[f] ?? 0) / Math.max(wsum, 1e-9) + (f === n - 1 ? 0 : l2 * (w[f] ?? 0));
        grad[f] = 0;
        m[f] = 0.9 * (m[f] ?? 0) + 0.1 * g;
        v[f] = 0.999 * (v[f] ?? 0) + 0.001 * g * g;
        const mh = (m[f] ?? 0) / (1 - 0.9 ** step);
        const vh = (v[f] ?? 0) / (1 - 0.999 ** step);
        w[f] = (w[f] ?? 0) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const terms: Record<string, number> = {};
  if (useTerms) {
    vocabulary.forEach((t, i) => {
      const x = round(w[D + i] ?? 0);
      if (Math.abs(x) >= 0.02) terms[t] = x;
    });
  }
  return {
    schemaVersion: CHECKWORTHINESS_SCHEMA_VERSION,
    kind: 'logistic-regression',
    bias: round(w[n - 1] ?? 0),
    dense: [...DENSE_FEATURES],
    denseWeights: Array.from(w.slice(0, D), round),
    terms,
  };
}

interface Metrics {
  n: number;
  positives: number;
  auc: number;
  averagePrecision: number;
  meanAveragePrecisionByGroup: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

function averagePrecision(scored: Array<{ s: number; y: number }>): number {
  const sorted = [...scored].sort((a, b) => b.s - a.s);
  let hits = 0;
  let sum = 0;
  sorted.forEach((x, i) => {
    if (x.y === 1) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return hits === 0 ? 0 : sum / hits;
}

function auc(scored: Array<{ s: number; y: number }>): number {
  const sorted = [...scored].sort((a, b) => a.s - b.s);
  let rank = 0;
  let posRanks = 0;
  let pos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.s === sorted[i]?.s) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]?.y === 1) {
      posRanks += avg;
      pos++;
    }
    rank = j;
    i = j;
  }
  void rank;
  const neg = sorted.length - pos;
  return pos === 0 || neg === 0 ? 0.5 : (posRanks - (pos * (pos + 1)) / 2) / (pos * neg);
}

function evaluate(model: CheckworthinessModel, examples: Array<Example & { features: CheckworthinessFeatures }>): Metrics {
  const scored = examples.map((e) => ({ s: scoreFeatures(model, e.features), y: e.label, g: e.group }));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (const x of scored) {
    const p = x.s >= 0.5 ? 1 : 0;
    if (p === 1 && x.y === 1) tp++;
    if (p === 1 && x.y === 0) fp++;
    if (p === 0 && x.y === 1) fn++;
    if (p === x.y) correct++;
  }
  const groups = new Map<string, Array<{ s: number; y: number }>>();
  for (const x of scored) groups.set(x.g, [...(groups.get(x.g) ?? []), x]);
  const aps = [...groups.values()].filter((g) => g.some((x) => x.y === 1)).map(averagePrecision);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    n: scored.length,
    positives: scored.filter((x) => x.y === 1).length,
    auc: r4(auc(scored)),
    averagePrecision: r4(averagePrecision(scored)),
    meanAveragePrecisionByGroup: r4(aps.reduce((a, b) => a + b, 0) / Math.max(1, aps.length)),
    precision: r4(precision),
    recall: r4(recall),
    f1: r4(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    accuracy: r4(correct / Math.max(1, scored.length)),
  };
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
  const dataDir = resolve(values.data ?? join(process.cwd(), '..', 'shared', 'data'));
  const out = resolve(values.out ?? CHECKWORTHINESS_MODEL_PATH);
  const t0 = performance.now();
  const { train: trainSet, dev: devSet } = load(dataDir);
  const featurize = <T extends Example>(e: T): T & { features: CheckworthinessFeatures } => ({ ...e, features: checkworthinessFeatures(e.text) });
  const trainF = trainSet.map(featurize);
  const devF = devSet.map(featurize);
  console.log(`loaded ${trainF.length} training and ${devF.length} dev sentences; features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Weights: each data set counts the same; classes balanced inside each.
  const sets = [...new Set(trainF.map((e) => e.set))].sort();
  const weightOf = new Map<string, [number, number]>();
  for (const s of sets) {
    const rows = trainF.filter((e) => e.set === s);
    const pos = rows.filter((e) => e.label === 1).length;
    const neg = rows.length - pos;
    const share = trainF.length / sets.length;
    weightOf.set(s, [share / (2 * Math.max(1, neg)), share / (2 * Math.max(1, pos))]);
  }
  const encoded: Encoded[] = trainF.map((e) => ({ features: e.features, label: e.label, weight: (weightOf.get(e.set) ?? [1, 1])[e.label] }));

  const report: Record<string, Record<string, Metrics>> = {};
  type Config = { name: string; useTerms: boolean; l2: number };
  const configs: Config[] = [{ name: 'dense features only', useTerms: false, l2: L2 }, ...L2_TERMS.map((l2) => ({ name: `dense features + terms (L2 ${l2})`, useTerms: true, l2 }))];
  const vocabularyOf = (rows: typeof trainF): string[] => {
    const df = new Map<string, number>();
    for (const e of rows) for (const t of e.features.terms) df.set(t, (df.get(t) ?? 0) + 1);
    return [...df.entries()].filter(([, c]) => c >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS).map(([t]) => t);
  };
  // Vocabulary: stemmed terms in at least MIN_DF training sentences, most frequent first.
  const vocabulary = vocabularyOf(trainF);
  // Leave-one-dataset-out: train on the other data sets' training parts, score the held-out set's
  // dev part. The config is chosen by the mean LODO MAP, not by the dev MAP.
  const lodo: Record<string, Record<string, number>> = {};
  let best: [string, CheckworthinessModel, number] | null = null;
  for (const c of configs) {
    const model = train(encoded, vocabulary, c.useTerms, c.l2);
    report[c.name] = {};
    lodo[c.name] = {};
    const perSet = report[c.name] as Record<string, Metrics>;
    for (const s of sets) {
      perSet[s] = evaluate(model, devF.filter((e) => e.set === s));
      const others = trainF.map((e, i) => ({ e, i })).filter((x) => x.e.set !== s);
      const held = train(others.map((x) => encoded[x.i]!), vocabularyOf(others.map((x) => x.e)), c.useTerms, c.l2);
      lodo[c.name]![s] = evaluate(held, devF.filter((e) => e.set === s)).meanAveragePrecisionByGroup;
    }
    const meanAp = sets.reduce((a, s) => a + (perSet[s]?.meanAveragePrecisionByGroup ?? 0), 0) / sets.length;
    const meanLodo = sets.reduce((a, s) => a + lodo[c.name]![s]!, 0) / sets.length;
    console.log(`\n${c.name}: mean dev MAP ${meanAp.toFixed(4)}, mean LODO MAP ${meanLodo.toFixed(4)}`);
    for (const s of sets) console.log(`  ${s.padEnd(12)} LODO MAP ${lodo[c.name]![s]!.toFixed(4)} ${JSON.stringify(perSet[s])}`);
    if (best === null || meanLodo > best[2]) best = [c.name, model, meanLodo];
  }
  if (best === null) throw new Error('no model trained');
  const [name, model] = best;
  model.training = {
    script: 'scripts/train-checkworthiness.ts',
    chosen: name,
    seed: SEED,
    epochs: EPOCHS,
    batch: BATCH,
    learningRate: LEARNING_RATE,
    l2: name.includes('terms') ? Number(/L2 ([\d.e-]+)/.exec(name)?.[1]) : L2,
    vocabulary: { minDf: MIN_DF, maxTerms: MAX_TERMS, kept: Object.keys(model.terms).length },
    data: DATA_PARTS,
    trainSize: trainF.length,
    dev: report,
  };
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  const perSetReport = Object.fromEntries(sets.map((s) => {
    const dev = report[name]?.[s]?.meanAveragePrecisionByGroup ?? 0;
    const held = lodo[name]?.[s] ?? 0;
    return [s, { metric: 'MAP', dev: r4(dev), lodo: r4(held), gap: r4(dev - held) }];
  }));
  const reportOut = out.replace(/\.json$/, '.report.json');
  writeFileSync(reportOut, `${JSON.stringify({ model: 'models/checkworthiness.json', command: 'npm run train', data: DATA_PARTS, features: [...DENSE_FEATURES, ...(name.includes('terms') ? ['terms'] : [])], chosen: name, selection: 'mean leave-one-dataset-out MAP (train on the other data sets, score the held-out set\'s dev part)', lodoByConfig: lodo, suites: perSetReport }, null, 1)}\n`);
  console.log(`\nchose "${name}"; wrote ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
