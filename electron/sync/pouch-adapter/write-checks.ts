/**
 * The refusals PouchDB's adapters make before writing (pouchdb-adapter-utils `parseDoc`), with
 * PouchDB's statuses and names, so a caller sees the same error from this adapter as from theirs:
 * 412 `missing_id`, 400 `bad_request` for an id that is not a string or is reserved, 400
 * `doc_validation` for an unknown special field, 412 `missing_stub` for an attachment stub whose
 * bytes are not here. The store would refuse all of these too, but as plain `bad_request`.
 * Each concerns one document: the rest of the batch is written (as CouchDB's `_bulk_docs` does).
 */
import type { DocumentStoreApi } from '../../../db/store/types';
import { PouchStyleError } from './pouch-errors';

/** Special fields a write may carry: those the store stores, and those a read returns and it ignores. */
const SPECIAL_FIELDS = new Set(['_id', '_rev', '_deleted', '_revisions', '_attachments', '_conflicts', '_deleted_conflicts', '_local_seq', '_revs_info']);

export function refusalBeforeWrite(store: DocumentStoreApi, doc: Record<string, unknown>): PouchStyleError | null {
  const id = doc._id;
  if (id === undefined || id === null || id === '') return new PouchStyleError(412, 'missing_id', '_id is required for puts');
  if (typeof id !== 'string') return new PouchStyleError(400, 'bad_request', '_id field must contain a string');
  if (id.startsWith('_') && !id.startsWith('_design/') && !id.startsWith('_local/')) {
    return new PouchStyleError(400, 'bad_request', 'Only reserved document ids may start with underscore.');
  }
  for (const key of Object.keys(doc)) {
    if (key.startsWith('_') && !SPECIAL_FIELDS.has(key)) return new PouchStyleError(400, 'doc_validation', `Bad special document member: ${key}`);
  }
  const attachments = doc._deleted === true ? undefined : doc._attachments;
  if (attachments !== null && typeof attachments === 'object') {
    for (const att of Object.values(attachments as Record<string, { stub?: unknown; digest?: unknown; data?: unknown }>)) {
      if (att?.stub !== true || att.data !== undefined) continue;
      if (typeof att.digest !== 'string' || !store.getAttachment(att.digest)) {
        return new PouchStyleError(412, 'missing_stub', "A pre-existing attachment stub wasn't found");
      }
    }
  }
  return null;
}
