import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../src/text/index.js';
import { runCli } from '../helpers/run-cli.js';

const run = (argv: string[], stdinText = '', cwd = process.cwd()) => runCli(argv, { stdin: stdinText, cwd });

interface JsonOut {
  sentences: Array<{ text: string; start: number; end: number; checkworthiness: number; figures: Array<Record<string, unknown>>; dates: Array<Record<string, unknown>>; cues: Array<Record<string, unknown>> }>;
}

const TEXT = 'According to the 2019 survey, 140 of 196 countries criminalize simple possession. Do you agree?\n';

test('analyze - --json reads stdin and keeps the documented JSON names', async () => {
  const r = await run(['analyze', '-', '--json'], TEXT);
  assert.equal(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout) as JsonOut;
  assert.equal(body.sentences.length, 2);
  const [s0, s1] = body.sentences;
  assert.ok(s0 && s1);
  assert.equal(TEXT.slice(s0.start, s0.end), s0.text);
  assert.ok(s0.checkworthiness > s1.checkworthiness);
  const f = s0.figures[0];
  assert.ok(f);
  for (const k of ['value', 'text', 'start', 'end', 'approximate', 'bound', 'unit', 'whole', 'predicate']) assert.ok(k in f, k);
  assert.deepEqual([f.value, f.whole, f.unit, f.predicate], [140, 196, 'countries', 'criminalize simple possession']);
  assert.equal(TEXT.slice(f.start as number, f.end as number), f.text);
  assert.equal(s0.dates[0]?.value, '2019');
  assert.equal(s0.cues.find((c) => c.kind === 'attribution')?.scope, 'the 2019 survey');
});

test('analyze a file prints sentences, figures and a summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-analyze-'));
  writeFileSync(join(dir, 'a.txt'), `\ufeff${TEXT}`);
  const r = await run(['analyze', 'a.txt'], '', dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /figure {4}"140 of 196 countries": value 140, unit countries, of 196, counts "criminalize simple possession"/);
  assert.match(r.stdout, /2 sentences, 1 figure, 1 date; 1 check-worthy/);
});

test('a missing file, a binary file, a folder and bad usage give clear errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-analyze-'));
  writeFileSync(join(dir, 'b.bin'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'l.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]));
  let r = await run(['analyze', 'nope.txt'], '', dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /verity: \[analyze\] cannot read "nope\.txt": no such file\. Fix:/);
  r = await run(['analyze', 'b.bin'], '', dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /"b\.bin" is binary, not text .*starts with "%PDF/);
  r = await run(['analyze', 'l.txt'], '', dir);
  assert.match(r.stderr, /"l\.txt" is not UTF-8 text/);
  r = await run(['analyze', '.'], '', dir);
  assert.match(r.stderr, /is a folder/);
  r = await run(['analyze']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no input given/);
  r = await run(['analyze', '-', '--reference', 'yesterday']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--reference "yesterday" is not a date/);
  r = await run(['analyze', '-', '--json'], '\u0000\u0001');
  assert.equal(r.code, 1);
  assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'BAD_INPUT');
});

test('--reference resolves relative dates', async () => {
  const r = await run(['analyze', '-', '--json', '--reference', '2024-06-15'], 'Last year 5 cases were reported.');
  const body = JSON.parse(r.stdout) as JsonOut;
  assert.equal(body.sentences[0]?.dates[0]?.value, '2023');
});

test('analyzeText offsets are into the whole text', () => {
  const text = '# Title\n\nFirst sentence. About 45% of 12 judges said no, since 2006.';
  for (const s of analyzeText(text)) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const x of [...s.figures, ...s.dates, ...s.cues]) {
      assert.equal(text.slice(x.start, x.end), x.text);
      assert.ok(x.start >= s.start && x.end <= s.end);
    }
  }
});

test('property: analyzeText never throws and every offset slices back, on any text', async () => {
  const fc = (await import('fast-check')).default;
  const arb = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom('140', ' of ', '196', ' countries', ' not ', ' said ', '. ', '\n', '# ', '- ', 'U.S. ', '$5', '%', ' since 2006', '\u0000', '\u001b', '😀', 'é'), { maxLength: 50 }).map((a) => a.join('')),
  );
  fc.assert(
    fc.property(arb, (text) => {
      for (const s of analyzeText(text)) {
        assert.equal(text.slice(s.start, s.end), s.text);
        assert.ok(s.checkworthiness >= 0 && s.checkworthiness <= 1);
        for (const x of [...s.figures, ...s.dates, ...s.cues]) assert.equal(text.slice(x.start, x.end), x.text);
      }
    }),
    { numRuns: 300 },
  );
});

test('a 1 MB line with control characters is analysed without error', () => {
  const line = `${'abc\u0001 12 of 20 judges\u0007 said no '.repeat(30_000)}`.slice(0, 1_000_000);
  const t0 = performance.now();
  const result = analyzeText(line);
  assert.ok(result.length >= 1);
  assert.ok(performance.now() - t0 < 20_000);
});
