import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASES } from '../fixtures/audit/cases.js';
import { corpus } from './helpers.js';
import { auditArticle, readArticle } from '../../src/audit/index.js';

for (const c of CASES) {
  test(`audit: ${c.name}`, async () => {
    const store = await corpus(c.corpus);
    try {
      const article = readArticle(c.article, c.format);
      const result = await auditArticle(store, article);
      // Offsets: each claim and each of its figures slices onto the article body.
      for (const x of result.claims) {
        assert.equal(article.text.slice(x.start, x.end), x.text);
        for (const f of x.figures) assert.equal(article.text.slice(f.start, f.end), f.text);
      }
      const describe = () => result.claims.map((x) => `${x.status} ${x.text}\n    ${x.flags.map((f) => `${f.kind}: ${f.message}`).join('\n    ')}`).join('\n');
      for (const [phrase, kind] of c.planted) {
        const claim = result.claims.find((x) => x.text.includes(phrase));
        assert.ok(claim, `no claim contains ${JSON.stringify(phrase)}\n${describe()}`);
        assert.ok(claim.flags.some((f) => f.kind === kind), `${JSON.stringify(phrase)} should be flagged ${kind}\n${describe()}`);
      }
      for (const phrase of c.controls) {
        const claim = result.claims.find((x) => x.text.includes(phrase));
        if (claim) assert.deepEqual(claim.flags, [], `control ${JSON.stringify(phrase)} got flags\n${describe()}`);
      }
      assert.equal(result.summary.flags, result.claims.reduce((n, x) => n + x.flags.length, 0));
    } finally {
      await store.close();
    }
  });
}
