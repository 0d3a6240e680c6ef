// An article sentence saying two things ("sickened 410 people and killed four children") is
// contradicted by a passage that gives one of its figures another value, even when the passage
// states its other figure; the flag names both figures. The fixtures are written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditArticle, readArticle } from '../../../src/audit/index.js';
import { corpus } from '../helpers.js';

test('one figure given another value by the corpus contradicts the sentence, and the flag names both figures', async () => {
  const store = await corpus([
    { uri: 'https://news.example/dalby-over', title: 'Dalby declares end of outbreak that sickened 410', text: 'Health officials in Dalby have announced the end of a measles outbreak that sickened more than 400 people and killed three unvaccinated children since March.\n\nNo new case has been reported for six weeks.', kind: 'news' },
  ]);
  const wrong = readArticle('Health officials in Dalby declared the measles outbreak over in June, after it had sickened 410 people and killed four children.', 'txt');
  const flagged = await auditArticle(store, wrong);
  const flag = flagged.claims.flatMap((c) => c.flags).find((f) => f.kind === 'contradicted');
  assert.ok(flag, JSON.stringify(flagged.claims.map((c) => c.corpus)));
  assert.match(flag.message, /gives "three unvaccinated children" where the article gives "four children"/);
  const right = readArticle('Health officials in Dalby declared the measles outbreak over in June, after it had sickened 410 people and killed three children.', 'txt');
  const clean = await auditArticle(store, right);
  assert.equal(clean.claims.flatMap((c) => c.flags).filter((f) => f.kind === 'contradicted').length, 0);
  await store.close();
});
