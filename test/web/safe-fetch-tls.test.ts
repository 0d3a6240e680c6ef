// https through the pinned connection: the certificate is checked against the URL's host name
// (not the pinned IP), with SNI. The certificate is made for the test by openssl (skipped without it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { VerityError } from '../../src/errors.js';
import { safeFetch } from '../../src/web/safe-fetch.js';

const dir = mkdtempSync(join(tmpdir(), 'verity-tls-'));
const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=verity.test', '-addext', 'subjectAltName=DNS:verity.test'], { encoding: 'utf8' });
const skip = made.status === 0 ? false : `openssl could not make a test certificate (${made.error?.message ?? made.stderr.trim()})`;

let server: Server;
let port = 0;
let cert = '';
const resolve = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];

before(async () => {
  if (skip) return;
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello over TLS, SNI ${(req.socket as unknown as { servername?: string }).servername ?? 'none'}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  if (server) await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

test('https with a pinned address: SNI and the certificate name are the URL host', { skip }, async () => {
  const r = await safeFetch(`https://verity.test:${port}/`, { allowPrivate: true, resolve, ca: cert });
  assert.equal(r.body.toString(), 'hello over TLS, SNI verity.test');
});

test('an untrusted certificate and a certificate for another name are refused', { skip }, async () => {
  await assert.rejects(safeFetch(`https://verity.test:${port}/`, { allowPrivate: true, resolve }), (e: unknown) => {
    assert.ok(e instanceof VerityError);
    assert.equal(e.code, 'IO');
    assert.match(e.message, /the TLS certificate could not be verified/);
    return true;
  });
  await assert.rejects(safeFetch(`https://other.test:${port}/`, { allowPrivate: true, resolve, ca: cert }), /the TLS certificate could not be verified \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
});
