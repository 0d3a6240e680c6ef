// Check-worthiness: a score in [0,1] for "this sentence states a checkable fact" (figures,
// comparisons, causal and legal claims high; opinions, questions and boilerplate low).
// A logistic regression over checkworthiness-features.ts, weights in models/checkworthiness.json.
import { checkworthinessFeatures, type CheckworthinessFeatures, type SentenceParts } from './checkworthiness-features.js';
import { shippedCheckworthinessModel, type CheckworthinessModel } from './checkworthiness-model.js';

/** The model's score for already computed features. */
export function scoreFeatures(model: CheckworthinessModel, features: CheckworthinessFeatures): number {
  let z = model.bias;
  for (let i = 0; i < features.dense.length; i++) z += (model.denseWeights[i] ?? 0) * (features.dense[i] ?? 0);
  for (const t of features.terms) z += model.terms[t] ?? 0;
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? p : z > 0 ? 1 : 0;
}

/** Check-worthiness of one sentence in [0,1], with the shipped model unless one is given. */
export function checkworthiness(sentence: string, options: { model?: CheckworthinessModel; parts?: SentenceParts } = {}): number {
  const model = options.model ?? shippedCheckworthinessModel();
  return scoreFeatures(model, checkworthinessFeatures(sentence, options.parts));
}
