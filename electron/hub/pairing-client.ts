/**
 * The new PC's side of pairing (加入本院):
 *
 * 1. Connect to the hub's address and look at its certificate (nothing is sent yet).
 * 2. Compare its SHA-256 fingerprint with what the person typed from the hub's screen; a
 *    difference stops here, so the pairing code never reaches a stranger.
 * 3. Send the code over a connection pinned to that very certificate (pinned-tls.ts).
 * 4. Return the workstation's number, account and secret, the centre's database, and the
 *    certificate and fingerprint to pin for every later connection.
 */
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { parseHubAddress, type HubAddress } from './address';
import { fingerprintMatches, fingerprintOfDer } from './fingerprint';
import { HubError, isHubMessageCode } from './messages';
import { pairingReply, PAIR_PATH } from './pairing-endpoint';
import { asCertificateMismatch, pinnedAgent, type PinnedCertificate } from './pinned-tls';

export interface PairWithHubInput {
  /** As typed: `192.168.1.10`, `192.168.1.10:6984` or `https://…`. */
  readonly address: string;
  readonly code: string;
  /** The fingerprint shown on the hub's screen, whole or its first 16 hex digits. */
  readonly fingerprint: string;
  /** How the hub lists this PC, e.g. 挂号室 2. */
  readonly label: string;
  readonly timeoutMs?: number;
}

export interface HubPairing extends PinnedCertificate {
  /** `https://host:port`. */
  readonly address: string;
  readonly workstationNumber: string;
  readonly account: string;
  readonly secret: string;
  /** The centre's database on the hub, `clinic_<code>`. */
  readonly database: string;
  readonly clinicCode: string;
  readonly clinicName: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The certificate the hub presents, unverified (nothing is sent over this connection). */
export function peekHubCertificate(address: HubAddress, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PinnedCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address.host,
      port: address.port,
      rejectUnauthorized: false,
      servername: isIP(address.host) ? undefined : address.host,
    });
    const fail = (detail: string): void => {
      socket.destroy();
      reject(new HubError('HUB_UNREACHABLE', detail));
    };
    socket.setTimeout(timeoutMs, () => fail('timeout'));
    socket.once('error', (error) => fail(error.message));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      if (!cert?.raw) return fail('no certificate');
      const pem = `-----BEGIN CERTIFICATE-----\n${(cert.raw.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
      resolve({ fingerprint: fingerprintOfDer(cert.raw), certificatePem: pem });
    });
  });
}

function postPairing(address: HubAddress, pin: PinnedCertificate, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const agent = pinnedAgent(pin, { keepAlive: false });
    const request = https.request(
      `${address.url}${PAIR_PATH}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new HubError('HUB_UNREACHABLE', 'timeout')));
    request.on('error', (error) => reject(asCertificateMismatch(error) ?? new HubError('HUB_UNREACHABLE', error.message)));
    request.end(body);
  });
}

function refusalOf(text: string): HubError {
  try {
    const body = JSON.parse(text) as { code?: unknown };
    if (isHubMessageCode(body.code)) return new HubError(body.code);
  } catch {
    // not the hub's JSON: said below
  }
  return new HubError('HUB_BAD_REPLY', text.slice(0, 200));
}

export async function pairWithHub(input: PairWithHubInput): Promise<HubPairing> {
  const address = parseHubAddress(input.address);
  if (!address) throw new HubError('HUB_UNREACHABLE', 'bad address');
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const presented = await peekHubCertificate(address, timeoutMs);
  if (!fingerprintMatches(input.fingerprint, presented.fingerprint)) throw new HubError('HUB_FINGERPRINT_MISMATCH', `presented ${presented.fingerprint}`);
  const reply = await postPairing(address, presented, JSON.stringify({ code: input.code, label: input.label }), timeoutMs);
  if (reply.status !== 200) throw refusalOf(reply.text);
  let parsed;
  try {
    parsed = pairingReply.safeParse(JSON.parse(reply.text));
  } catch {
    throw new HubError('HUB_BAD_REPLY', reply.text.slice(0, 200));
  }
  if (!parsed.success) throw new HubError('HUB_BAD_REPLY', parsed.error.message);
  return { ...parsed.data, address: address.url, fingerprint: presented.fingerprint, certificatePem: presented.certificatePem };
}
