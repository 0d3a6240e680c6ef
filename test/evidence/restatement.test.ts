import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgePair, judgeProfiled, profileClaim, stanceModel } from '../../src/evidence/index.js';
import { readRestatement, statementTerms } from '../../src/evidence/stance/restatement.js';
import { stem } from '../../src/text/index.js';

const first = (r: { reasons: Array<{ kind: string; detail: string }> }): { kind: string; detail: string } | undefined => r.reasons[0];
const kinds = (r: { reasons: Array<{ kind: string }> }): string[] => r.reasons.map((x) => x.kind);

test('a restatement with the opposite polarity refutes strongly, and says why', () => {
  const claim = 'Freedonia criminalizes possession of banned images';
  const r = judgePair(claim, 'The ministry confirms that Freedonia does not criminalize possession of banned images.');
  assert.equal(r.stance, 'refutes');
  assert.ok(r.strength >= 0.9, `strength ${r.strength}`);
  assert.equal(first(r)?.kind, 'restatement');
  assert.match(first(r)?.detail ?? '', /opposite polarity.*does not/);
  // The rule makes it strong: the learned model alone (which reads the negation's scope since
  // issue 14) is less sure.
  const model = judgeProfiled(profileClaim(claim), 'The ministry confirms that Freedonia does not criminalize possession of banned images.', stanceModel(), { restatement: false });
  assert.ok(model.probabilities.refutes < r.strength);
});

test('the same restatement with the same polarity supports strongly', () => {
  const r = judgePair('Freedonia criminalizes possession of banned images', 'The ministry confirms that Freedonia criminalizes possession of banned images.');
  assert.equal(r.stance, 'supports');
  assert.ok(r.strength >= 0.9);
  assert.equal(first(r)?.kind, 'restatement');
  const negNeg = judgePair('Freedonia does not criminalize possession of banned images', 'Freedonia does not criminalize possession of banned images, the ministry says.');
  assert.equal(negNeg.stance, 'supports');
});

test('a passage about another name, or lacking a claim word, is no restatement', () => {
  const other = judgePair('Freedonia criminalizes possession of banned images', 'Ruritania does not criminalize possession of banned images.');
  assert.ok(!kinds(other).includes('restatement'));
  const swapped = readRestatement(profileClaim('Remdesivir and chloroquine inhibit the novel coronavirus in humans'), 'Remdesivir and chloroquine effectively inhibit the novel coronavirus (2019-nCoV) in vitro.');
  assert.equal(swapped, null);
});

test('quantifiers: a count of some does not establish "no" or "all"; a count the other way refutes it', () => {
  const claim = 'No country criminalizes possession of banned images';
  const some = judgePair(claim, '38 countries do not criminalise possession of banned images.');
  assert.notEqual(some.stance, 'supports');
  assert.equal(first(some)?.kind, 'quantifier-mismatch');
  const counter = judgePair(claim, '38 countries criminalise possession of banned images.');
  assert.equal(counter.stance, 'refutes');
  assert.ok(counter.strength >= 0.9);
  const same = judgePair(claim, 'No country criminalises possession of banned images.');
  assert.equal(same.stance, 'supports');
  const all = judgePair('All countries criminalise possession of banned images', '38 countries do not criminalise possession of banned images.');
  assert.equal(all.stance, 'refutes');
});

test('figures: same whole and value supports, another count refutes, the complement said the other way supports', () => {
  const claim = '140 of 196 countries criminalise simple possession';
  assert.equal(judgePair(claim, '140 of the 196 countries criminalise simple possession of CSAM.').stance, 'supports');
  const other = judgePair('150 of 196 countries criminalise simple possession', '140 of the 196 countries criminalise simple possession of CSAM.');
  assert.equal(other.stance, 'refutes');
  assert.match(first(other)?.detail ?? '', /another figure/);
  const complement = judgePair(claim, '56 of the 196 countries do not criminalise simple possession.');
  assert.equal(complement.stance, 'supports');
  assert.match(first(complement)?.detail ?? '', /complement.*140 \+ 56 = 196/);
  // The same count, denied: "possession was not a crime" restates "criminalise" the other way.
  const denied = judgePair('138 of 184 countries criminalise possession', 'In 138 of the 184 countries reviewed, possession of child pornography was not a crime.');
  assert.equal(denied.stance, 'refutes');
});

test('arithmetic operands and denied figures are read as such', () => {
  const claim = profileClaim('140 of 196 countries criminalise simple possession');
  assert.equal(readRestatement(claim, 'Subtracting gives the countries that do not criminalise simple possession: 196 − 140 = 56 countries.'), null);
  const corrected = readRestatement(profileClaim('138 of 184 countries had no child pornography law in 2006'), 'The number of countries with no child pornography law in 2006 was 95 of 184, not 138 of 184.');
  assert.equal(corrected?.stance, 'refutes');
  assert.match(corrected?.reason.detail ?? '', /denies its figure/);
  const right = readRestatement(profileClaim('95 of 184 countries had no child pornography law in 2006'), 'The number of countries with no child pornography law in 2006 was 95 of 184, not 138 of 184.');
  assert.equal(right?.stance, 'supports');
});

test('reported speech sways the stance but is not decisive; a participle clause does not flip polarity', () => {
  const reported = readRestatement(profileClaim('Freedonia criminalizes possession of banned images'), 'The blog claimed that Freedonia criminalizes possession of banned images.');
  assert.equal(reported?.reason.kind, 'weak-restatement');
  assert.ok((reported?.strength ?? 1) < 0.7);
  assert.equal(reported?.reason.reported, true);
  const attributed = readRestatement(profileClaim('Freedonia criminalizes possession of banned images'), 'Freedonia criminalizes possession of banned images, the ministry said.');
  assert.equal(attributed?.reason.kind, 'restatement');
  assert.equal(attributed?.reason.reported, true);
  assert.equal(readRestatement(profileClaim('Freedonia criminalizes possession of banned images'), 'Freedonia criminalizes possession of banned images.')?.reason.reported, undefined);
  const participle = judgePair('Deletion of the gene does not result in an inflammatory phenotype.', 'Deletion of the gene did not result in an inflammatory phenotype, suggesting that this pathway is not important.');
  assert.equal(participle.stance, 'supports');
});

test('the frame of a claim ("the 2018 review found") is not needed in the restatement', () => {
  const claim = profileClaim('The 2018 review found 150 of 196 countries criminalise simple possession');
  assert.deepEqual(statementTerms(claim), ['countries', 'criminalise', 'simple', 'possession'].map(stem));
  assert.equal(readRestatement(claim, '140 of the 196 countries criminalise simple possession of CSAM.')?.stance, 'refutes');
  // A year the sentence contradicts keeps it from being a restatement.
  assert.equal(readRestatement(claim, 'In 2010, 140 of the 196 countries criminalise simple possession.'), null);
});

test('a restatement framed as a myth or as false is denied; a question or a "fake news" adjective is not', () => {
  const claim = 'Vaccines cause autism';
  assert.equal(judgePair(claim, 'It is a myth that vaccines cause autism.').stance, 'refutes');
  assert.equal(judgePair(claim, 'The claim that vaccines cause autism is false.').stance, 'refutes');
  assert.equal(readRestatement(profileClaim(claim), 'Researchers asked whether vaccines cause autism.'), null);
  assert.equal(readRestatement(profileClaim('The Daily Show is a comedy show'), 'Describing itself as a fake news program, The Daily Show is a comedy show.')?.stance, 'supports');
  // The claim's own "false" is what it says, not a denial.
  assert.equal(judgePair('The false rumour spread online', 'The false rumour spread online within hours.').stance, 'supports');
});

test('a name the sentence shortens counts when the passage or its source title has it in full', () => {
  const claim = 'The Optional Protocol requires states to criminalise simple possession';
  const sentence = 'The Protocol therefore does not require States Parties to criminalise simple possession.';
  assert.equal(readRestatement(profileClaim(claim), sentence), null);
  assert.equal(readRestatement(profileClaim(claim), `The Optional Protocol was adopted in 2000. ${sentence}`)?.stance, 'refutes');
  const titled = judgeProfiled(profileClaim(claim), sentence, stanceModel(), { context: 'Optional Protocol to the Convention on the Rights of the Child' });
  assert.equal(titled.stance, 'refutes');
  assert.equal(first(titled)?.kind, 'restatement');
  // A single name must be in the sentence itself.
  assert.equal(readRestatement(profileClaim('Freedonia criminalizes possession of banned images'), 'Freedonia is a state. The country does not criminalize possession of banned images.'), null);
});

test('a finding attributed to the body that made it restates decisively; one the writer disputes ("claimed") does not', () => {
  const claim = 'Surveys of 14 lakes found up to 64% fish mortality';
  const said = judgePair(claim, 'The Westmark Fisheries Institute said surveys of 14 lakes found up to 64% fish mortality, after a summer of algal blooms.');
  assert.equal(said.stance, 'supports');
  assert.equal(first(said)?.kind, 'restatement');
  const claimed = judgePair(claim, 'An angling group claimed surveys of 14 lakes found up to 64% fish mortality, after a summer of algal blooms.');
  assert.notEqual(first(claimed)?.kind, 'restatement');
});

test('another ordinal of the same thing ("its fourth mass bleaching" / "its fifth mass bleaching") refutes; the same ordinal, or one of something else, does not', () => {
  const claim = profileClaim('The Brenmoor Reef is going through its fourth mass bleaching event in the past eight years.');
  const other = readRestatement(claim, 'The Brenmoor Reef is going through its fifth mass bleaching event in the past eight years.');
  assert.equal(other?.stance, 'refutes');
  assert.match(other?.reason.detail ?? '', /"fifth mass" where the claim says "fourth mass"/);
  assert.equal(readRestatement(claim, 'The Brenmoor Reef is going through its fourth mass bleaching event in the past eight years, divers said on the first day.')?.stance, 'supports');
});
