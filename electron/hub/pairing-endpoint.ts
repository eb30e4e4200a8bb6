/**
 * `POST /_township/pair` on the hub: the one request that needs no account. It takes the pairing
 * code (and the new PC's label) and answers the new workstation's number, account, secret, the
 * centre's database and the clinic. It is reached only over the hub's TLS, and the pairing client
 * checks the certificate's fingerprint before it sends the code (pairing-client.ts).
 */
import type http from 'node:http';
import { z } from 'zod';
import type { WorkstationAccounts } from './accounts';
import { HUB_MESSAGES, type HubMessageCode } from './messages';
import type { PairingCodes, PairingRefusal } from './pairing-codes';

export const PAIR_PATH = '/_township/pair';
const MAX_BODY_BYTES = 4096;

export const pairingRequest = z.object({
  code: z.string().regex(/^\d{8}$/),
  label: z.string().trim().min(1).max(40),
});

export const pairingReply = z.object({
  workstationNumber: z.string(),
  account: z.string(),
  secret: z.string(),
  database: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
});
export type PairingReply = z.infer<typeof pairingReply>;

const REFUSALS: Readonly<Record<PairingRefusal, HubMessageCode>> = {
  'no-code': 'HUB_NO_CODE',
  wrong: 'HUB_CODE_WRONG',
  expired: 'HUB_CODE_EXPIRED',
  withdrawn: 'HUB_CODE_WITHDRAWN',
  used: 'HUB_CODE_USED',
};

export interface PairingContext {
  readonly codes: PairingCodes;
  readonly accounts: WorkstationAccounts;
  readonly database: string;
  readonly clinic: () => { code: string; name: string };
  readonly hubWorkstation: () => string;
  readonly onPaired?: (workstationNumber: string, label: string) => void;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendRefusal(res: http.ServerResponse, status: number, code: HubMessageCode): void {
  const error = status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : status === 413 ? 'too_large' : 'forbidden';
  sendJson(res, status, { error, reason: HUB_MESSAGES[code], code });
}

function readSmallBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export async function answerPairing(req: http.IncomingMessage, res: http.ServerResponse, context: PairingContext): Promise<void> {
  if (req.method !== 'POST') return sendRefusal(res, 403, 'HUB_NOT_REPLICATION');
  const text = await readSmallBody(req);
  let parsed: z.infer<typeof pairingRequest> | null = null;
  try {
    const result = pairingRequest.safeParse(JSON.parse(text ?? ''));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  if (!parsed) return sendRefusal(res, 403, 'HUB_CODE_WRONG');
  const redeemed = context.codes.redeem(parsed.code);
  if (!redeemed.ok) return sendRefusal(res, 403, REFUSALS[redeemed.reason]);
  const { account, secret } = context.accounts.create(parsed.label, context.hubWorkstation());
  context.onPaired?.(account.workstationNumber, account.label);
  const clinic = context.clinic();
  const reply: PairingReply = {
    workstationNumber: account.workstationNumber,
    account: account.account,
    secret,
    database: context.database,
    clinicCode: clinic.code,
    clinicName: clinic.name,
  };
  sendJson(res, 200, reply);
}
