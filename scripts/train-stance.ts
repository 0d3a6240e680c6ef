// Retrains the stance, idf, verdict and calibration files (models/stance.json, stance-idf.json,
// verdict.json, calibration.json) and their reports: the stance part of `npm run train`.
//
//   node --import tsx scripts/train-stance.ts [--data ../shared/data]
//
// Deterministic: the same data gives the same bytes (fixed file order, fixed example order, no
// sampling, no dates). What is read, and how each suite is split into a part learned from and a
// part scored, is in scripts/train/stance-sets.ts and verdict-sets.ts; hyper-parameters are chosen
// by leave-one-dataset-out validation (scripts/train/select-stance.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { trainStanceAndVerdict } from './train/stance-verdict.js';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const fallback = [resolve('../shared/data'), resolve('../../shared/data')].find((d) => existsSync(d)) ?? resolve('../shared/data');
const t0 = performance.now();
await trainStanceAndVerdict(resolve(values.data ?? fallback), 'npm run train', (line) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`));
