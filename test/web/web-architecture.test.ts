// The web adapters stay apart: each imports the contract, the fetch and shared code, never another
// adapter; nothing under web/ imports the CLI. (test/architecture.test.ts covers the rest of src/.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEB = join(process.cwd(), 'src/web');
const ADAPTERS = ['wikipedia.ts', 'searxng.ts'];

function imports(file: string): string[] {
  const text = readFileSync(join(WEB, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

test('web adapters never import each other', () => {
  for (const a of ADAPTERS) {
    for (const spec of imports(a)) {
      for (const other of ADAPTERS.filter((o) => o !== a)) assert.ok(!spec.endsWith(other.replace(/\.ts$/, '.js')), `${a} imports ${spec}`);
    }
  }
});

test('web/ never imports the CLI, and the contract imports only types', () => {
  for (const f of readdirSync(WEB).filter((n) => n.endsWith('.ts'))) {
    for (const spec of imports(f)) assert.ok(!spec.includes('/cli/'), `${f} imports ${spec}`);
  }
  const contract = readFileSync(join(WEB, 'web-search.ts'), 'utf8');
  for (const line of contract.split('\n').filter((l) => /^import /.test(l))) assert.match(line, /^import type /);
});
