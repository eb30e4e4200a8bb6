/**
 * The rules of a seal (REGULATIONS.md AR-29–AR-34): what a sealed revision's digest covers, which
 * parts of a case are new since the last stage, whether the sealed set is still exactly as sealed,
 * and when the institution may unseal on its own.
 */
import { sm3 } from 'sm-crypto-v2';
import { canonicalJson } from '../../../shared/canonical-json';
import type { SealDoc, SealedItem } from '../../../shared/docs/seal';
import { clinicDate } from '../../../shared/time/clinic-time';
import type { DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import { coveredBody } from '../../signing';

/**
 * `seal-v1`: SM3 over the canonical form of the body as signatures cover it (`body-v1`) together with
 * the SM3 of each attachment's bytes (scanned pages), so a page image cannot change unseen either.
 */
export function sealDigest(doc: StoredDocument, attachmentBytes: (digest: string) => Uint8Array | null): string {
  const attachments = Object.fromEntries(
    Object.entries(doc._attachments ?? {}).map(([name, stub]) => {
      const bytes = attachmentBytes(stub.digest);
      return [name, bytes === null ? `missing:${stub.digest}` : sm3(bytes)];
    }),
  );
  return sm3(canonicalJson({ body: coveredBody(doc), attachments }));
}

/** The digest both sides confirm: the whole list, in its order. */
export function listDigest(items: ReadonlyArray<SealedItem>): string {
  return sm3(canonicalJson(items));
}

/** One revision as the 封存清单 lists it. */
export function sealedItemOf(store: DocumentStoreApi, doc: StoredDocument, caseNumber: string): SealedItem {
  return {
    id: doc._id,
    rev: doc._rev,
    type: typeof doc.type === 'string' ? doc.type : '',
    case_number: caseNumber,
    sm3: sealDigest(doc, (d) => store.getAttachment(d)),
  };
}

/** The revisions not on any earlier stage (a later revision of a sealed document is a new part). */
export function newParts(stages: SealDoc['stages'], current: ReadonlyArray<SealedItem>): SealedItem[] {
  const sealed = new Set(stages.flatMap((stage) => stage.items.map((item) => `${item.id}@${item.rev}`)));
  return current.filter((item) => !sealed.has(`${item.id}@${item.rev}`));
}

export type ItemCheck = 'intact' | 'altered' | 'missing';

/** Reads each sealed revision back and recomputes its digest: the sealed copy shown unchanged, or not. */
export function checkSealedItem(store: DocumentStoreApi, item: SealedItem): ItemCheck {
  const doc = store.get(item.id, { rev: item.rev });
  if (doc === null) return 'missing';
  return sealDigest(doc, (d) => store.getAttachment(d)) === item.sm3 ? 'intact' : 'altered';
}

/** AR-31: 3 years sealed with no further claim. The first day the institution may unseal alone. */
export function noClaimUnsealDate(sealedAt: string, zone: string): string {
  const [year, month, day] = clinicDate(sealedAt, zone).split('-').map(Number);
  // 29 February sealed: 3 years later has no 29 February; the period ends with the month.
  const lastDay = new Date(Date.UTC(year + 3, month, 0)).getUTCDate();
  return `${year + 3}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export type UnsealKind = 'approved' | 'no_claim';

/** Why an unsealing cannot happen now, or null when it may. */
export function unsealRefusal(seal: Pick<SealDoc, 'status' | 'sealed_at' | 'unseal_approval'>, kind: UnsealKind, now: Date, zone: string): string | null {
  if (seal.status === 'unsealed') return '这份封存已经启封，不能再次启封。';
  if (kind === 'approved') return seal.unseal_approval === undefined ? '启封需要医务科批准：请先由有批准权限的人员填写启封理由并批准，再办理启封。' : null;
  const allowed = noClaimUnsealDate(seal.sealed_at, zone);
  const today = clinicDate(now, zone);
  return today >= allowed ? null : `封存满三年且患方没有进一步主张，本院才能自行启封：本封存最早可在 ${allowed} 启封。在此之前启封需要医务科批准和双方在场。`;
}
