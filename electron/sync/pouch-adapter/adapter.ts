/**
 * A PouchDB adapter over the clinic's SQLite document store, so PouchDB's replicator speaks the
 * CouchDB replication protocol for us (https://docs.couchdb.org/en/stable/replication/protocol.html)
 * while every write lands through the store's one write path (projections in the same transaction).
 *
 * The store already does the revision-tree work (merging replicated paths, CouchDB's winner,
 * revs_diff), so besides the underscore methods PouchDB's core calls (`_bulkDocs`, `_changes`,
 * `_getLocal`…) this adapter replaces `get`, `bulkGet` and `revsDiff` with direct store calls, as
 * PouchDB's own HTTP adapter replaces them with direct server calls. That skips core's habit of
 * rebuilding a revision tree for every read.
 *
 * The store is synchronous (better-sqlite3); calls are made from PouchDB's async plumbing and
 * complete on a later tick.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentStoreApi } from '../../../db/store/types';
import { allDocs, type AllDocsOptions } from './all-docs';
import { storeChanges, type AdapterChangesOptions } from './changes';
import { answer, exposed, optsAndCallback, type NodeCallback } from './exposed';
import { fromStoreException, missingDoc, notSupported, PouchStyleError } from './pouch-errors';
import { typedBuffer } from './attachments';
import { getDocument, openRevs, type PouchGetOptions, type ReadSettings } from './reads';
import { revTreeFromLeaves } from './rev-tree';
import { bulkWrite, writeLocal } from './writes';

export const CLINIC_ADAPTER = 'clinic-sqlite';

/** How one PouchDB instance sees the store. Passed as the `clinicStore` option. */
export class ClinicStoreView {
  constructor(
    readonly store: DocumentStoreApi,
    readonly options: {
      /** Documents this view leaves out of its changes feed (never replicated from it). */
      readonly hideId?: (id: string) => boolean;
      /** Part of the view's replication identity, so a filtered view keeps its own checkpoints. */
      readonly viewName?: string;
    } = {},
  ) {}
}

const STORE_ID_DOC = '_local/clinic-store-id';

/** The PouchDB instance the adapter function is called on; it assigns methods onto it. */
type PouchInstance = Record<string, unknown>;

interface AdapterOpts {
  clinicStore?: unknown;
  name?: string;
  /** PouchDB's option: how many revisions of history reads report (the store keeps its own). */
  revs_limit?: unknown;
}

function viewOf(opts: AdapterOpts): ClinicStoreView {
  if (!(opts.clinicStore instanceof ClinicStoreView)) throw new Error('clinic-sqlite adapter needs the `clinicStore` option (a ClinicStoreView)');
  return opts.clinicStore;
}

/** The adapter constructor PouchDB calls with `this` = the new database object. */
export function clinicSqliteAdapter(this: PouchInstance, opts: AdapterOpts, callback: NodeCallback<unknown>): void {
  const api = this;
  let view: ClinicStoreView;
  try {
    view = viewOf(opts);
  } catch (error) {
    queueMicrotask(() => callback(error));
    return;
  }
  const { store } = view;
  const hideId = view.options.hideId ?? (() => false);
  const name = typeof opts.name === 'string' ? opts.name : 'clinic';
  const settings: ReadSettings = typeof opts.revs_limit === 'number' && opts.revs_limit > 0 ? { revsLimit: Math.floor(opts.revs_limit) } : {};

  /** Our own public methods, refusing like PouchDB's once the object is closed or destroyed. */
  const method = <T>(impl: (...args: unknown[]) => Promise<T>) =>
    exposed(async (...args: unknown[]) => {
      if (api._closed) throw new Error('database is closed');
      if (api._destroyed) throw new Error('database is destroyed');
      return impl(...args);
    });

  api._remote = false;
  api.type = () => CLINIC_ADAPTER;

  api._id = (cb: NodeCallback<string>) =>
    answer(
      cb,
      () => {
        let doc = store.getLocal(STORE_ID_DOC);
        if (!doc) {
          store.putLocal({ _id: STORE_ID_DOC, uuid: randomUUID() });
          doc = store.getLocal(STORE_ID_DOC);
        }
        const suffix = view.options.viewName ? `/${view.options.viewName}` : '';
        return `${String(doc?.uuid)}${suffix}`;
      },
      fromStoreException,
    );

  api._info = (cb: NodeCallback<Record<string, unknown>>) =>
    answer(
      cb,
      () => {
        const info = store.info();
        return { db_name: name, doc_count: info.docCount, update_seq: info.updateSeq, disk_size: info.fileSizeBytes, backend_adapter: 'better-sqlite3' };
      },
      fromStoreException,
    );

  api.get = method(async (id: unknown, rawOpts?: unknown) => {
    if (typeof id !== 'string') throw new PouchStyleError(400, 'bad_request', '_id field must contain a string');
    try {
      return getDocument(store, id, (rawOpts ?? {}) as PouchGetOptions, settings);
    } catch (error) {
      throw Object.assign(fromStoreException(error), { docId: id });
    }
  });

  // https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-get
  api.bulkGet = method(async (rawOpts: unknown) => {
    const opts = rawOpts as { docs: ReadonlyArray<{ id: string; rev?: string }>; revs?: boolean; latest?: boolean; attachments?: boolean; binary?: boolean };
    const byId = new Map<string, string[]>();
    for (const request of opts.docs) {
      const revs = byId.get(request.id) ?? [];
      if (request.rev) revs.push(request.rev);
      byId.set(request.id, revs);
    }
    const results: Array<{ id: string; docs: Array<Record<string, unknown>> }> = [];
    for (const [id, revs] of byId) {
      const common = { revs: opts.revs, latest: opts.latest, attachments: opts.attachments, binary: opts.binary };
      let answers: Array<Record<string, unknown>>;
      try {
        if (revs.length === 0) {
          answers = [{ ok: getDocument(store, id, common, settings) }];
        } else {
          answers = openRevs(store, id, { ...common, open_revs: revs }, settings);
        }
      } catch (error) {
        const e = fromStoreException(error);
        if (e.status !== 404) throw e;
        answers = [{ error: { id, rev: revs[0] ?? 'undefined', error: e.name, reason: e.message } }];
      }
      for (const answer of answers) results.push({ id, docs: [answer] });
    }
    return { results };
  });

  // https://docs.couchdb.org/en/stable/api/database/misc.html#db-revs-diff
  api.revsDiff = method(async (request: unknown) => {
    try {
      return store.revsDiff(request as Record<string, string[]>);
    } catch (error) {
      throw fromStoreException(error);
    }
  });

  api._bulkDocs = (req: { docs: Array<Record<string, unknown>> }, opts: { new_edits?: boolean; was_delete?: boolean }, cb: NodeCallback<unknown>) => {
    setImmediate(() => {
      let results: ReturnType<typeof bulkWrite>;
      try {
        results = bulkWrite(store, req.docs, { newEdits: opts.new_edits !== false, wasDelete: opts.was_delete === true });
      } catch (error) {
        // Refused before writing, or the store rolled the whole batch back (e.g. SQLITE_FULL).
        cb(fromStoreException(error));
        return;
      }
      cb(null, results);
    });
  };

  api._changes = (opts: AdapterChangesOptions) => storeChanges(store, hideId, opts);

  // Core calls `_get` only for `getAttachment` (our `get` replaces its own).
  api._get = (id: string, opts: PouchGetOptions, cb: NodeCallback<unknown>) =>
    answer(
      cb,
      () => {
        const doc = store.get(id, { rev: opts.rev });
        if (!doc) throw missingDoc();
        // Core passes `metadata` on to `_getAttachment` only; we need nothing from it there.
        return { doc, metadata: { id, rev: doc._rev } };
      },
      fromStoreException,
    );

  api._getAttachment = (
    _docId: string,
    _name: string,
    attachment: { digest?: string; content_type?: string },
    opts: { binary?: boolean },
    cb: NodeCallback<unknown>,
  ) =>
    answer(
      cb,
      () => {
        const bytes = attachment.digest ? store.getAttachment(attachment.digest) : null;
        if (!bytes) throw missingDoc();
        const buffer = typedBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), attachment.content_type);
        return opts.binary ? buffer : buffer.toString('base64');
      },
      fromStoreException,
    );

  api._getRevisionTree = (id: string, cb: NodeCallback<unknown>) =>
    answer(
      cb,
      () => {
        const leaves = store.getOpenRevs(id, 'all', { revs: true }).flatMap((r) => ('ok' in r ? [r.ok] : []));
        if (leaves.length === 0) throw missingDoc();
        return revTreeFromLeaves(leaves);
      },
      fromStoreException,
    );

  api._allDocs = (opts: AllDocsOptions, cb: NodeCallback<unknown>) => {
    setImmediate(() =>
      answer(
        cb,
        () => {
          const result = allDocs(store, hideId, opts);
          // https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-all-docs (update_seq)
          return opts.update_seq ? { ...result, update_seq: store.info().updateSeq } : result;
        },
        fromStoreException,
      ),
    );
  };

  api._getLocal = (id: string, cb: NodeCallback<unknown>) =>
    answer(
      cb,
      () => {
        const doc = store.getLocal(id);
        if (!doc) throw missingDoc();
        return doc;
      },
      fromStoreException,
    );

  api._putLocal = (doc: Record<string, unknown>, a: unknown, b: unknown) => {
    const { callback } = optsAndCallback<unknown, unknown>(a, b);
    answer(callback, () => writeLocal(store, doc), fromStoreException);
  };

  api._removeLocal = (doc: Record<string, unknown>, a: unknown, b: unknown) => {
    const { callback } = optsAndCallback<unknown, unknown>(a, b);
    answer(
      callback,
      () => {
        const rev = typeof doc._rev === 'string' ? doc._rev : store.getLocal(String(doc._id))?._rev;
        if (!rev) throw missingDoc();
        store.removeLocal(String(doc._id), rev);
        return { ok: true, id: doc._id, rev: '0-0' };
      },
      fromStoreException,
    );
  };

  // The store belongs to the app, not to this PouchDB object: closing one must not close it.
  api._close = (cb: NodeCallback<unknown>) => queueMicrotask(() => cb(null));
  // Destroying detaches this PouchDB object and keeps every record: medical records are kept for
  // the periods the regulations set, and the store belongs to the app (see README).
  api._destroy = (_opts: unknown, cb: NodeCallback<unknown>) => queueMicrotask(() => cb(null, { ok: true }));
  // Old revision bodies go only by the store's own policy (db/store/compaction.ts: never clinical).
  api._doCompaction = (_id: string, _revs: unknown, cb: NodeCallback<unknown>) => queueMicrotask(() => cb(notSupported('compaction')));
  api._purge = (_id: string, _path: unknown, cb: NodeCallback<unknown>) => queueMicrotask(() => cb(notSupported('purge')));
  // Map/reduce (and Mango, built on it) would index the store in a second PouchDB database; the
  // app's queries are the projections instead. A plain 501 beats a missing method.
  api.query = exposed(async () => {
    throw notSupported('map/reduce views (query)');
  });
  api.viewCleanup = exposed(async () => {
    throw notSupported('map/reduce views (viewCleanup)');
  });

  queueMicrotask(() => callback(null, api));
}

clinicSqliteAdapter.valid = (): boolean => true;
clinicSqliteAdapter.use_prefix = false;
