// Leave-one-dataset-out study of stance features without a whole `npm run train`: the stance data
// read once, then LODO with the shipped configuration (models/stance.report.json: L2 and features
// used) against the same with the named meaning-feature groups added or left out.
//
//   node --import tsx scripts/train/study-stance.ts --data ../shared/data [--with group,group] [--without group,group]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MEANING_FEATURE_GROUPS } from '../../src/evidence/stance/meaning-features.js';
import { FEATURE_NAMES } from '../../src/evidence/stance/pair-features.js';
import { runLodo } from './lodo.js';
import type { StanceConfig } from './lodo.js';
import { LODO_SUITES, readStanceData } from './stance-sets.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, with: { type: 'string' }, without: { type: 'string' } } });
const report = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../models/stance.report.json'), 'utf8')) as { fit: { l2: number }; features: { used: string[] } };
const groups = (list: string | undefined): string[] =>
  (list ?? '').split(',').filter(Boolean).flatMap((g) => [...((MEANING_FEATURE_GROUPS as Record<string, readonly string[]>)[g] ?? [])]);
const shipped = report.features.used.filter((f) => (FEATURE_NAMES as readonly string[]).includes(f));
const study = [...new Set([...shipped, ...groups(values.with)])].filter((f) => !groups(values.without).includes(f));

const t0 = performance.now();
const data = readStanceData(resolve(values.data ?? '../shared/data'));
console.log(`read ${data.pairs.length} pairs in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
const configs: StanceConfig[] = [
  { name: 'shipped features', l2: report.fit.l2, features: shipped },
  { name: `with ${values.with ?? '-'} without ${values.without ?? '-'}`, l2: report.fit.l2, features: study },
];
for (const config of configs) {
  const r = runLodo(data, config);
  const cells = LODO_SUITES.map((s) => `${s} ${r.perSuite[s].score.toFixed(4)}${r.perSuite[s].accuracy !== null ? ` (acc ${r.perSuite[s].accuracy!.toFixed(4)})` : ''}`);
  console.log(`${config.name} (${config.features.length} features): LODO mean ${r.mean.toFixed(4)}\n  ${cells.join('\n  ')}`);
}
