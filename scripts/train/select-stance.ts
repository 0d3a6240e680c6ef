// Choose the stance weights' hyper-parameters by leave-one-dataset-out score: first the L2
// regularisation over every feature, then each group of meaning features is dropped when the
// LODO mean is higher without it (the base features are always kept). The ablation is reported.
import { FEATURE_NAMES } from '../../src/evidence/stance/pair-features.js';
import { MEANING_FEATURE_GROUPS } from '../../src/evidence/stance/meaning-features.js';
import { runLodo } from './lodo.js';
import type { LodoResult, StanceConfig } from './lodo.js';
import type { StanceData } from './stance-sets.js';

export const L2_GRID = [1e-3, 1e-2, 3e-2, 1e-1] as const;

export interface Selection {
  best: LodoResult;
  /** LODO mean of every config tried, in the order tried. */
  tried: Array<{ name: string; l2: number; features: number; lodoMean: number }>;
  /** Per meaning-feature group: LODO mean with and without it (at the chosen L2), and the choice. */
  ablation: Array<{ group: string; features: string[]; withIt: number; without: number; kept: boolean }>;
}

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

export function selectStance(data: StanceData, log: (line: string) => void): Selection {
  const tried: Selection['tried'] = [];
  const run = (config: StanceConfig): LodoResult => {
    const r = runLodo(data, config);
    tried.push({ name: config.name, l2: config.l2, features: config.features.length, lodoMean: r4(r.mean) });
    log(`  ${config.name} l2=${config.l2}: LODO mean ${r.mean.toFixed(4)}`);
    return r;
  };
  let best: LodoResult | undefined;
  for (const l2 of L2_GRID) {
    const r = run({ name: 'all', l2, features: FEATURE_NAMES });
    if (!best || r.mean > best.mean + 1e-9) best = r;
  }
  let current = best!;
  const ablation: Selection['ablation'] = [];
  for (const [group, names] of Object.entries(MEANING_FEATURE_GROUPS)) {
    const features = current.config.features.filter((f) => !(names as readonly string[]).includes(f));
    const r = run({ name: `${current.config.name}-${group}`, l2: current.config.l2, features });
    const kept = r.mean <= current.mean + 1e-9;
    ablation.push({ group, features: [...names], withIt: r4(current.mean), without: r4(r.mean), kept });
    if (!kept) current = r;
  }
  // For the record: every meaning group left out at once (the features before issue 14).
  const all = Object.values(MEANING_FEATURE_GROUPS).flat() as string[];
  const base = run({ name: 'base (no meaning features)', l2: current.config.l2, features: FEATURE_NAMES.filter((f) => !all.includes(f)) });
  ablation.push({ group: 'all meaning groups', features: all, withIt: r4(current.mean), without: r4(base.mean), kept: base.mean <= current.mean });
  return { best: current, tried, ablation };
}
