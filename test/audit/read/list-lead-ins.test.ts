// Lines of real pages a reader does not take for claims: a lead-in announcing a list ("Here are 8
// figures about …:"), and items that only complete their lead-in ("… might include:" / "- Rival
// outlets competing for readers"). Items that state something after another lead-in stay claims,
// and Markdown emphasis is not part of a claim's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../../src/store/sqlite/open.js';
import { auditArticle, readArticle } from '../../../src/audit/index.js';

const ARTICLE = `# Community radio in Calder

Here are 8 notable figures about **community radio** stations in Calder:

1. There are 312 licensed community stations in Calder in 2025.
2. The stations broadcast in 14 languages across 9 districts.

Those who gain from closing the stations might include:

- Commercial broadcasters competing for the same local advertisers
- Councillors whose spending the stations have questioned on air

The station survey found:

- About 40 percent of listeners tune in every single day of the week
`;

test('list lead-ins and the items that only complete them are not claims; emphasis marks are dropped', async () => {
  const store = await openStore(':memory:');
  try {
    const r = await auditArticle(store, readArticle(ARTICLE, 'md'), { now: () => 0 });
    const texts = r.claims.map((c) => c.text);
    assert.ok(!texts.some((t) => t.startsWith('Here are 8')), texts.join('\n'));
    assert.ok(!texts.some((t) => t.startsWith('Commercial broadcasters') || t.startsWith('Councillors whose')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('There are 312 licensed')));
    assert.ok(texts.some((t) => t.startsWith('About 40 percent of listeners')), 'an item after "found:" states something');
    const read = readArticle(ARTICLE, 'md');
    assert.ok(read.text.includes('about community radio stations') && !read.text.includes('**'));
  } finally {
    await store.close();
  }
});
