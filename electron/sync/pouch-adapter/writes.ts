/**
 * Writes for the clinic-sqlite adapter: PouchDB's `_bulkDocs` batch (local edits or replicated
 * revisions, `_local` documents mixed in) as store writes, with per-document results.
 *
 * Two local edits the store leaves to its callers are done here as PouchDB's adapters do them: a
 * document without `_id` gets a new one (a v4 UUID, as PouchDB gives), and a document written
 * with `_deleted: true` and no `_rev` becomes a tombstone when the id is new (a first revision
 * that is deleted), or a 409 conflict when the id already exists.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson, newRevisionId } from '../../../db/store/rev-hash';
import type { DocumentInput, DocumentStoreApi, WriteResult } from '../../../db/store/types';
import { toStoreAttachments } from './attachments';
import { fromStoreException, fromWriteRefusal, missingDoc, PouchStyleError, revConflict } from './pouch-errors';
import { localId } from './reads';
import { refusalBeforeWrite } from './write-checks';

/**
 * Revision ids the store can hold. An edit naming another revision PouchDB accepts the format of
 * (`3-not_a_hash`) names no leaf here: a 409, as PouchDB answers it.
 */
const STORABLE_REV = /^[1-9][0-9]*-[0-9A-Za-z]+$/;

type Written = { ok: true; id: string; rev: string } | PouchStyleError;

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
  // History means nothing for a `_local` document: PouchDB ignores `_revisions` there too.
  const { _deleted: _ignored, _revisions: _history, ...body } = doc;
  return store.putLocal(body as { _id: string; _rev?: string });
}

function isNewTombstone(doc: Record<string, unknown>): boolean {
  return doc._deleted === true && doc._rev === undefined && doc._revisions === undefined;
}

/** A first revision that is deleted, written as a replicated revision so the store keeps it. */
function tombstoneInput(doc: Record<string, unknown>): DocumentInput {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_') && value !== undefined) body[key] = value;
  const rev = newRevisionId(1, null, true, canonicalJson(body));
  const hash = rev.slice(2);
  return { ...body, _id: doc._id as string, _rev: rev, _revisions: { start: 1, ids: [hash] }, _deleted: true };
}

function fromResult(result: WriteResult): Written {
  if (result.ok) return { ok: true, id: result.id, rev: result.rev };
  const error = result.error === 'conflict' ? revConflict() : fromWriteRefusal(result.error, result.reason);
  return Object.assign(error, { id: result.id });
}

export interface BulkWriteOptions {
  readonly newEdits: boolean;
  /** Set by PouchDB's `remove()`: removing a document that does not exist is a 404, not a tombstone. */
  readonly wasDelete?: boolean;
}

/**
 * A local batch (`new_edits: true`) with a document PouchDB refuses before writing fails as a
 * whole, as PouchDB's adapters and CouchDB's `_bulk_docs` fail it. Replicated batches report it
 * per document instead, so one bad document from a server never stops the rest of a pull.
 */
export function bulkWrite(store: DocumentStoreApi, docs: ReadonlyArray<Record<string, unknown>>, options: BulkWriteOptions): Written[] {
  const { newEdits } = options;
  const results: Written[] = new Array(docs.length);
  const prepared = docs.map((given) => (newEdits && !given._id ? { ...given, _id: randomUUID() } : given));
  if (newEdits) {
    for (const doc of prepared) {
      if (typeof doc._id === 'string' && localId(doc._id)) continue;
      const refusal = refusalBeforeWrite(store, doc);
      if (refusal) throw refusal;
    }
  }
  const edits: Array<{ at: number; input: DocumentInput }> = [];
  const tombstones: Array<{ at: number; doc: Record<string, unknown> }> = [];
  prepared.forEach((doc, i) => {
    if (typeof doc._id === 'string' && localId(doc._id)) {
      try {
        results[i] = writeLocal(store, doc);
      } catch (error) {
        results[i] = fromStoreException(error);
      }
    } else {
      const refusal = refusalBeforeWrite(store, doc);
      if (refusal) results[i] = typeof doc._id === 'string' ? Object.assign(refusal, { id: doc._id }) : refusal;
      else if (newEdits && typeof doc._rev === 'string' && !STORABLE_REV.test(doc._rev)) results[i] = Object.assign(revConflict(), { id: doc._id });
      else if (newEdits && isNewTombstone(doc)) tombstones.push({ at: i, doc });
      else edits.push({ at: i, input: toWriteInput(doc) });
    }
  });
  if (edits.length > 0) {
    const written = store.bulkDocs(
      edits.map((e) => e.input),
      { newEdits },
    );
    written.forEach((result, j) => {
      results[edits[j].at] = fromResult(result);
    });
  }
  // After the edits, so an id created earlier in the same batch counts as existing. Each its own
  // write: a new tombstone is rare, and the edits keep the store's one IMMEDIATE transaction.
  for (const { at, doc } of tombstones) {
    const id = doc._id as string;
    if (store.getOpenRevs(id, 'all').length > 0) {
      results[at] = Object.assign(revConflict(), { id });
      continue;
    }
    if (options.wasDelete) {
      results[at] = Object.assign(missingDoc(), { id, reason: 'deleted' }); // PouchDB's words exactly
      continue;
    }
    results[at] = fromResult(store.bulkDocs([tombstoneInput(doc)], { newEdits: false })[0]);
  }
  return results;
}
