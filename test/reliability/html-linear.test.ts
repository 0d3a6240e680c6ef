// Issue 16: ingesting a large HTML page was worse than linear (a 2 MiB page of paragraphs used over
// 129 s of CPU). linkedom builds an element's `childNodes` list afresh on every read, walking all its
// children, and the tree walks read it once per child: n² for an element of n children. These tests
// count that work — the children linkedom lists while each walk runs — on a real linkedom page, and
// require it to be linear in the page's node count. Speed itself is measured by
// bench/ingest/html-ingest-curve.ts (docs/bench-html-ingest.md), not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { domToText, loadHtml } from '../../src/ingest/load/load-html.js';
import { pageShape } from '../../src/ingest/load/readability-guard.js';
import { readHtmlArticle } from '../../src/audit/read/article-html.js';

const SENTENCE = 'The council said 31 of 52 ferries ran on time in 2024.';

/** A page of `n` paragraphs side by side in one <article> (one element with n children). */
function widePage(n: number): string {
  return `<html><head><title>Wide</title></head><body><article>${`<p>${SENTENCE}</p>`.repeat(n)}</article></body></html>`;
}

interface ListOwner {
  childNodes: ArrayLike<unknown>;
}

/** Runs `fn` while counting the children linkedom lists on every `childNodes` read. */
function countChildListing(sample: object, fn: () => void): number {
  let proto: object | null = sample;
  let owner: object | null = null;
  while (proto && !owner) {
    if (Object.getOwnPropertyDescriptor(proto, 'childNodes')) owner = proto;
    else proto = Object.getPrototypeOf(proto) as object | null;
  }
  assert.ok(owner, 'linkedom elements have a childNodes getter');
  const original = Object.getOwnPropertyDescriptor(owner, 'childNodes');
  const get = original?.get;
  assert.ok(get, 'childNodes is a getter');
  let listed = 0;
  Object.defineProperty(owner, 'childNodes', {
    ...original,
    get(this: ListOwner) {
      const list = get.call(this) as ArrayLike<unknown>;
      listed += list.length;
      return list;
    },
  });
  try {
    fn();
  } finally {
    Object.defineProperty(owner, 'childNodes', original);
  }
  return listed;
}

const N = 2_000;
// Each paragraph is an element and a text node; a linear walk lists each child once (or a few times).
const LINEAR_BOUND = 4 * (2 * N);

test('the body text of an element with 2,000 children lists each child a bounded number of times (not 2,000)', () => {
  const { document } = parseHTML(widePage(N)) as unknown as { document: { body: Parameters<typeof domToText>[0] & object } };
  let text = '';
  const listed = countChildListing(document.body, () => {
    text = domToText(document.body);
  });
  assert.equal(text.split('\n\n').length, N);
  assert.ok(listed <= LINEAR_BOUND, `children listed ${listed} times for ${N} paragraphs (linear would be ≤ ${LINEAR_BOUND})`);
});

test("measuring a wide page's depth and element count is linear in its nodes", () => {
  const { document } = parseHTML(widePage(N)) as unknown as { document: { body: Parameters<typeof pageShape>[0] & object } };
  let shape = { depth: 0, elements: 0 };
  const listed = countChildListing(document.body, () => {
    shape = pageShape(document.body);
  });
  assert.deepEqual(shape, { depth: 2, elements: N + 2 });
  assert.ok(listed <= LINEAR_BOUND, `children listed ${listed} times (linear would be ≤ ${LINEAR_BOUND})`);
});

test("the audit's reading of a wide HTML article is linear in its nodes", () => {
  const html = widePage(N);
  // The audit loads linkedom by require (its CommonJS build, with classes of its own).
  const cjs = createRequire(import.meta.url)('linkedom') as { parseHTML: typeof parseHTML };
  const sample = (cjs.parseHTML(html) as unknown as { document: { body: object } }).document.body;
  let paragraphs = 0;
  const listed = countChildListing(sample, () => {
    paragraphs = readHtmlArticle(html).text.split(SENTENCE).length - 1;
  });
  assert.equal(paragraphs, N);
  assert.ok(listed <= LINEAR_BOUND, `children listed ${listed} times (linear would be ≤ ${LINEAR_BOUND})`);
});

test('the whole HTML loader, Readability included, stays linear on a wide page', () => {
  const html = widePage(N);
  const sample = (parseHTML(html) as unknown as { document: { body: object } }).document.body;
  let text = '';
  const listed = countChildListing(sample, () => {
    text = loadHtml(html, 'wide.html').text;
  });
  assert.equal(text.split('\n\n').length, N);
  // Readability walks the page several times over; still a constant number of passes, not one per child.
  assert.ok(listed <= 10 * LINEAR_BOUND, `children listed ${listed} times (linear would be ≤ ${10 * LINEAR_BOUND})`);
});

test('the page metadata is read in a constant number of whole-page scans, with the same precedence as before', () => {
  const head = [
    '<meta name="og:title" content="By name, not chosen">',
    '<meta property="og:title" content="  The title by property  ">',
    '<meta property="citation_author" content="">',
    '<meta name="citation_author" content="Ignored: an empty first tag moves on to the next name">',
    '<meta itemprop="dc.creator" content="A. Writer">',
    '<meta name="citation_publisher" content="Harbour Office">',
    '<meta name="citation_publisher" content="Second, ignored">',
  ].join('');
  const html = `<html lang="en"><head><title>Plain</title>${head}</head><body><article>${`<p>${SENTENCE}</p>`.repeat(200)}</article></body></html>`;
  const { document } = parseHTML(html) as unknown as { document: object };
  let proto: object | null = document;
  const scans = { count: 0 };
  const restore: Array<() => void> = [];
  while (proto && proto !== Object.prototype) {
    for (const name of ['querySelector', 'querySelectorAll'] as const) {
      const own = Object.getOwnPropertyDescriptor(proto, name);
      if (!own || typeof own.value !== 'function') continue;
      const target = proto;
      const original = own.value as (...a: unknown[]) => unknown;
      Object.defineProperty(target, name, { ...own, value: function (this: unknown, ...a: unknown[]) { scans.count++; return original.apply(this, a); } });
      restore.push(() => Object.defineProperty(target, name, own));
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  let meta: ReturnType<typeof loadHtml>['meta'] = {};
  try {
    // Readability skipped (a cap of 1 element) so that only the loader's own scans are counted.
    meta = loadHtml(html, 'meta.html', { maxElements: 1 }).meta;
  } finally {
    for (const r of restore) r();
  }
  assert.equal(meta.title, 'The title by property');
  assert.equal(meta.author, 'A. Writer');
  assert.equal(meta.publisher, 'Harbour Office');
  assert.ok(scans.count <= 4, `${scans.count} selector scans of the page (one per meta name would be ~80)`);
});
