// Multinomial logistic regression: prediction, and a small deterministic trainer (full-batch
// gradient descent with L2) used by scripts/train-stance.ts. No randomness, so retraining on the
// same data gives the same weights.

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
}

/** Fit a multinomial logistic regression. `y` holds class indices into `classes`. */
export function fitLogistic(x: number[][], y: number[], classes: string[], features: string[], options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 800;
  const lr = options.learningRate ?? 0.5;
  const n = x.length;
  const d = features.length;
  const k = classes.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 0; j < d; j++) mean[j]! += (row[j] ?? 0) / n;
  for (const row of x) for (let j = 0; j < d; j++) scale[j]! += ((row[j] ?? 0) - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = x.map((row) => row.map((v, j) => (v - mean[j]!) / scale[j]!));
  const counts = new Array<number>(k).fill(0);
  for (const c of y) counts[c]!++;
  const sampleWeight = y.map((c) => (options.balance === false ? 1 : n / (k * Math.max(1, counts[c]!))));
  const weights = Array.from({ length: k }, () => new Array<number>(d + 1).fill(0));
  const grad = Array.from({ length: k }, () => new Array<number>(d + 1).fill(0));
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0);
  for (let it = 0; it < iterations; it++) {
    for (const g of grad) g.fill(0);
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      const logits = weights.map((w) => {
        let s = w[0]!;
        for (let j = 0; j < d; j++) s += w[j + 1]! * row[j]!;
        return s;
      });
      const max = Math.max(...logits);
      const exps = logits.map((v) => Math.exp(v - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      const sw = sampleWeight[i]!;
      for (let c = 0; c < k; c++) {
        const err = (exps[c]! / sum - (y[i] === c ? 1 : 0)) * sw;
        const g = grad[c]!;
        g[0]! += err;
        for (let j = 0; j < d; j++) g[j + 1]! += err * row[j]!;
      }
    }
    for (let c = 0; c < k; c++) {
      const w = weights[c]!;
      const g = grad[c]!;
      for (let j = 0; j <= d; j++) w[j]! -= lr * (g[j]! / totalWeight + (j > 0 ? l2 * w[j]! : 0));
    }
  }
  const round = (v: number): number => Math.round(v * 1e6) / 1e6;
  return { classes, features, mean: mean.map(round), scale: scale.map(round), weights: weights.map((w) => w.map(round)) };
}
