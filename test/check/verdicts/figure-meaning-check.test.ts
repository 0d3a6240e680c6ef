// End to end: a claim and one source document whose figure has the same value but another
// meaning (predicate, period, whole, set, unit) — ingested into a temporary SQLite file and
// checked. A matching number with another meaning must not make the claim Supported, and the
// verdict must say why, quoting the claim's and the source's sentences. Paraphrases still support.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInput } from '../../../src/check/index.js';
import { ingestText } from '../../../src/ingest/index.js';
import { openStore } from '../../../src/store/sqlite/open.js';

const NOW = (): Date => new Date('2026-01-15T12:00:00.000Z');
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'verity-figure-meaning-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  claim: string;
  source: string;
  /** The relation the verdict's reason must name, or null for a paraphrase that must not be flagged. */
  relation: string | null;
  /** The source sentence the reason must quote. */
  quote?: string;
}

const CASES: Case[] = [
  { claim: '1,200 clinics in Northvale offer the vaccine', source: 'The health authority inspected 1,200 clinics in Northvale in 2023. Of those, 310 offered the new vaccine.', relation: 'different-predicate', quote: 'The health authority inspected 1,200 clinics in Northvale in 2023.' },
  { claim: '3,500 small businesses in Brenmoor received a recovery grant', source: 'Officials said 3,500 small businesses in Brenmoor applied for a recovery grant last spring. Payments began in June.', relation: 'different-predicate' },
  { claim: '9,000 drivers in Calder were convicted of drink driving', source: 'Police in Calder stopped 9,000 drivers for roadside breath checks during the winter campaign.', relation: 'different-predicate' },
  { claim: '52% of Northvale voters back the new constitution', source: 'Turnout figures show 52% of Northvale voters took part in the referendum on the new constitution.', relation: 'different-predicate' },
  { claim: '45,000 fans attended the Calder derby', source: 'The club sold 45,000 tickets for the Calder derby, though many seats stayed empty.', relation: 'different-predicate' },
  { claim: '640 teachers in Brenmoor were dismissed for misconduct', source: 'Inspectors investigated 640 teachers in Brenmoor for misconduct over the decade.', relation: 'different-predicate' },
  { claim: '26 of Calder\'s 40 districts ban e-scooters', source: 'Transport officials say 26 of Calder\'s 52 districts ban e-scooters on pavements.', relation: 'different-whole' },
  { claim: '12 of the 30 hospitals in Northvale closed their maternity wards', source: 'In Northvale, 12 of the 45 hospitals closed their maternity wards.', relation: 'different-whole' },
  { claim: 'In 2023, 310 people died on Brenmoor\'s roads', source: 'Road safety figures show that in 2019, 310 people died on Brenmoor\'s roads.', relation: 'different-period' },
  { claim: 'Northvale recorded 4,312 measles cases in 2024', source: 'Northvale recorded 4,312 measles cases in 2021, the ministry said.', relation: 'different-period' },
  { claim: '40 districts in Calder have banned scooters', source: 'Since 2006, 40 districts in Calder have banned scooters at some point.', relation: 'different-period' },
  { claim: '1,450 patients in Northvale were admitted to hospital for heat illness', source: 'Northvale clinics treated 1,450 patients for heat illness last summer; about a fifth were admitted to hospital.', relation: 'different-predicate' },
  { claim: 'Police in Northvale arrested 1,900 people at the protests', source: 'Police in Northvale arrested 4,100 people at the protests. Of those, 1,900 were charged.', relation: 'narrower', quote: 'Of those, 1,900 were charged' },
  { claim: '410 candidates stood in Northvale\'s local elections', source: '1,130 candidates stood in Northvale\'s local elections. Of those, 410 were women.', relation: 'narrower', quote: 'Of those, 410 were women' },
  { claim: '38 states have some law on drone flights over prisons', source: 'Lawmakers in 38 states make flying a drone over a prison a criminal offence.', relation: 'narrower' },
  { claim: '26 of Calder\'s 40 districts ban e-scooters outright', source: '26 of Calder\'s 40 districts restrict e-scooters in some way, the transport office said.', relation: 'broader' },
  { claim: '840 factories in Northvale closed down in 2023', source: 'Industry groups report that 840 factories in Northvale closed or cut shifts in 2023.', relation: 'broader' },
  { claim: '64 athletes from Brenmoor won a medal at the games', source: 'A record 64 athletes from Brenmoor qualified for the games this year.', relation: 'broader' },
  { claim: 'Unemployment in Calder rose 2 percentage points last year', source: 'Unemployment in Calder rose 2% last year, the statistics office said.', relation: 'different-unit' },
  { claim: 'The Northvale rail project cost 5 million marks', source: 'The Northvale rail project cost 5 billion marks over ten years.', relation: 'different-unit' },
  { claim: 'Attendance at Northvale Stadium rose 8% this season', source: 'Attendance at Northvale Stadium fell 8% this season as ticket prices climbed.', relation: 'conflicting-value' },
  { claim: 'The Brenmoor government has cut 2,000 civil service jobs', source: 'Since taking office the Brenmoor government has added 2,000 civil service jobs.', relation: 'conflicting-value' },
  { claim: '70% of Brenmoor residents support a ban on private cars', source: 'A transport survey found 70% of Brenmoor residents do not own a private car.', relation: 'different-predicate' },
  { claim: '140 countries criminalise possession of the material', source: 'In a survey, officials in 140 countries said they criminalise possession of the material.', relation: 'different-predicate' },
  // Paraphrases: the same figure with the same meaning in other words still supports.
  { claim: '140 of 196 countries criminalise simple possession', source: 'A 2018 review found that 140 nations out of 196 criminalise simple possession.', relation: null },
  { claim: 'A quarter of adults in Calder smoke daily', source: 'The 2024 health survey found 25% of adults in Calder smoke daily.', relation: null },
  { claim: 'Northvale recorded 4,312 measles cases in 2023', source: 'In 2023, Northvale recorded 4,312 measles cases, the ministry said.', relation: null },
  { claim: 'Two dozen pharmacies in Calder ran out of insulin', source: 'The pharmacists\' guild said 24 pharmacies in Calder ran out of insulin in March.', relation: null },
  { claim: '1,200 clinics in Northvale offer the vaccine', source: 'Health officials say 1,200 clinics in Northvale now offer the vaccine to adults.', relation: null },
  { claim: '26 of Calder\'s 40 districts ban e-scooters', source: 'Of Calder\'s 40 districts, 26 ban e-scooters, the transport office said.', relation: null },
];

CASES.forEach((c, i) => {
  test(`${c.relation ?? 'paraphrase'}: ${c.claim}`, async () => {
    const store = await openStore(join(dir, `case-${i}.db`));
    try {
      await ingestText(store, { text: c.source, meta: { uri: `file:///fixtures/figure-meaning/${i}.txt`, title: `Report ${i}` } });
      const r = await checkInput(store, c.claim, { now: NOW });
      assert.equal(r.kind, 'claim');
      const verdict = r.verdict;
      assert.ok(verdict, 'a verdict is given');
      if (c.relation === null) {
        assert.doesNotMatch(verdict.reason, /number matches but not its meaning/, `a paraphrase is not flagged: ${verdict.reason}`);
        assert.equal(verdict.label, 'supported', `the paraphrase supports the claim: ${verdict.reason}`);
        return;
      }
      assert.ok(verdict.label === 'unproven' || verdict.label === 'refuted', `not supported: ${verdict.label} — ${verdict.reason}`);
      assert.match(verdict.reason, new RegExp(`number matches but not its meaning \\(${c.relation}:`), `the verdict gives the figure-meaning reason: ${verdict.reason}`);
      assert.ok(verdict.reason.includes(`the claim says "${c.claim}"`), `the verdict quotes the claim: ${verdict.reason}`);
      const quoted = (c.quote ?? c.source.split(/(?<=\.)\s/)[0]!).replace(/\.$/, '');
      assert.ok(verdict.reason.includes(`the source says "${quoted}"`), `the verdict quotes the source: ${verdict.reason}`);
    } finally {
      await store.close();
    }
  });
});
