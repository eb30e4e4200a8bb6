/**
 * The hub's TLS identity: a key pair and a self-signed X.509 certificate made at the hub's first
 * start (package `selfsigned`, EC P-256, SHA-256 signature, ten years: a workstation pins it, so a
 * certificate that expired would cut the whole centre off, and renewing means pairing every PC
 * again). The private key is kept sealed by the app's secret box; the certificate is public.
 */
import { generate } from 'selfsigned';
import type { SecretBox } from '../security/secret-box';
import { fingerprintOfPem } from './fingerprint';

export interface HubCertificate {
  readonly certificatePem: string;
  readonly keyPem: string;
  readonly fingerprint: string;
}

/** What is stored: the certificate as it is, the key sealed. */
export interface StoredCertificate {
  readonly certificatePem: string;
  readonly sealedKey: string;
}

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;

export async function generateHubCertificate(commonName: string, now: Date = new Date()): Promise<HubCertificate> {
  const made = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  return { certificatePem: made.cert, keyPem: made.private, fingerprint: fingerprintOfPem(made.cert) };
}

export function sealCertificate(certificate: HubCertificate, secrets: SecretBox): StoredCertificate {
  return { certificatePem: certificate.certificatePem, sealedKey: secrets.seal(certificate.keyPem) };
}

export function openCertificate(stored: StoredCertificate, secrets: SecretBox): HubCertificate {
  return { certificatePem: stored.certificatePem, keyPem: secrets.open(stored.sealedKey), fingerprint: fingerprintOfPem(stored.certificatePem) };
}
