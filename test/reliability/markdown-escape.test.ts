// Markdown output quotes text from sources and from the model: none of it may become an active
// link, an image, an autolink or raw HTML in the rendered report or in the audit notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../src/report/index.js';
import { escapeMarkdownInline, markdownAddress } from '../../src/report/render/markdown-escape.js';
import { annotateMarkdown, readArticle } from '../../src/audit/index.js';
import type { AuditResult } from '../../src/audit/types.js';
import { sampleReport } from '../fixtures/check/sample-report.js';

const HOSTILE = 'See [the full table](javascript:alert(1)) and ![pixel](https://tracker.example/p.png) or <javascript:alert(2)> and <img src=x onerror=alert(3)>.\n[9]: javascript:alert(4)';

/** Markdown that would be active: an unescaped link/image opener "[…](" or "![", an autolink or a tag. */
function activeSyntax(md: string): string[] {
  const found: string[] = [];
  for (const m of md.matchAll(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/g)) found.push(m[0]);
  for (const m of md.matchAll(/(?<!\\)!(?<!\\)\[/g)) found.push(m[0]);
  for (const m of md.matchAll(/(?<!\\)<(?:javascript|img|script)/gi)) found.push(m[0]);
  for (const m of md.matchAll(/^\[\d+\]:/gm)) found.push(m[0]);
  return found;
}

test('the report renderer escapes links, images, autolinks and tags in quoted text, and non-web source addresses', () => {
  const report = sampleReport();
  const first = report.summary[0];
  assert.ok(first);
  report.summary[0] = { ...first, text: `${HOSTILE} [1].` };
  const source = report.sources[0];
  assert.ok(source);
  report.sources[0] = { ...source, uri: 'javascript:alert(5)', title: '[click](javascript:alert(6))' };
  const md = renderMarkdown(report);
  assert.deepEqual(activeSyntax(md), []);
  assert.ok(!md.includes('<javascript:alert(5)>'));
  assert.match(md, /alert\(4\) \[1\]\./, 'a citation marker stays readable');
  assert.match(md, /<https:\/\/example\.org\/news\/ruritania>/, 'web addresses stay links');
});

test('the audit notes (which quote the cited source) are escaped; the article itself is kept as written', () => {
  const article = readArticle('The port handled 5 million tonnes in 2023 [1].\n\n1. Port report. https://example.org/port\n', 'md');
  const claim = { text: 'The port handled 5 million tonnes in 2023 [1].', start: 0, end: 46, flags: [{ kind: 'figure-mismatch', message: `the cited source [1] says: "${HOSTILE}"`, evidence: [] }] };
  const result = { claims: [claim], warnings: [], summary: { claims: 1, supported: 0, contradicted: 1, unsupported: 0, unverifiable: 0, flags: 1 } } as unknown as AuditResult;
  const md = annotateMarkdown(article, result);
  assert.deepEqual(activeSyntax(md), []);
  assert.match(md, /the cited source \[1\] says/);
});

test('escaping helpers: only http(s) and file addresses become autolinks; line breaks cannot start a block', () => {
  assert.equal(markdownAddress('https://example.org/a'), '<https://example.org/a>');
  assert.equal(markdownAddress('data:text/html,<b>x</b>'), 'data:text/html,\\<b\\>x\\</b\\>');
  assert.equal(escapeMarkdownInline('a\n# b'), 'a # b');
  assert.equal(escapeMarkdownInline('[1](x) [2]: y [3]'), '\\[1\\](x) \\[2\\]: y [3]');
});
