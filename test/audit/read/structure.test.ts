import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticle } from '../../../src/audit/index.js';
import { articleSentences } from '../../../src/audit/read/claims.js';
import { gluedHeadingEnd, isByline, isChrome } from '../../../src/audit/read/structure.js';

// A page saved as text in the house-style form: banner, "Loading…", a "Fact check:" title, a
// "Checked on" line, a heading glued to its first sentence, numbered section headings.
const PAGE = `Keep Riverside Checks independent
Whether you agree or disagree with our analysis, this matters. We take no money from parties - even a $5 donation helps us keep it that way.
Loading...Time left: ...
Loading...Goal: $500
Fact check: Did the city double its bus fleet?
Checked on March 4, 2026
Executive summaryThe city added buses, but the fleet grew from 210 to 260 vehicles between 2019 and 2024 [1] [2].
1. What the claim says
The claim holds that the council doubled the fleet in five years [3].
2. The fleet numbers over time
Transit records show 210 buses in 2019 and 260 in 2024 [1].
`;

test('structure: banners, "Loading…", the title, the "Checked on" line and headings are not claims', () => {
  const a = readArticle(PAGE, 'txt');
  assert.equal(a.title, 'Did the city double its bus fleet?');
  const sentences = articleSentences(a).map((s) => s.text);
  assert.deepEqual(sentences, [
    'The city added buses, but the fleet grew from 210 to 260 vehicles between 2019 and 2024 [1] [2].',
    'The claim holds that the council doubled the fleet in five years [3].',
    'Transit records show 210 buses in 2019 and 260 in 2024 [1].',
  ]);
  const kinds = a.blocks.map((b) => b.kind);
  assert.deepEqual(kinds.slice(0, 6), ['chrome', 'chrome', 'chrome', 'chrome', 'heading', 'byline']);
  assert.deepEqual(a.blocks.filter((b) => b.kind === 'heading').map((b) => b.text), ['Fact check: Did the city double its bus fleet?', 'Executive summary', 'What the claim says', 'The fleet numbers over time']);
});

test('structure: the same page with blank lines between paragraphs, and in Markdown', () => {
  const spaced = PAGE.replace(/\n/g, '\n\n');
  for (const [text, format] of [[spaced, 'txt'], [spaced, 'md']] as const) {
    const sentences = articleSentences(readArticle(text, format)).map((s) => s.text);
    assert.equal(sentences.length, 3, sentences.join('\n'));
    assert.ok(sentences.every((s) => !/Loading|Checked on|donation|Executive/.test(s)));
  }
});

test('structure: hard-wrapped prose stays one paragraph; bullets without full stops stay claims', () => {
  const md = `# Water use

The regional authority reported that households used 142 litres a day in
Northfield during 2023, down from 151 litres in 2020, according to the
Ministry of Environment's annual water survey.

- Leakage fell to 18% of supply in 2023
- Metered homes rose to 61%
`;
  const a = readArticle(md, 'md');
  const s = articleSentences(a).map((x) => x.text.replace(/\s+/g, ' '));
  assert.equal(s.length, 3, s.join('\n'));
  assert.match(s[0] ?? '', /^The regional authority .* survey\.$/);
  assert.equal(s[1], 'Leakage fell to 18% of supply in 2023');
});

test('structure: HTML chrome (navigation, cookie notice, share line) is not prose', () => {
  const html = `<html><body><p>Home | News | Fact checks | About</p><p>We use cookies to improve your experience.</p>
<h1>Port traffic claim</h1><p>By Dana Okafor</p><p>Published 12 May 2026</p>
<p>The port handled 4.1 million containers in 2025, up from 3.8 million a year earlier.</p><p>Share this</p></body></html>`;
  const a = readArticle(html, 'html');
  const s = articleSentences(a).map((x) => x.text);
  assert.deepEqual(s, ['The port handled 4.1 million containers in 2025, up from 3.8 million a year earlier.']);
});

test('structure: glued headings are told apart from names written in camel case', () => {
  assert.equal(gluedHeadingEnd('Executive summaryThe claim is false.'), 'Executive summary'.length);
  assert.equal(gluedHeadingEnd('Why the number mattersThe ministry revised it.'), 'Why the number matters'.length);
  assert.equal(gluedHeadingEnd('Videos on YouTube drew 3 million views.'), -1);
  assert.equal(gluedHeadingEnd('The slides in PowerPoint format were shared.'), -1);
  assert.ok(isChrome('Loading…'));
  assert.ok(isChrome('Support our work: donate today and help us stay independent.'));
  assert.ok(!isChrome('The foundation donated 40 ambulances to the region in 2022.'));
  assert.ok(isByline('Checked on October 13, 2025'));
  assert.ok(isByline('By Ana Ruiz and Tom Blake'));
  assert.ok(!isByline('By 2030 the plant will close.'));
});

test('structure: a link in the page title does not take the number of a [1] marker; a question title with a dotted name is a heading', () => {
  const page = `Keep Riverside Checks independent
Fact check: [Riverside Checks](https://checks.example.org/)
Checked on October 13, 2025
Executive Summary — The page makes no claim of its own that can be checked [1] [2].
Fact check: What does riverside.example publish?
`;
  const a = readArticle(page, 'md');
  const link = a.references.find((r) => r.kind === 'link');
  assert.ok(link && link.n > 2, JSON.stringify(a.references));
  assert.deepEqual(articleSentences(a).map((s) => s.text), ['The page makes no claim of its own that can be checked [1] [2].']);
  assert.ok(a.blocks.some((b) => b.kind === 'heading' && b.text === 'Fact check: What does riverside.example publish?'));
});
