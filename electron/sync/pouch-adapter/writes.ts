/**
 * Writes for the clinic-sqlite adapter: PouchDB's `_bulkDocs` batch (local edits or replicated
 * revisions, `_local` documents mixed in) as store writes, with per-document results.
 */
import type { DocumentInput, DocumentStoreApi, WriteResult } from '../../../db/store/types';
import { toStoreAttachments } from './attachments';
import { fromStoreException, fromWriteRefusal, PouchStyleError, revConflict } from './pouch-errors';
import { localId } from './reads';

function toWriteInput(doc: Record<string, unknown>): DocumentInput {
  if (doc._attachments === undefined) return doc as unknown as DocumentInput;
  return { ...doc, _attachments: toStoreAttachments(doc._attachments) } as unknown as DocumentInput;
}

export function writeLocal(store: DocumentStoreApi, doc: Record<string, unknown>): { ok: true; id: string; rev: string } {
  const id = String(doc._id);
  if (doc._deleted) {
    store.removeLocal(id, String(doc._rev ?? ''));
    return { ok: true, id, rev: '0-0' };
  }
  const { _deleted: _ignored, ...body } = doc;
  return store.putLocal(body as { _id: string; _rev?: string });
}

export function bulkWrite(store: DocumentStoreApi, docs: ReadonlyArray<Record<string, unknown>>, newEdits: boolean): Array<{ ok: true; id: string; rev: string } | PouchStyleError> {
  const results: Array<{ ok: true; id: string; rev: string } | PouchStyleError> = new Array(docs.length);
  const inputs: DocumentInput[] = [];
  const positions: number[] = [];
  docs.forEach((doc, i) => {
    if (typeof doc._id === 'string' && localId(doc._id)) {
      try {
        results[i] = writeLocal(store, doc);
      } catch (error) {
        results[i] = fromStoreException(error);
      }
    } else {
      inputs.push(toWriteInput(doc));
      positions.push(i);
    }
  });
  if (inputs.length > 0) {
    const written: WriteResult[] = store.bulkDocs(inputs, { newEdits });
    written.forEach((result, j) => {
      const i = positions[j];
      if (result.ok) results[i] = { ok: true, id: result.id, rev: result.rev };
      else {
        const error = result.error === 'conflict' ? revConflict() : fromWriteRefusal(result.error, result.reason);
        results[i] = Object.assign(error, { id: result.id });
      }
    });
  }
  return results;
}
