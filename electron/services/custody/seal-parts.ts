/**
 * What a seal of a case lists: the case record itself, the archived revisions of its documents, and
 * whatever was completed about them since (AR-29): a later revision, signatures and counter-signatures,
 * amendments and their signatures. A later stage lists only what no earlier stage holds.
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { SealPreviewView } from '../../../shared/api/custody';
import { documentRegistry, type SealDoc, type SealedItem } from '../../../shared/docs';
import type { StoredDocument } from '../../../db/store/types';
import { caseNotFound, type CustodyContext } from './context';
import { listDigest, newParts, sealedItemOf } from './seal-rules';

/** Every revision the case consists of now, in a stable order. */
function currentParts(ctx: CustodyContext, caseNumber: string): { patientId: string; items: SealedItem[] } {
  const archived = ctx.cases.caseOf(caseNumber);
  if (archived === null) throw caseNotFound(caseNumber);
  const { store, signing } = ctx.data;
  const docs: StoredDocument[] = [];
  const add = (doc: StoredDocument | null) => {
    if (doc && !docs.some((d) => d._id === doc._id && d._rev === doc._rev)) docs.push(doc);
  };
  add(store.get(archived.docId));
  for (const ref of archived.documents) {
    add(store.get(ref.id, { rev: ref.rev }));
    add(store.get(ref.id));
    const related = [ref.id, ...signing.amendmentIdsOf(ref.id)];
    for (const id of related) {
      add(store.get(id));
      for (const signature of signing.signaturesOf(id)) add(store.get(signature.id));
    }
  }
  return { patientId: archived.patientId, items: docs.filter((doc) => !doc._deleted).map((doc) => sealedItemOf(store, doc, caseNumber)) };
}

const labelled = (items: ReadonlyArray<SealedItem>) => items.map((item) => ({ ...item, label: documentRegistry.label(item.type) }));

function patientName(ctx: CustodyContext, patientId: string): string {
  return ctx.data.patients.byId(patientId)?.name ?? '';
}

/** The first stage of a new seal over `caseNumbers`, all of one patient and none sealed already. */
export function firstStageParts(ctx: CustodyContext, caseNumbers: ReadonlyArray<string>): SealPreviewView {
  const unique = [...new Set(caseNumbers)];
  const parts = unique.map((caseNumber) => {
    if (ctx.isSealed(caseNumber)) throw new ApiFailure('CONFLICT', `病案 ${caseNumber} 已经封存。后来完成的部分请在原封存上“补充封存”，不要重复封存。`);
    return currentParts(ctx, caseNumber);
  });
  const patients = new Set(parts.map((part) => part.patientId));
  if (patients.size !== 1) throw new ApiFailure('VALIDATION_FAILED', '一次封存只能包含同一位患者的病案，请分开封存。');
  const items = parts.flatMap((part) => part.items);
  const patientId = parts[0].patientId;
  return { patientId, patientName: patientName(ctx, patientId), caseNumbers: unique, items: labelled(items), listSm3: listDigest(items) };
}

/** The next stage of `seal`: the parts of its cases no stage holds yet. */
export function nextStageParts(ctx: CustodyContext, seal: SealDoc): SealPreviewView {
  if (seal.status !== 'sealed') throw new ApiFailure('VALIDATION_FAILED', '这份封存已经启封，不能再补充封存。');
  const current = seal.case_numbers.flatMap((caseNumber) => currentParts(ctx, caseNumber).items);
  const items = newParts(seal.stages, current);
  if (items.length === 0) throw new ApiFailure('VALIDATION_FAILED', '封存以后病案没有新完成的部分，不需要补充封存。');
  return {
    patientId: seal.patient_id,
    patientName: patientName(ctx, seal.patient_id),
    caseNumbers: [...seal.case_numbers],
    items: labelled(items),
    listSm3: listDigest(items),
  };
}
