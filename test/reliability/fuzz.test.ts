// Fuzzing the loaders (txt, md, html, jsonl, pdf bytes) and the language toolkit (sentences, figures,
// dates, cues) with fast-check: a loader throws nothing but VerityError, and every span the toolkit
// returns maps back to the text it was read from. 10,000 inputs per target here (CI);
// `npm run fuzz` runs 100,000 (VERITY_FUZZ_RUNS sets any other count).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText } from '../../src/ingest/load/decode.js';
import { loadMarkdown } from '../../src/ingest/load/load-markdown.js';
import { loadHtml } from '../../src/ingest/load/load-html.js';
import { loadJsonl } from '../../src/ingest/load/load-jsonl.js';
import { loadPdf } from '../../src/ingest/load/load-pdf.js';
import { extractDates, extractFigures, findCues, splitSentences } from '../../src/text/index.js';
import { isVerityError } from '../../src/errors.js';
import { RUNS, anyText, mapsBack, onlyVerityErrors, options, prose } from './fuzz-inputs.js';
import { makePdf } from '../fixtures/ingest/make-pdf.js';

test(`fuzz: sentences, figures, dates and cues never throw and their spans map back to the text (${RUNS} inputs each)`, () => {
  fc.assert(fc.property(anyText, (t) => mapsBack(t, splitSentences(t))), options);
  fc.assert(fc.property(anyText, (t) => mapsBack(t, extractFigures(t))), options);
  fc.assert(fc.property(anyText, (t) => mapsBack(t, extractDates(t, { reference: new Date('2026-01-01T00:00:00Z') }))), options);
  fc.assert(fc.property(anyText, (t) => mapsBack(t, findCues(t))), options);
});

test(`fuzz: the text, Markdown and JSONL loaders throw nothing but VerityError (${RUNS} inputs each)`, () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => onlyVerityErrors(() => decodeText(b, 'x.txt'))), options);
  fc.assert(fc.property(anyText, (t) => onlyVerityErrors(() => loadMarkdown(t.startsWith('---') ? t : `---\ntitle: ${t}\n---\n${t}`, 'x.md'))), options);
  const line = fc.oneof(anyText, fc.json(), fc.dictionary(fc.constantFrom('text', 'title', 'uri', 'kind', 'publishedAt', 'aliases', 'meta'), fc.jsonValue()).map((o) => JSON.stringify(o)));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (lines) =>
      onlyVerityErrors(() => {
        const r = loadJsonl(lines.join('\n'), 'x.jsonl');
        for (const f of r.failures) assert.ok(isVerityError(f.error));
      }),
    ),
    options,
  );
});

test(`fuzz: the HTML loader throws nothing but VerityError (${RUNS} inputs)`, () => {
  const markup = fc.array(fc.oneof(fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<article>', '<table><tr><td>', '</td></tr></table>', '<script>x()</script>', '<meta property="og:title" content="', '">', '<!--', '-->', '<![CDATA[', '<svg>', '<template>'), prose), { maxLength: 40 });
  fc.assert(fc.property(fc.oneof(markup.map((a) => a.join('')), anyText), (t) => onlyVerityErrors(() => loadHtml(t, 'x.html'))), options);
});

test(`fuzz: the PDF loader rejects with nothing but VerityError, on random and on mutated real PDFs (${RUNS} inputs)`, async () => {
  const base = makePdf({ pages: [['The council counted 1,200 voters in March 2021.'], ['Turnout did not rise.']], info: { Title: 'Fuzz' } });
  const mutated = fc.array(fc.record({ at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 12 }).map((edits) => {
    const b = Uint8Array.from(base);
    for (const e of edits) b[e.at] = e.byte;
    return b;
  });
  const random = fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([...Buffer.from('%PDF-1.4\n'), ...b]));
  const truncated = fc.nat({ max: base.length }).map((n) => Uint8Array.from(base.subarray(0, n)));
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutated, random, truncated), async (bytes) => {
      try {
        await loadPdf(bytes, 'x.pdf');
      } catch (e) {
        if (!isVerityError(e)) throw e;
      }
    }),
    options,
  );
});
