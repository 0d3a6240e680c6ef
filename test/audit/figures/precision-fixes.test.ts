// Three audit misses found while writing the user guide (docs/audit.md, "Precision fixes"):
// a year read as a count, wrong figures not paired with the cited source's, and an unrelated
// sentence quoted as the evidence. Each planted sentence has a clean control next to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../helpers.js';
import type { CorpusDoc } from '../helpers.js';
import { auditArticle, readArticle } from '../../../src/audit/index.js';
import type { AuditResult } from '../../../src/audit/index.js';
import { refutingQuote } from '../../../src/audit/source-checks.js';
import { contentTerms } from '../../../src/text/index.js';

const DOCS: CorpusDoc[] = [
  {
    uri: 'https://example.org/survey-first-round',
    title: 'Global survey of harbour laws, first round',
    text: `# The first round of the harbour law survey (2011)

The Maritime Law Institute released the first round of its survey of national harbour laws on 3 May 2011. The first round surveyed the laws of 150 countries, which were all the members of the harbour union at that time.

## Headline figures of the first round

- 71 of the 150 countries surveyed had no harbour pilotage law at all.
- In 112 of the 150 countries surveyed, anchoring without a permit was not an offence.
- 64 of the 150 countries surveyed had no rule on ballast water discharge.
- Only 9 of the 150 countries surveyed had laws that the Institute judged complete enough to deter the offence.

## What the figures count

At least 41 countries (112 − 71 = 41) had some harbour law but did not make unpermitted anchoring an offence.
`,
  },
  {
    uri: 'https://example.org/harbour-code-12',
    title: 'Harbour Code, sections 12 and 12A',
    kind: 'legislation',
    text: `# Harbour Code sections 12 and 12A

The Harbour Code makes unpermitted anchoring an offence, separately from dumping and from pilotage offences.

## Dumping and discharge

Section 12(a) punishes knowingly dumping cargo in a harbour.

For these offences, a first offender faces a fine and detention of not less than 2 years and not more than 12 years. With a prior conviction, the range is not less than 6 years and not more than 25 years.

## Unpermitted anchoring

Section 12(d) punishes anchoring in a harbour without a permit from the harbour master.

A first offender faces a fine, detention of not more than 4 years, or both; there is no minimum term.

With a prior conviction, the range is not less than 4 years and not more than 9 years.

## Other offences in section 12A

Section 12A(c) punishes forging a harbour permit, with up to 6 years.
`,
  },
  {
    uri: 'https://example.org/harbour-protocol',
    title: 'Harbour Protocol on anchoring',
    kind: 'intergovernmental',
    text: `# The Harbour Protocol

The Harbour Protocol was adopted in 1998 and entered into force in 2001.

Article 4 obliges each Party to make dumping of cargo in a harbour an offence under its law.

On anchoring, the Protocol leaves the choice to each Party. The Protocol therefore does not require Parties to punish unpermitted anchoring in a harbour.
`,
  },
];

const REFERENCES = `
## References

[1] Global survey of harbour laws, first round. https://example.org/survey-first-round
[2] Harbour Code, sections 12 and 12A. https://example.org/harbour-code-12
[3] Harbour Protocol on anchoring. https://example.org/harbour-protocol
`;

async function audit(body: string): Promise<AuditResult> {
  const store = await corpus(DOCS);
  try {
    return await auditArticle(store, readArticle(`# Draft\n\n${body}\n${REFERENCES}`, 'md'));
  } finally {
    await store.close();
  }
}

function claimWith(r: AuditResult, phrase: string): AuditResult['claims'][number] {
  const c = r.claims.find((x) => x.text.includes(phrase));
  assert.ok(c, `no claim contains ${JSON.stringify(phrase)}: ${r.claims.map((x) => x.text).join(' | ')}`);
  return c;
}

function describe(c: AuditResult['claims'][number]): string {
  return `${c.status}: ${c.text}\n  ${c.flags.map((f) => `${f.kind}: ${f.message}`).join('\n  ')}\n  cited: ${c.cited?.result} ${c.cited?.reason}`;
}

test('a year naming an instrument is not read as a count, and the negation conflict holds', async () => {
  const r = await audit(
    'The Harbour Protocol of 1998 requires Parties to punish unpermitted anchoring in a harbour [3].\n\n' +
      'The Harbour Protocol requires Parties to punish unpermitted anchoring in a harbour [3].\n\n' +
      'The Harbour Protocol of 1998 obliges each Party to make dumping of cargo in a harbour an offence [3].',
  );
  for (const phrase of ['Protocol of 1998 requires', 'Protocol requires']) {
    const c = claimWith(r, phrase);
    assert.deepEqual(c.figures, [], `"1998" is a year, not a figure: ${JSON.stringify(c.figures)}`);
    assert.equal(c.status, 'contradicted', describe(c));
    assert.ok(c.flags.some((f) => f.kind === 'contradicted'), describe(c));
    assert.match(c.flags.find((f) => f.kind === 'contradicted')?.evidence[0]?.text ?? '', /does not require Parties to punish unpermitted anchoring/);
  }
  // The control: what the Protocol does require, with its year.
  const control = claimWith(r, 'obliges each Party');
  assert.deepEqual(control.flags, [], describe(control));
  assert.equal(control.status, 'supported', describe(control));
});

test('wrong figures are paired with the figure the cited source gives for the same statement', async () => {
  const r = await audit(
    'The first round surveyed 150 countries and found that in 102 of them anchoring without a permit was not an offence [1]. ' +
      'In the same round, 71 of the 150 countries had no harbour pilotage law at all [1].\n\n' +
      'In that round, 81 of the 150 countries had no harbour pilotage law at all [1].\n\n' +
      'Under the Harbour Code, a first offence of unpermitted anchoring carries up to 6 years of detention [2].',
  );
  const planted: Array<[string, RegExp]> = [
    ['in 102 of them', /^In 112 of the 150 countries surveyed, anchoring without a permit was not an offence\.$/],
    ['81 of the 150 countries', /^71 of the 150 countries surveyed had no harbour pilotage law at all\.$/],
    ['up to 6 years', /^A first offender faces a fine, detention of not more than 4 years/],
  ];
  for (const [phrase, quote] of planted) {
    const c = claimWith(r, phrase);
    const flag = c.flags.find((f) => f.kind === 'figure-source-mismatch');
    assert.ok(flag, `${phrase} should be a figure-source-mismatch\n${describe(c)}`);
    assert.equal(c.status, 'contradicted', describe(c));
    // The quote is the sentence that states the other figure, in the flag and in the cited check.
    assert.match(flag.evidence[0]?.text ?? '', quote, describe(c));
    assert.match(c.cited?.evidence[0]?.text ?? '', quote, describe(c));
  }
  // Controls (a separate article: the two would rightly clash with each other): the same
  // statements with the source's figures get no flag.
  const clean = await audit(
    'The first round surveyed 150 countries and found that in 112 of them anchoring without a permit was not an offence [1]. ' +
      'In the same round, 71 of the 150 countries had no harbour pilotage law at all [1].\n\n' +
      'Under the Harbour Code, a first offence of unpermitted anchoring carries up to 4 years of detention [2]. ' +
      'With a prior conviction, the range is 4 to 9 years [2].',
  );
  for (const phrase of ['in 112 of them', 'In the same round, 71 of the 150', 'up to 4 years', 'range is 4 to 9 years']) {
    const c = claimWith(clean, phrase);
    assert.deepEqual(c.flags, [], describe(c));
  }
});

test('the quote of a refutation is the sentence stating the conflicting figure, else the closest by claim terms', async () => {
  const store = await corpus(DOCS.slice(0, 1));
  try {
    const [source] = await store.listSources();
    assert.ok(source);
    const passages = await store.getPassages(source.id);
    const candidates = passages.map((p) => ({ p, s: source, n: 1 }));
    // The refuting passage the stance model picked: the release, which shares words but no figure.
    const release = candidates.find((c) => c.p.text.includes('released'));
    assert.ok(release);
    const claim = 'In the first round, 81 of the 150 countries had no harbour pilotage law at all [1].';
    const terms = new Set(contentTerms(claim));
    assert.equal(refutingQuote(claim, release, candidates, terms).text, '71 of the 150 countries surveyed had no harbour pilotage law at all.');
    // With no figure in the claim, the refuting passage's sentence closest by the claim's terms.
    const plain = 'The Maritime Law Institute released its first round in June [1].';
    assert.match(refutingQuote(plain, release, candidates, new Set(contentTerms(plain))).text, /^The Maritime Law Institute released the first round/);
  } finally {
    await store.close();
  }
});
