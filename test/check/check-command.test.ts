import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { SMALL_CORPUS } from '../fixtures/check/small-corpus.js';
import { storeOfDocs } from './helpers.js';

const run = (argv: string[], cwd: string) => runCli(argv, { cwd });

const QUESTION = 'Which countries criminalize possession of banned images versus only their production or distribution?';

test('verity check: report to stdout or a file in every format, progress on stderr, clear usage errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-check-cmd-'));
  try {
    await (await storeOfDocs(SMALL_CORPUS, join(dir, 'c.db'))).close();

    const md = await run(['check', QUESTION, '--db', 'c.db'], dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Fact check: Which countries/);
    assert.match(md.stdout, /## Executive summary/);
    assert.match(md.stderr, /retrieve: /);

    const json = await run(['check', QUESTION, '--db', 'c.db', '--format', 'json', '--out', 'out/r.json'], dir);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')) as { schemaVersion: number; kind: string; summary: { verified: boolean }[] };
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.kind, 'question');
    assert.match(json.stderr, /wrote .*r\.json \(json; \d+ sentences, \d+ unverified\)/);

    const receipt = await run(['check', QUESTION, '--db', 'c.db', '--format', 'html', '--out', 'r.html', '--json'], dir);
    assert.equal(receipt.code, 0);
    assert.equal((JSON.parse(receipt.stdout) as { format: string }).format, 'html');
    assert.match(readFileSync(join(dir, 'r.html'), 'utf8'), /^<!doctype html>/);

    const question = await run(['check', QUESTION, '--db', 'c.db', '--format', 'claimreview'], dir);
    assert.equal(question.code, 1);
    assert.match(question.stderr, /ClaimReview describes a verdict on a claim/);

    const claim = await run(['check', 'Ruritania criminalizes possession of banned images', '--db', 'c.db', '--format', 'claimreview'], dir);
    assert.equal(claim.code, 0, claim.stderr);
    const ld = JSON.parse(claim.stdout) as { '@type': string; claimReviewed: string; reviewRating: { alternateName: string } };
    assert.equal(ld['@type'], 'ClaimReview');
    assert.equal(ld.claimReviewed, 'Ruritania criminalizes possession of banned images');
    assert.match(ld.reviewRating.alternateName, /^(Supported|Refuted|Mixed|Unproven)$/);

    const none = await run(['check', '--db', 'c.db'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /verity: \[check\] no question or claim given\. Fix:/);
    const badFormat = await run(['check', QUESTION, '--db', 'c.db', '--format', 'pdf'], dir);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown --format "pdf"\. Fix: use one of md, html, json, claimreview/);
    // "markdown" and "HTML" are the formats as users write them.
    const spelled = await run(['check', QUESTION, '--db', 'c.db', '--format', 'markdown'], dir);
    assert.equal(spelled.code, 0, spelled.stderr);
    assert.match(spelled.stdout, /^# /m);
    const missing = await run(['check', QUESTION, '--db', 'nope.db'], dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /\[store\] no corpus database at ".*nope\.db"\. Fix: run "verity ingest <files>" first/);
    const help = await run(['check', '--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: verity check "<question or claim>"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verity check --about: the report says what the claim was read as being about; an empty topic is a clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-check-about-'));
  try {
    await (await storeOfDocs(SMALL_CORPUS, join(dir, 'c.db'))).close();
    const claim = 'It criminalizes possession of banned images';
    const about = await run(['check', claim, '--about', 'Ruritania', '--db', 'c.db', '--format', 'json'], dir);
    assert.equal(about.code, 0, about.stderr);
    const report = JSON.parse(about.stdout) as { about?: string; gaps: Array<{ text: string }> };
    assert.equal(report.about, 'Ruritania');
    assert.ok(!report.gaps.some((g) => /subject is unknown/.test(g.text)));
    const bare = await run(['check', claim, '--db', 'c.db'], dir);
    assert.equal(bare.code, 0, bare.stderr);
    assert.match(bare.stdout, /subject is unknown: it opens with “It”/);
    const empty = await run(['check', claim, '--about', ' ', '--db', 'c.db'], dir);
    assert.notEqual(empty.code, 0);
    assert.match(empty.stderr, /verity: \[check\] .*the topic given with --about is empty\. Fix:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
