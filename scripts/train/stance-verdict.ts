// Train the stance, idf, verdict and calibration files and their reports (called by scripts/train.ts).
import { writeFileSync } from 'node:fs';
import { IDF_PATH } from '../../src/evidence/stance/idf.js';
import { STANCE_MODEL_PATH, STANCE_SCHEMA_VERSION } from '../../src/evidence/stance/stance-model.js';
import type { StanceModelFile } from '../../src/evidence/stance/stance-model.js';
import { decidePair } from '../../src/evidence/stance/judge.js';
import { VERDICT_MODEL_PATH } from '../../src/evidence/verdict/verdict.js';
import type { VerdictModelFile } from '../../src/evidence/verdict/verdict.js';
import { CALIBRATION_PATH } from '../../src/evidence/verdict/calibration.js';
import { FEATURE_NAMES } from '../../src/evidence/stance/pair-features.js';
import { FIT, fitStance, scoreSuite, trainingPairs } from './lodo.js';
import { LODO_SUITES, S, readStanceData } from './stance-sets.js';
import type { LodoSuite, StanceData } from './stance-sets.js';
import { selectStance } from './select-stance.js';
import { judged, readVerdictData } from './verdict-sets.js';
import { dumpJudgements, goldCheckCovid } from './judgement-dump.js';
import { GENERAL_FEATURE_SETS, trainVerdict } from './verdict-train.js';
import type { VerdictPrediction } from './verdict-train.js';
import { BINS, fitCalibration, measureCalibration, selectConfidence } from './calibrate.js';

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;
const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;
const reportPath = (modelPath: string): string => modelPath.replace(/\.json$/, '.report.json');

/** The RTE suites' two-way cut-off: P(supports) with the best macro-F1 on the suite's own training part. */
function rteDecisions(data: StanceData, model: StanceModelFile | ReturnType<typeof fitStance>, log: (s: string) => void): Record<string, { supportsAt: number }> {
  const decisions: Record<string, { supportsAt: number }> = {};
  for (const suite of ['covid-fact', 'scifact']) {
    const scored = data.pairs.filter((p) => p.set === suite && p.part === 'train').map((p) => ({ s: decidePair(p.reading, model).probabilities.supports, pos: p.label === S.supports }));
    let best = { t: 0.5, f1: -1 };
    for (let t = 0.05; t <= 0.95; t += 0.01) {
      const f1s = [true, false].map((cls) => {
        const tp = scored.filter((x) => x.s >= t === cls && x.pos === cls).length;
        const n = scored.filter((x) => x.s >= t === cls).length + scored.filter((x) => x.pos === cls).length;
        return n > 0 ? (2 * tp) / n : 0;
      });
      const f1 = (f1s[0]! + f1s[1]!) / 2;
      if (f1 > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1 };
    }
    decisions[suite] = { supportsAt: best.t };
    log(`decision ${suite}: supports at P ≥ ${best.t} (train macro-F1 ${best.f1.toFixed(3)})`);
  }
  return decisions;
}

export async function trainStanceAndVerdict(dataDir: string, command: string, log: (s: string) => void): Promise<void> {
  let t = performance.now();
  const lap = (): string => {
    const s = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return `${s} s`;
  };
  const data = readStanceData(dataDir);
  writeFileSync(IDF_PATH, `${JSON.stringify(data.idf)}\n`);
  const nPairs = data.pairs.length + data.wice.reduce((a, w) => a + w.chunks.length, 0);
  log(`stance data: ${nPairs} pairs read in ${lap()}`);

  log('stance: leave-one-dataset-out selection');
  const selection = selectStance(data, log);
  const config = selection.best.config;
  log(`stance: chose l2=${config.l2}, ${config.features.length} of ${FEATURE_NAMES.length} features (${lap()})`);
  const fitted = fitStance(trainingPairs(data), config);
  const decisions = rteDecisions(data, fitted, log);
  const counts: Record<string, number> = {};
  for (const p of trainingPairs(data)) counts[`${p.set}/${['supports', 'refutes', 'neutral'][p.label]}`] = (counts[`${p.set}/${['supports', 'refutes', 'neutral'][p.label]}`] ?? 0) + 1;
  const stanceFile: StanceModelFile = { schemaVersion: STANCE_SCHEMA_VERSION, kind: 'multinomial-logistic', ...fitted, trainedWith: { command, files: [...data.files], examples: counts }, decisions };
  writeFileSync(STANCE_MODEL_PATH, json(stanceFile));
  const suites: Record<string, { metric: string; dev: number; lodo: number; gap: number; n: number; accuracy?: { dev: number; lodo: number } }> = {};
  for (const suite of LODO_SUITES) {
    const dev = scoreSuite(suite, fitted, data);
    const lodo = selection.best.perSuite[suite as LodoSuite];
    const accuracy = dev.accuracy !== null && lodo.accuracy !== null ? { accuracy: { dev: r4(dev.accuracy), lodo: r4(lodo.accuracy) } } : {};
    suites[suite] = { metric: dev.metric, dev: r4(dev.score), lodo: r4(lodo.score), gap: r4(dev.score - lodo.score), n: dev.n, ...accuracy };
  }
  writeFileSync(
    reportPath(STANCE_MODEL_PATH),
    json({
      model: 'models/stance.json',
      command,
      data: data.files,
      parts: 'train: a suite\'s training split (or the even half, by claim, of a suite released with a dev split only); scored: its dev split (or the odd half)',
      examples: counts,
      fit: { ...FIT, l2: config.l2 },
      features: { used: config.features, zeroWeight: FEATURE_NAMES.filter((f) => !config.features.includes(f)) },
      selection: { by: 'mean leave-one-dataset-out score over the suites', tried: selection.tried, ablation: selection.ablation },
      suites,
      lodoMean: r4(selection.best.mean),
      note: 'dev: the shipped weights (trained on every suite\'s training part) on the suite\'s scored part; lodo: weights trained without any of the suite; pairs as the suite\'s eval reads them (two-way suites: supports vs the rest, by the most likely stance); WiCE by the ROC-AUC of its eval score. The idf table is built once from the training corpora for all folds.',
    }),
  );
  log(`stance: wrote ${STANCE_MODEL_PATH} and its report (${lap()})`);

  const verdictFiles: string[] = [];
  const items = await readVerdictData(data, dataDir, verdictFiles);
  log(`verdict data: ${items.length} claims read in ${lap()}`);
  const folds = { 'climate-fever': selection.best.folds['climate-fever'], 'check-covid': selection.best.folds['check-covid'], 'citation-integrity': selection.best.folds['citation-integrity'] };
  const v = trainVerdict(items, (it) => judged(it, fitted), {
    'climate-fever': (it) => judged(it, folds['climate-fever']),
    'check-covid': (it) => judged(it, folds['check-covid']),
    'citation-integrity': (it) => judged(it, folds['citation-integrity']),
  });
  // VERITY_TRAIN_DUMP_ITEMS=<file>: the verdict items and their judgements under each fold's stance weights (scripts/train/study-*.ts read it).
  if (process.env.VERITY_TRAIN_DUMP_ITEMS) writeFileSync(process.env.VERITY_TRAIN_DUMP_ITEMS, JSON.stringify(dumpJudgements(items, goldCheckCovid(data), fitted, folds)));
  v.log.forEach((l) => log(l));
  const vcounts: Record<string, number> = {};
  for (const it of items.filter((i) => i.part === 'train')) vcounts[`${it.set}/${it.gold}`] = (vcounts[`${it.set}/${it.gold}`] ?? 0) + 1;
  const verdictFile: VerdictModelFile = { ...v.file, trainedWith: { command, files: verdictFiles, examples: vcounts } };
  writeFileSync(VERDICT_MODEL_PATH, json(verdictFile));
  // VERITY_TRAIN_DUMP=<file>: also write the LODO verdict predictions there; `npm run train -- --only calibration --predictions <file>` refits the calibration from them.
  if (process.env.VERITY_TRAIN_DUMP) writeFileSync(process.env.VERITY_TRAIN_DUMP, json(v.lodoPredictions));
  const vsuites: Record<string, unknown> = {};
  for (const suite of Object.keys(v.lodo) as Array<keyof typeof v.lodo>) {
    vsuites[suite] = { metric: v.lodo[suite].metric, dev: r4(v.dev[suite].score), lodo: r4(v.lodo[suite].score), gap: r4(v.dev[suite].score - v.lodo[suite].score), n: v.lodo[suite].n };
  }
  writeFileSync(
    reportPath(VERDICT_MODEL_PATH),
    json({
      model: 'models/verdict.json',
      command,
      data: verdictFiles,
      examples: vcounts,
      features: verdictFile.features,
      selection: { by: 'mean leave-one-dataset-out score over the three suites', tried: v.selection, chosen: v.chosen, used: GENERAL_FEATURE_SETS[v.chosen] },
      suites: vsuites,
      note: 'general weights, raw (uncalibrated) labels. dev: shipped stance and verdict weights on the suite\'s scored part; lodo: stance weights trained without the suite and verdict weights fitted on the other suites. The suites\' own weights (check-covid, citation-integrity) are fitted on their training split as before; `verity eval` uses them.',
    }),
  );
  writeCalibration(v.lodoPredictions, command, log);
  log(`verdict: wrote ${VERDICT_MODEL_PATH} and its report (${lap()})`);
}

/** Fit models/calibration.json on LODO verdict predictions and write its report (per-suite reliability, each suite's confidences by a model fitted on the other suites). */
export function writeCalibration(predictions: readonly VerdictPrediction[], command: string, log: (s: string) => void): void {
  if (predictions.some((p) => !Array.isArray(p.features))) {
    throw new Error('verity: [train] the LODO predictions have no confidence features (written before the confidence model). Fix: rerun "VERITY_TRAIN_DUMP=lodo.json npm run train -- --only stance"');
  }
  const selection = selectConfidence(predictions);
  writeFileSync(CALIBRATION_PATH, json(fitCalibration(predictions, command, selection.chosen)));
  const measured = measureCalibration(predictions, selection.chosen);
  writeFileSync(
    reportPath(CALIBRATION_PATH),
    json({
      model: 'models/calibration.json',
      command,
      fittedOn: 'the leave-one-dataset-out verdict predictions of models/verdict.report.json (label-agnostic confidence features → the label is right)',
      meaning: 'confidence is the probability that the verdict label is right, from features that do not say which label was given (src/evidence/verdict/confidence.ts); the label is kept',
      selection: { by: 'worst per-suite LODO ECE, then the mean (each suite\'s confidences by a model fitted on the other suites); the per-suite figures below are of the chosen model, so they are selected on these suites', chosen: { features: selection.chosen.features, l2: selection.chosen.l2 }, tried: selection.tried },
      bins: BINS,
      suites: measured,
      note: 'per suite, the calibration is fitted on the other suites\' LODO predictions only; rawEce: the uncalibrated confidence; isotonicEce: the isotonic maps of the raw confidence with their lean rule (the calibration before), fitted the same way',
    }),
  );
  log(`calibration: chose ${selection.chosen.features.join(', ')} (L2 ${selection.chosen.l2}); wrote ${CALIBRATION_PATH} and its report`);
  for (const [suite, m] of Object.entries(measured)) log(`  ${suite}: ECE raw ${m.rawEce}, isotonic ${m.isotonicEce} → confidence model ${m.ece} (AUC ${m.auc}); ${m.metric} ${r4(m.scoreRaw)}`);
}
