// Monotonicity constraints on a multinomial logistic model: "P(class) never falls (or never rises)
// when the features move along this direction". With softmax probabilities p and per-class
// logits z_c = w_c·x, the change of p_c along a direction v is p_c · (w_c·v − Σ_q p_q w_q·v); it
// has the required sign for every input exactly when w_c·v ≥ w_q·v (sign +1; ≤ for sign −1) for
// every other class q. Those are linear constraints on the weights; the trainer keeps them by
// projected gradient descent: after each step, each violated pair (c, q) is moved the shortest
// way back onto its half-space, cyclically until every constraint holds (a convex set, so the
// averaged weights of the last pass hold them too). Ties (a feature's weight shared by two
// classes) are kept the same way; the training keeps them on features the constraints never move.
import type { LogisticModel } from './logistic.js';

/** P(classes[cls]) moves with `sign` (+1 never falls, −1 never rises) along `direction` (raw feature units). */
export interface MonotoneConstraint {
  cls: number;
  sign: 1 | -1;
  /** One entry per feature, in raw (unstandardised) units; most are 0. */
  direction: readonly number[];
}

/** Classes `a` and `b` share the weight of `feature` (−1: the bias): it may tell them from the others, never one from the other. */
export interface TiedWeight {
  a: number;
  b: number;
  feature: number;
}

/** The name that ties the bias in `tiedWeights`. */
export const BIAS = '(bias)';

/** Ties by names: each feature's weight shared by the two labels. */
export function tiedWeights(classes: readonly string[], features: readonly string[], labels: readonly [string, string], names: readonly string[]): TiedWeight[] {
  const [a, b] = [classes.indexOf(labels[0]), classes.indexOf(labels[1])];
  if (a < 0 || b < 0) return [];
  return names.filter((n) => n === BIAS || features.includes(n)).map((n) => ({ a, b, feature: n === BIAS ? -1 : features.indexOf(n) }));
}

/** A constraint by names: the class, the sign, and the features that rise together (each by `weight`, default 1). */
export interface NamedMonotone {
  label: string;
  sign: 1 | -1;
  rise: Readonly<Record<string, number>>;
}

/** Constraints over a model's own feature and class lists (a feature the model lacks is not moved). */
export function monotoneConstraints(classes: readonly string[], features: readonly string[], named: readonly NamedMonotone[]): MonotoneConstraint[] {
  return named
    .filter((m) => classes.includes(m.label))
    .map((m) => ({ cls: classes.indexOf(m.label), sign: m.sign, direction: features.map((f) => m.rise[f] ?? 0) }));
}

/** Margin kept inside each constraint, per unit of |a|₁, so rounding weights to 1e-6 cannot break it. */
const MARGIN = 1e-6;
const ROUNDS = 200;

/**
 * Project weights `w` (k classes × (d + 1), bias first, over standardised inputs with `scale`)
 * onto the constraints, in place. Deterministic.
 */
export function projectMonotone(w: Float64Array, k: number, d: number, scale: readonly number[], constraints: readonly MonotoneConstraint[], ties: readonly TiedWeight[] = []): void {
  const stride = d + 1;
  // A tie is the plane w_a[j] = w_b[j]: the nearest point on it is the pair's mean.
  for (const { a, b, feature } of ties) {
    const mid = (w[a * stride + feature + 1]! + w[b * stride + feature + 1]!) / 2;
    w[a * stride + feature + 1] = mid;
    w[b * stride + feature + 1] = mid;
  }
  const dirs = constraints.map((m) => {
    const a = Array.from({ length: d }, (_, j) => (m.sign * (m.direction[j] ?? 0)) / (scale[j] || 1));
    return { cls: m.cls, a, norm2: a.reduce((s, v) => s + v * v, 0), margin: MARGIN * a.reduce((s, v) => s + Math.abs(v), 0) };
  });
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (const { cls, a, norm2, margin } of dirs) {
      if (norm2 === 0) continue;
      for (let q = 0; q < k; q++) {
        if (q === cls) continue;
        let g = 0;
        for (let j = 0; j < d; j++) g += a[j]! * (w[cls * stride + j + 1]! - w[q * stride + j + 1]!);
        if (g >= margin) continue;
        const delta = (1.0001 * margin - g) / (2 * norm2);
        for (let j = 0; j < d; j++) {
          w[cls * stride + j + 1]! += delta * a[j]!;
          w[q * stride + j + 1]! -= delta * a[j]!;
        }
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/**
 * The worst breach of the constraints by a fitted model: the most negative sign · (w_c − w_q)·v
 * over constraints and other classes, in standardised units (0 when every constraint holds).
 */
export function monotoneBreach(model: LogisticModel, constraints: readonly MonotoneConstraint[]): number {
  let worst = 0;
  for (const m of constraints) {
    const wc = model.weights[m.cls] ?? [];
    model.weights.forEach((wq, q) => {
      if (q === m.cls) return;
      let g = 0;
      for (let j = 0; j < model.features.length; j++) g += (m.sign * (m.direction[j] ?? 0) * ((wc[j + 1] ?? 0) - (wq[j + 1] ?? 0))) / (model.scale[j] || 1);
      worst = Math.min(worst, g);
    });
  }
  return worst;
}

/** The largest difference between tied weights of a fitted model (0 when every tie holds). */
export function tieBreach(model: LogisticModel, ties: readonly TiedWeight[]): number {
  return ties.reduce((m, t) => Math.max(m, Math.abs((model.weights[t.a]?.[t.feature + 1] ?? 0) - (model.weights[t.b]?.[t.feature + 1] ?? 0))), 0);
}
