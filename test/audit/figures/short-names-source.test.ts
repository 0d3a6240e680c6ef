// The cited source names the thing in full once and then by its short form ("the reef"): the
// article's figure for "the Great Barrier Reef" is checked against the source's figure for "the reef".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../helpers.js';
import { auditArticle, readArticle } from '../../../src/audit/index.js';

const SOURCE = {
  uri: 'https://marine.example.org/coral-cover',
  title: 'Long-term coral monitoring',
  text:
    'Coral cover on the Great Barrier Reef is measured each year by survey teams who tow divers behind boats and count the share of the seabed covered by living coral at hundreds of sites. '.repeat(4) +
    '\n\nBetween 1985 and 2012 the reef lost half of its coral cover, the monitoring team said, with storms doing the most damage.',
};
const article = (claim: string): string => `# Coral news\n\n${claim} [1].\n\n## References\n\n1. Long-term coral monitoring. ${SOURCE.uri}\n`;

test("a figure for the full name is compared with the source's figure for its short form", async () => {
  const store = await corpus([SOURCE]);
  try {
    const wrong = await auditArticle(store, readArticle(article('Between 1985 and 2012 the Great Barrier Reef lost 30% of its coral cover'), 'md'), { now: () => 0 });
    const c = wrong.claims[0];
    assert.ok(c);
    assert.equal(c.status, 'contradicted', c.flags.map((f) => f.message).join('\n'));
    const flag = c.flags.find((f) => f.kind === 'figure-source-mismatch');
    assert.ok(flag);
    // The figure is named once, with its unit once: "30% of its coral cover", not "30% percent".
    assert.ok(flag.message.includes('"the Great Barrier Reef lost 30% of its coral cover"'), flag.message);
    assert.doesNotMatch(flag.message, /% percent|half cover/);
    const right = await auditArticle(store, readArticle(article('Between 1985 and 2012 the Great Barrier Reef lost half of its coral cover'), 'md'), { now: () => 0 });
    assert.equal(right.claims[0]?.status, 'supported');
    assert.deepEqual(right.claims[0]?.flags, []);
  } finally {
    await store.close();
  }
});
