// Multinomial logistic regression: prediction, and a small deterministic trainer (gradient
// descent with L2, optionally under monotonicity constraints) used by `npm run train`. No
// randomness, so retraining on the same data gives the same weights.
import { projectMonotone } from './monotone.js';
import type { MonotoneConstraint, TiedWeight } from './monotone.js';

export interface LogisticModel {
  classes: string[];
  features: string[];
  /** Per-feature mean and scale used to standardise inputs. */
  mean: number[];
  scale: number[];
  /** weights[class] = [bias, w_1 … w_n]. */
  weights: number[][];
}

/** Class probabilities for one raw (unstandardised) feature vector. */
export function predictProba(model: LogisticModel, x: readonly number[]): number[] {
  const logits = model.weights.map((w) => {
    let z = w[0] ?? 0;
    for (let j = 0; j < x.length; j++) z += (w[j + 1] ?? 0) * (((x[j] ?? 0) - (model.mean[j] ?? 0)) / (model.scale[j] || 1));
    return z;
  });
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Weight each example by the inverse frequency of its class (default true). */
  balance?: boolean;
  /** Heavy-ball momentum in [0,1) (default 0: plain gradient descent). */
  momentum?: number;
  /**
   * Mini-batch size: when set, `iterations` counts passes over the data (epochs) of mini-batch
   * gradient steps in a fixed interleaved order, and the weights are averaged over the last pass.
   * Much cheaper than full batches on many examples; still deterministic.
   */
  batchSize?: number;
  /**
   * Monotonicity constraints (monotone.ts): after every gradient step the weights are projected
   * back onto the set where each constrained class probability moves the required way along each
   * constraint's direction (projected gradient descent), so the fit cannot learn, say, that more
   * refuting evidence raises P(supported).
   */
  monotone?: readonly MonotoneConstraint[];
  /** Weights two classes share (monotone.ts), kept by the same projection. */
  ties?: readonly TiedWeight[];
}

/**
 * Fit a multinomial logistic regression. `y` holds class indices into `classes`. Full-batch
 * gradient descent with heavy-ball momentum over typed arrays (fast enough to refit many times
 * for leave-one-dataset-out validation); deterministic.
 */
export function fitLogistic(x: number[][], y: number[], classes: string[], features: string[], options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 800;
  const lr = options.learningRate ?? 0.5;
  const momentum = options.momentum ?? 0;
  const n = x.length;
  const d = features.length;
  const k = classes.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j]! += (row[j] ?? 0) / n;
  for (const row of x) for (let j = 0; j < d; j++) scale[j]! += ((row[j] ?? 0) - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = new Float64Array(n * d);
  x.forEach((row, i) => {
    for (let j = 0; j < d; j++) z[i * d + j] = ((row[j] ?? 0) - mean[j]!) / scale[j]!;
  });
  const counts = new Array<number>(k).fill(0);
  for (const c of y) counts[c]!++;
  const sampleWeight = y.map((c) => (options.balance === false ? 1 : n / (k * Math.max(1, counts[c]!))));
  const stride = d + 1;
  const w = new Float64Array(k * stride);
  const grad = new Float64Array(k * stride);
  const velocity = new Float64Array(k * stride);
  const logits = new Float64Array(k);
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0);
  const project = (): void => {
    if ((options.monotone?.length ?? 0) + (options.ties?.length ?? 0) > 0) projectMonotone(w, k, d, scale, options.monotone ?? [], options.ties);
  };
  // One gradient step over the examples order[from, to), weighted by their share of the total.
  const step = (order: Int32Array, from: number, to: number, rate: number): void => {
    grad.fill(0);
    let batchWeight = 0;
    for (let q = from; q < to; q++) {
      const i = order[q]!;
      const base = i * d;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        const o = c * stride;
        let s = w[o]!;
        for (let j = 0; j < d; j++) s += w[o + j + 1]! * z[base + j]!;
        logits[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        logits[c] = Math.exp(logits[c]! - max);
        sum += logits[c]!;
      }
      const sw = sampleWeight[i]!;
      batchWeight += sw;
      for (let c = 0; c < k; c++) {
        const err = (logits[c]! / sum - (y[i] === c ? 1 : 0)) * sw;
        const o = c * stride;
        grad[o]! += err;
        for (let j = 0; j < d; j++) grad[o + j + 1]! += err * z[base + j]!;
      }
    }
    const norm = options.batchSize ? batchWeight || 1 : totalWeight;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j <= d; j++) {
        const at = c * stride + j;
        const g = grad[at]! / norm + (j > 0 ? l2 * w[at]! : 0);
        velocity[at] = momentum * velocity[at]! - rate * g;
        w[at]! += velocity[at]!;
      }
    }
    project();
  };
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  if (!options.batchSize) {
    for (let it = 0; it < iterations; it++) step(identity, 0, n, lr);
  } else {
    // Interleaved order: example i at position (i × P) mod n with P coprime to n, so each batch
    // mixes the whole file (examples arrive grouped by data set).
    let p = Math.max(1, Math.round(n * 0.618));
    while (gcd(p, n) !== 1) p++;
    const order = Int32Array.from({ length: n }, (_, q) => (q * p) % n);
    const batch = Math.max(1, options.batchSize);
    const average = new Float64Array(k * stride);
    let averaged = 0;
    for (let epoch = 0; epoch < iterations; epoch++) {
      const rate = lr / Math.sqrt(1 + epoch);
      for (let from = 0; from < n; from += batch) {
        step(order, from, Math.min(n, from + batch), rate);
        if (epoch === iterations - 1) {
          for (let a = 0; a < average.length; a++) average[a]! += w[a]!;
          averaged++;
        }
      }
    }
    for (let a = 0; a < average.length; a++) w[a] = average[a]! / Math.max(1, averaged);
  }
  const round = (v: number): number => Math.round(v * 1e6) / 1e6;
  for (let a = 0; a < w.length; a++) w[a] = round(w[a]!);
  project();
  const weights = Array.from({ length: k }, (_, c) => Array.from(w.subarray(c * stride, (c + 1) * stride), round));
  return { classes, features, mean: mean.map(round), scale: scale.map(round), weights };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
