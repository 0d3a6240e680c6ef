// Retrains the stance weights (models/stance.json) and the verdict weights (models/verdict.json).
//
//   node --import tsx scripts/train-stance.ts [--data ../shared/data]
//
// Deterministic: the same data gives the same weights (fixed file order, full-batch gradient
// descent, no sampling). Reads only training/development files:
//   stance  — TRAIN splits only: COVID-Fact RTE train, SciFact RTE-oracle train, Citation-Integrity
//             claims_train (+ corpus), Check-COVID train (+ corpus), and Factcheck-GPT subtask 3
//             (released without splits). No dev file is used, so dev figures of the pair suites are
//             held out.
//   verdict — Climate-FEVER dev (the only claim-level data with DISPUTED), Check-COVID train and
//             Citation-Integrity train. The Climate-FEVER part is also scored by 2-fold cross-validation
//             (printed), since `verity eval climate-fever` on that dev file is then in-sample.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { profileClaim } from '../src/evidence/claim-profile.js';
import { judge } from '../src/evidence/judge.js';
import { fitLogistic, predictProba } from '../src/evidence/logistic.js';
import type { LogisticModel } from '../src/evidence/logistic.js';
import { FEATURE_NAMES, pairFeatures } from '../src/evidence/pair-features.js';
import { retrieve } from '../src/evidence/retrieve.js';
import { STANCE_CLASSES, STANCE_MODEL_PATH, STANCE_SCHEMA_VERSION } from '../src/evidence/stance-model.js';
import type { StanceModelFile } from '../src/evidence/stance-model.js';
import { VERDICT_FEATURES, VERDICT_LABELS, VERDICT_MODEL_PATH, VERDICT_SCHEMA_VERSION, independentJudgements, verdictFeatures } from '../src/evidence/verdict.js';
import type { VerdictModelFile } from '../src/evidence/verdict.js';
import { readJsonl } from '../src/eval/records.js';
import { textEvidence } from '../src/eval/synthetic-evidence.js';
import { readCheckCovid, readCheckCovidCorpus, readCitationClaims, readCitationCorpus, readClimateFever, readPairs } from '../src/eval/upstream-formats.js';
import { ingestText } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';
import type { Judgement, VerdictLabel } from '../src/model.js';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const DATA = resolve(values.data ?? '../shared/data');
const COMMAND = 'node --import tsx scripts/train-stance.ts';
const S = { supports: 0, refutes: 1, neutral: 2 } as const;

interface Example {
  claim: string;
  evidence: string | string[];
  label: number;
  set: string;
}

/** At most `cap` items, taken at an even stride so every part of a file is represented. */
function spread<T>(items: T[], cap: number): T[] {
  if (items.length <= cap) return items;
  const step = items.length / cap;
  return Array.from({ length: cap }, (_, i) => items[Math.floor(i * step)]!);
}

const files: string[] = [];
const use = (rel: string): string => {
  files.push(rel);
  return join(DATA, rel);
};

// ------------------------------------------------------------------ stance examples
const stance: Example[] = [];
const addPairs = (set: string, pairs: Array<{ claim: string; evidence: string; gold: string }>, map: (g: string) => number | null, cap: number): void => {
  for (const p of spread(pairs, cap)) {
    const label = map(p.gold);
    if (label !== null) stance.push({ claim: p.claim, evidence: p.evidence, label, set });
  }
};
const rte = (g: string): number => (g === 'entailment' ? S.supports : S.refutes);
addPairs('covid-fact', readPairs('covid-fact', use('covid-fact/RTE-covidfact/train.tsv')), rte, 1500);
addPairs('scifact-rte', readPairs('scifact', use('scifact/rte-scifact-oracle/train.tsv')), rte, 1500);

const fcg = readJsonl(use('factcheck-gpt/subtasks/subtask3_claim_evidence_stance.jsonl')).map((r) => ({ claim: String(r.claim ?? ''), evidence: String(r.evidence ?? ''), gold: String(r.stance ?? '') }));
addPairs('factcheck-gpt', fcg, (g) => (g === 'completely-support' ? S.supports : g === 'refute' ? S.refutes : g === 'irrelevant' ? S.neutral : null), 2500);

const ccCorpus = new Map(readCheckCovidCorpus(use('check-covid/Check-COVID/corpus.json')).map((d) => [d.id, d]));
const ccTrain = readCheckCovid(use('check-covid/Check-COVID/train/covidCheck_train_composed+extracted.json'));
for (const c of ccTrain) {
  const doc = ccCorpus.get(c.cordId);
  if (!doc) continue;
  const rationale = c.evidence.map((i) => doc.sentences[i]).filter((s): s is string => s !== undefined);
  const label = c.gold === 'SUPPORT' ? S.supports : c.gold === 'REFUTE' ? S.refutes : S.neutral;
  stance.push({ claim: c.claim, evidence: rationale.length > 0 ? rationale : doc.sentences, label, set: 'check-covid' });
}

const ciCorpus = readCitationCorpus(use('citation-integrity/corpus.jsonl'));
const ciTrain = readCitationClaims(use('citation-integrity/claims_train.jsonl'));
for (const c of spread(ciTrain, 1500)) {
  for (const id of c.docIds) {
    const doc = ciCorpus.get(id);
    if (!doc) continue;
    const idx = c.rationale[id] ?? [];
    const rationale = idx.map((i) => doc.sentences[i]).filter((s): s is string => s !== undefined);
    if (c.gold === 'NEI') stance.push({ claim: c.claim, evidence: doc.sentences, label: S.neutral, set: 'citation-integrity' });
    else if (rationale.length > 0) stance.push({ claim: c.claim, evidence: rationale, label: c.gold === 'SUPPORT' ? S.supports : S.refutes, set: 'citation-integrity' });
  }
}

const x = stance.map((e) => pairFeatures(profileClaim(e.claim), e.evidence).values);
const y = stance.map((e) => e.label);
const counts: Record<string, number> = {};
for (const e of stance) counts[`${e.set}/${STANCE_CLASSES[e.label]}`] = (counts[`${e.set}/${STANCE_CLASSES[e.label]}`] ?? 0) + 1;
const fitted = fitLogistic(x, y, [...STANCE_CLASSES], [...FEATURE_NAMES], { l2: 1e-3, iterations: 1500, learningRate: 0.5 });
const stanceFile: StanceModelFile = { schemaVersion: STANCE_SCHEMA_VERSION, kind: 'multinomial-logistic', ...fitted, trainedWith: { command: COMMAND, files: [...files], examples: counts } };
const trainAcc = x.filter((row, i) => argmax(predictProba(fitted, row)) === y[i]).length / x.length;
console.log(`stance: ${stance.length} examples, training accuracy ${(trainAcc * 100).toFixed(1)}%`);
writeFileSync(STANCE_MODEL_PATH, `${JSON.stringify(stanceFile, null, 1)}\n`);

function argmax(p: number[]): number {
  let b = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[b] ?? 0)) b = i;
  return b;
}

// ------------------------------------------------------------------ verdict examples
// Judgements use the stance model just written (judge() reads models/stance.json lazily, after the write).
const V: Record<VerdictLabel, number> = { supported: 0, refuted: 1, mixed: 2, unproven: 3 };
const vx: number[][] = [];
const vy: number[] = [];
const vset: string[] = [];
const verdictFiles: string[] = [];
const useV = (rel: string): string => {
  verdictFiles.push(rel);
  return join(DATA, rel);
};
const add = (set: string, judgements: Judgement[], label: VerdictLabel): void => {
  vx.push(verdictFeatures(independentJudgements(judgements)));
  vy.push(V[label]);
  vset.push(set);
};

const cf = readClimateFever(useV('climate-fever/climate-fever-dev.jsonl'));
const CF: Record<string, VerdictLabel> = { SUPPORTS: 'supported', REFUTES: 'refuted', DISPUTED: 'mixed', NOT_ENOUGH_INFO: 'unproven' };
for (const c of cf) {
  const p = profileClaim(c.claim);
  add('climate-fever', c.evidences.map((e, k) => judge(p, textEvidence(`${c.id}:${k}`, e.text))), CF[c.gold] ?? 'unproven');
}

const CC: Record<string, VerdictLabel> = { SUPPORT: 'supported', REFUTE: 'refuted', NOTENOUGHINFO: 'unproven' };
const store = await openStore(':memory:');
for (const d of ccCorpus.values()) {
  const text = [d.title, ...d.sentences].filter((s) => s.trim() !== '').join('\n\n');
  if (text.trim() !== '') await ingestText(store, { text, meta: { uri: `cord:${d.id}`, title: d.title || d.id, kind: 'academic' }, retrievedAt: '1970-01-01T00:00:00.000Z' });
}
useV('check-covid/Check-COVID/train/covidCheck_train_composed+extracted.json');
for (const c of ccTrain) {
  const p = profileClaim(c.claim);
  const ev = await retrieve(store, c.claim, { limit: 5, perSource: 1 });
  add('check-covid', ev.map((e) => judge(p, e)), CC[c.gold] ?? 'unproven');
}
await store.close();

useV('citation-integrity/claims_train.jsonl');
const CI: Record<string, VerdictLabel> = { SUPPORT: 'supported', REFUTE: 'refuted', NEI: 'unproven' };
for (const c of ciTrain) {
  const p = profileClaim(c.claim);
  const js = c.docIds.flatMap((id) => {
    const doc = ciCorpus.get(id);
    return doc ? [judge(p, textEvidence(id, doc.sentences.join(' ')))] : [];
  });
  add('citation-integrity', js, CI[c.gold] ?? 'unproven');
}

const vcounts: Record<string, number> = {};
vy.forEach((l, i) => (vcounts[`${vset[i]}/${VERDICT_LABELS[l]}`] = (vcounts[`${vset[i]}/${VERDICT_LABELS[l]}`] ?? 0) + 1));
const fitVerdict = (rows: number[]): LogisticModel =>
  fitLogistic(rows.map((i) => vx[i]!), rows.map((i) => vy[i]!), [...VERDICT_LABELS], [...VERDICT_FEATURES], { l2: 1e-3, iterations: 1500, learningRate: 0.5, balance: false });

// 2-fold cross-validation on the Climate-FEVER part: each half predicted by a model fitted without it.
const cfRows = vy.map((_, i) => i).filter((i) => vset[i] === 'climate-fever');
const others = vy.map((_, i) => i).filter((i) => vset[i] !== 'climate-fever');
let cvCorrect = 0;
for (const fold of [0, 1]) {
  const test = cfRows.filter((_, k) => k % 2 === fold);
  const train = [...others, ...cfRows.filter((_, k) => k % 2 !== fold)];
  const m = fitVerdict(train);
  for (const i of test) if (argmax(predictProba(m, vx[i]!)) === vy[i]) cvCorrect++;
}
console.log(`verdict: climate-fever 2-fold cross-validated accuracy ${((cvCorrect / cfRows.length) * 100).toFixed(1)}% (${cfRows.length} claims)`);

const verdictFit = fitVerdict(vy.map((_, i) => i));
const verdictFile: VerdictModelFile = { schemaVersion: VERDICT_SCHEMA_VERSION, kind: 'multinomial-logistic', ...verdictFit, trainedWith: { command: COMMAND, files: verdictFiles, examples: vcounts } };
writeFileSync(VERDICT_MODEL_PATH, `${JSON.stringify(verdictFile, null, 1)}\n`);
console.log(`wrote ${STANCE_MODEL_PATH} and ${VERDICT_MODEL_PATH}`);
