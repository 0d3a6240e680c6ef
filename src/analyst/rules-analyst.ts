// The rules analyst (the default): the deterministic composer in report/compose/compose.ts and the
// learned pair judge in evidence/stance/judge.ts, behind the Analyst contract. No network, no model
// server; the same input gives the same report byte for byte.
import type { Stance } from '../model.js';
import { judgePair } from '../evidence/index.js';
import { composeReport, type Composed } from '../report/compose/compose.js';
import type { ComposeInput } from '../report/compose/compose-input.js';
import type { Analyst, StanceOptions, StancePair } from './analyst.js';
import { warnOfInjections } from './injection-warnings.js';

export const rulesAnalyst: Analyst = {
  name: 'rules',
  async compose(input: ComposeInput): Promise<Composed> {
    warnOfInjections(input);
    return composeReport(input);
  },
  async stance(pairs: readonly StancePair[], options: StanceOptions = {}): Promise<Stance[]> {
    const out: Stance[] = [];
    for (const p of pairs) {
      out.push(judgePair(p.claim, p.evidence).stance);
      options.onProgress?.(out.length, pairs.length);
    }
    return out;
  },
};
