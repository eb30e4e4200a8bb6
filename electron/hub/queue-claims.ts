/**
 * 就诊序号 claims on the hub (electron/lan/queue-claim.ts is the workstation's side): a paired
 * workstation creates `queue:<YYYYMMDD>:<department>:<n>` with a plain PUT and no revision, and
 * the hub accepts it once (201) and answers 409 to every later claim of the same number, as CouchDB
 * does. This is the one document write the hub takes that is not replication, so it is answered
 * here, not by express-pouchdb: only that id shape, only a new document, only the claim's own
 * fields, in the workstation's own name, written through the store's one write path.
 */
import type http from 'node:http';
import type { DocumentStoreApi } from '../../db/store/types';

const CLAIM_ID = /^queue:\d{8}:[A-Za-z0-9_-]{1,20}:\d{1,4}$/;
const CLAIM_FIELDS = ['_id', 'type', 'clinic_code', 'workstation', 'claimed_at'];
const MAX_CLAIM_BYTES = 4_096;

export function isQueueClaimId(id: string): boolean {
  return CLAIM_ID.test(id);
}

export type ClaimAnswer =
  | { readonly status: 201; readonly body: { ok: true; id: string; rev: string } }
  | { readonly status: 400 | 403 | 409; readonly body: { error: string; reason: string } };

/** Decides one claim: `body` as sent, `id` from the path, who sent it and for which clinic. */
export function answerClaim(store: DocumentStoreApi, id: string, body: unknown, who: { workstation: string; clinicCode: string }): ClaimAnswer {
  const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const fieldsOk =
    Object.keys(doc).every((k) => CLAIM_FIELDS.includes(k)) && doc._id === id && doc.type === 'queue_claim' && typeof doc.claimed_at === 'string';
  if (!isQueueClaimId(id) || !fieldsOk) return { status: 400, body: { error: 'bad_request', reason: '只接受就诊序号的占号记录。' } };
  if (doc.workstation !== who.workstation || doc.clinic_code !== who.clinicCode) {
    return { status: 403, body: { error: 'forbidden', reason: '只能以本工作站的名义、为本院占号。' } };
  }
  const [result] = store.bulkDocs([{ _id: id, type: 'queue_claim', clinic_code: who.clinicCode, workstation: who.workstation, claimed_at: doc.claimed_at }]);
  if (result.ok) return { status: 201, body: { ok: true, id: result.id, rev: result.rev } };
  if (result.error === 'conflict') return { status: 409, body: { error: 'conflict', reason: 'Document update conflict.' } };
  return { status: 400, body: { error: result.error, reason: result.reason } };
}

/** The claim's body, read whole (small: a few hundred bytes); null when too large or not JSON. */
export async function readClaimBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_CLAIM_BYTES) return null;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
