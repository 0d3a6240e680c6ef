// GET /api/openapi.json on a real server: served without a token, an OpenAPI 3.1 document whose
// structure holds (every operation answers, every $ref resolves, every path parameter is
// declared, every security scheme named exists), and exactly the routes the app registers —
// a route added without its description, or a description left after its route, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessQueue } from '../../src/jobs/index.js';
import { createApp } from '../../src/server/index.js';
import type { VerityJobResult } from '../../src/server/index.js';
import { createReportCache } from '../../src/server/job-report.js';
import { smallStore } from '../check/helpers.js';
import { testServer } from './helpers.js';

const TOKEN = 'tok_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

async function fetchDocument(): Promise<Json> {
  const t = await testServer({ tokens: [TOKEN] });
  try {
    const res = await fetch(`${t.url}/api/openapi.json`);
    assert.equal(res.status, 200, 'served without a token');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const withWrong = await fetch(`${t.url}/api/openapi.json`, { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong-wrong' } });
    assert.equal(withWrong.status, 401, 'a wrong token is still refused');
    return (await res.json()) as Json;
  } finally {
    await t.close();
  }
}

/** Every "$ref" in the document, with where it was found. */
function refs(value: unknown, at = '#', out: Array<{ at: string; ref: string }> = []): Array<{ at: string; ref: string }> {
  if (Array.isArray(value)) value.forEach((v, i) => refs(v, `${at}/${i}`, out));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push({ at, ref: v });
      else refs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

function resolve(doc: Json, ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `only local references: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    assert.ok(isObject(node) && part in node, `${ref} does not resolve`);
    node = node[part];
  }
  return node;
}

function deref(doc: Json, value: unknown): Json {
  const v = isObject(value) && typeof value.$ref === 'string' ? resolve(doc, value.$ref) : value;
  assert.ok(isObject(v));
  return v;
}

test('GET /api/openapi.json is an OpenAPI 3.1 document whose structure holds', async () => {
  const doc = await fetchDocument();
  assert.match(String(doc.openapi), /^3\.1\.\d+$/);
  assert.ok(isObject(doc.info) && typeof doc.info.title === 'string' && typeof doc.info.version === 'string', 'info.title and info.version');
  assert.ok(isObject(doc.paths) && isObject(doc.components));
  const components = doc.components as Json;
  const schemes = components.securitySchemes as Json;
  assert.deepEqual(schemes.bearer, { ...(schemes.bearer as Json), type: 'http', scheme: 'bearer' }, 'the bearer auth is described');
  for (const { ref } of refs(doc)) resolve(doc, ref);

  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    assert.ok(path.startsWith('/'), path);
    assert.ok(isObject(item));
    const shared = ((item.parameters as unknown[] | undefined) ?? []).map((p) => deref(doc, p));
    for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
      const op = item[method] as Json;
      const where = `${method.toUpperCase()} ${path}`;
      assert.equal(typeof op.operationId, 'string', `${where} has an operationId`);
      assert.ok(!operationIds.has(op.operationId as string), `${where}: operationId unique`);
      operationIds.add(op.operationId as string);
      assert.ok(isObject(op.responses) && Object.keys(op.responses).length > 0, `${where} has responses`);
      for (const [status, answer] of Object.entries(op.responses as Json)) {
        assert.match(status, /^(?:[1-5]\d\d|[1-5]XX|default)$/, `${where}: status ${status}`);
        assert.equal(typeof deref(doc, answer).description, 'string', `${where} ${status} has a description`);
      }
      const params = [...shared, ...((op.parameters as unknown[] | undefined) ?? []).map((p) => deref(doc, p))];
      for (const p of params) {
        assert.ok(typeof p.name === 'string' && ['query', 'header', 'path', 'cookie'].includes(p.in as string), `${where}: parameter ${JSON.stringify(p)}`);
        if (p.in === 'path') assert.equal(p.required, true, `${where}: path parameter ${String(p.name)} is required`);
      }
      for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
        assert.ok(params.some((p) => p.in === 'path' && p.name === name), `${where}: {${name}} is declared`);
      }
      for (const requirement of (op.security as Json[] | undefined) ?? (doc.security as Json[])) {
        for (const scheme of Object.keys(requirement)) assert.ok(scheme in schemes, `${where}: security scheme ${scheme} exists`);
      }
      if (op.requestBody !== undefined) assert.ok(isObject(deref(doc, op.requestBody).content), `${where}: request body has content`);
    }
  }
  // The error shape every route answers with.
  const error = deref(doc, { $ref: '#/components/schemas/Error' });
  assert.deepEqual(error.required, ['error']);
  assert.deepEqual(((error.properties as Json).error as Json).required, ['code', 'component', 'problem', 'fix']);
});

test('the document describes exactly the routes the app registers', async () => {
  const store = await smallStore();
  const queue = createInProcessQueue<VerityJobResult>({ run: () => Promise.reject(new Error('not run')) });
  try {
    const app = createApp({ store, queue, maxBodyBytes: 1024, allowedHosts: null, log: () => undefined, reports: createReportCache(), answerTimeoutMs: 1_000 });
    const registered = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const doc = await fetchDocument();
    const described = new Set(Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.keys(item as Json).filter((k) => METHODS.includes(k)).map((m) => `${m.toUpperCase()} ${path}`)));
    assert.deepEqual([...registered].filter((r) => !described.has(r)), [], 'routes without a description');
    assert.deepEqual([...described].filter((d) => !registered.has(d)), [], 'descriptions without a route');
    assert.ok(registered.size >= 11, `${registered.size} routes`);
  } finally {
    await queue.close();
    await store.close();
  }
});
