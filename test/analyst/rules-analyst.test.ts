// The rules analyst behind the Analyst contract gives the same report, byte for byte, as the
// pipeline's default; and the dependency rules of the analyst layer hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkInput } from '../../src/check/index.js';
import { rulesAnalyst } from '../../src/analyst/rules-analyst.js';
import { renderReport } from '../../src/report/index.js';
import { FIXED_NOW, smallStore } from '../check/helpers.js';

test('rules analyst passed explicitly = the default: identical Markdown, JSON and HTML', async () => {
  const store = await smallStore();
  try {
    for (const input of ['Ruritania criminalizes possession of banned images', 'Which countries criminalize possession of banned images versus only their production or distribution?']) {
      const a = await checkInput(store, input, { now: FIXED_NOW });
      const b = await checkInput(store, input, { now: FIXED_NOW, analyst: rulesAnalyst });
      assert.equal(a.provenance.analyst, 'rules');
      for (const f of ['md', 'json', 'html'] as const) assert.equal(renderReport(b, f), renderReport(a, f));
    }
  } finally {
    await store.close();
  }
});

function imports(dir: string): { file: string; spec: string; dynamic: boolean }[] {
  const out: { file: string; spec: string; dynamic: boolean }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...imports(p));
    else if (name.endsWith('.ts')) {
      const text = readFileSync(p, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push({ file: p, spec: m[1] ?? '', dynamic: false });
      for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ file: p, spec: m[1] ?? '', dynamic: true });
    }
  }
  return out;
}

test('the LLM adapter is reached only on demand, and imports no other adapter, the CLI or the pipeline', () => {
  for (const e of imports('src')) {
    const inLlm = e.file.startsWith(join('src', 'analyst', 'llm'));
    if (!inLlm && /analyst\/llm\/|\.\/llm\//.test(e.spec)) {
      assert.ok(e.dynamic && e.file === join('src', 'analyst', 'analyst-config.ts'), `${e.file} imports ${e.spec} statically: the LLM analyst must load lazily, from analyst-config.ts only`);
    }
    if (inLlm) assert.ok(!/\/(?:store|cli|check|eval|ingest|audit)\//.test(e.spec) && !/^(?:better-sqlite3|pg)$/.test(e.spec), `${e.file} imports ${e.spec}`);
  }
});
