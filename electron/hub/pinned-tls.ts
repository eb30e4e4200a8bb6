/**
 * Connections to the hub trust its certificate and nothing else: the certificate pinned at pairing
 * is the only authority (`ca`), and `checkServerIdentity` compares the SHA-256 fingerprint instead
 * of the host name (a hub's LAN address may change; its key does not). A different certificate —
 * another PC at the hub's address, a hub reinstalled, someone in between — fails the handshake,
 * before any request or credential is sent.
 */
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { HubError } from './messages';

export interface PinnedCertificate {
  /** `AB:CD:…`, as Node's `fingerprint256`. */
  readonly fingerprint: string;
  readonly certificatePem: string;
}

export function pinnedAgent(pin: PinnedCertificate, options: { keepAlive?: boolean } = {}): https.Agent {
  return new https.Agent({
    keepAlive: options.keepAlive ?? true,
    maxSockets: 4,
    // Idle sockets close before the hub's 5 s keep-alive ends, so none is reused as it closes.
    timeout: 4_000,
    ca: pin.certificatePem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === pin.fingerprint ? undefined : new HubError('HUB_CERTIFICATE_MISMATCH', `presented ${cert.fingerprint256}`),
  });
}

// https://nodejs.org/api/tls.html#x509-certificate-error-codes
const CERTIFICATE_ERROR = /^(CERT_|UNABLE_TO_(GET|VERIFY|DECRYPT)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|ERR_TLS_CERT)/;

/** A failure of the pinned handshake, whichever way Node or node-fetch reports it, as the hub's own refusal. */
export function asCertificateMismatch(error: unknown): HubError | null {
  if (error instanceof HubError) return error;
  const fields = error as { code?: unknown; cause?: unknown; reason?: unknown } | null;
  const codes = [fields?.code, (fields?.cause as { code?: unknown } | undefined)?.code];
  if (codes.some((c) => typeof c === 'string' && CERTIFICATE_ERROR.test(c))) return new HubError('HUB_CERTIFICATE_MISMATCH', String(codes.find(Boolean)));
  if (fields?.reason instanceof HubError) return fields.reason;
  return null;
}
