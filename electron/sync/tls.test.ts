/**
 * A county server whose certificate cannot be trusted: the sync stops with SYNC_CERTIFICATE and
 * sends nothing (patient records never go over an unverified link). The certificate is a throwaway
 * self-signed one made with the openssl command line for this test.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../db/testing/fixtures';
import { openTestClinic, type TestClinic } from './testing/clinic-fixture';

function haveOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!haveOpenssl())('TLS', () => {
  let server: https.Server;
  let url = '';
  let requests = 0;
  const clinics: TestClinic[] = [];
  beforeAll(async () => {
    const dir = temporaryDirectory('clinic-tls-');
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=county.invalid'], {
      stdio: 'ignore',
    });
    server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_req, res) => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    url = `https://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    for (const c of clinics) c.dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses an untrusted certificate with SYNC_CERTIFICATE and sends nothing', async () => {
    const clinic = openTestClinic('tl01', url);
    clinics.push(clinic);
    clinic.addPatients(2);
    const outcome = await clinic.engine.run('manual');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('SYNC_CERTIFICATE');
      expect(outcome.error.retryable).toBe(false);
      expect(outcome.error.message).toMatch(/证书/);
    }
    expect(clinic.engine.status().state).toBe('error');
    expect(requests).toBe(0);
  });
});
