// `npm run train`: retrain every learned weight file in models/ from the shared benchmark data
// (training and development parts only; never a test or held-out file), selecting
// hyper-parameters by leave-one-dataset-out validation, and write a report next to each model
// (models/<name>.report.json: data, features, LODO scores per suite; no dates, so a re-run on
// the same data writes the same bytes).
//
//   npm run train [-- --data ../shared/data] [-- --only stance]
//   npm run train -- --only calibration --predictions FILE   (refit the calibration from the LODO
//     verdict predictions a run wrote with VERITY_TRAIN_DUMP=FILE: same predictions, same bytes)
//
// check-worthiness: scripts/train-checkworthiness.ts (ClaimBuster, CheckThat! 2019 and 2020).
// stance, idf, verdict, calibration: scripts/train/*.ts over the claim/evidence suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainStanceAndVerdict, writeCalibration } from './train/stance-verdict.js';
import type { VerdictPrediction } from './train/verdict-train.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, only: { type: 'string' }, predictions: { type: 'string' } } });
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** --data, else ../shared/data from here, else the shared folder beside the repository's main checkout. */
function dataDir(): string {
  if (values.data) return resolve(values.data);
  for (const d of [resolve('../shared/data'), resolve(repo, '../shared/data'), resolve(repo, '../../shared/data')]) if (existsSync(d)) return d;
  return resolve('../shared/data');
}
const DATA = dataDir();
const COMMAND = 'npm run train';
const t0 = performance.now();
const log = (line: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);

if (values.only === undefined || values.only === 'checkworthiness') {
  log('check-worthiness: scripts/train-checkworthiness.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/train-checkworthiness.ts'), '--data', DATA], { stdio: 'inherit', cwd: repo });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (values.only === undefined || values.only === 'stance') await trainStanceAndVerdict(DATA, COMMAND, log);
if (values.only === 'calibration') {
  if (!values.predictions) {
    console.error('verity: [train] --only calibration needs the LODO predictions a run wrote. Fix: run "VERITY_TRAIN_DUMP=lodo.json npm run train" first, then pass --predictions lodo.json');
    process.exit(2);
  }
  writeCalibration(JSON.parse(readFileSync(values.predictions, 'utf8')) as VerdictPrediction[], COMMAND, log);
}
log('done');
