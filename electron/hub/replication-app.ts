/**
 * express-pouchdb, cut down to the replication routes, over the clinic's own store through the
 * project's PouchDB adapter (electron/sync/pouch-adapter): every revision a workstation pushes lands
 * through the store's one write path, projections and all, and the store's change notifier feeds
 * the `_changes` longpoll and continuous feeds.
 *
 * What keeps it safe (the gate in front refuses every other path, see gate.ts):
 * - `custom` mode with only the route modules replication needs: no config, no `_users`,
 *   no `_session`, no `_replicate`, no views, no attachments route, no Fauxton, no validation.
 * - The PouchDB "class" it is given knows one database: `allDbs()` names it, and constructing any
 *   other name throws. pouchdb-all-dbs (which would keep a database list in a database of its own)
 *   is never installed, because `allDbs` exists.
 * - `_bulk_docs` accepts only what replicators send (`new_edits: false`) and no design documents:
 *   a workstation's own edits travel as replicated revisions, never as edits made by the hub.
 * - A live `_changes` feed ends when its connection closes (express-pouchdb 4.2 leaves continuous
 *   feeds listening forever), so a revoked workstation's feeds stop with its sockets.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import { createRequire } from 'node:module';
import type { DocumentStoreApi } from '../../db/store/types';
import { openLocalPouch, type PouchDatabase } from '../sync';
import { HUB_MESSAGES } from './messages';

const require = createRequire(import.meta.url);

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface ExpressPouchApp extends RequestHandler {
  setPouchDB(PouchDB: unknown): Promise<void>;
}

/** The route modules of express-pouchdb the replication protocol needs (and `routes/db`, which they require). */
const REPLICATION_ROUTES = [
  'routes/db',
  'routes/changes',
  'routes/revs-diff',
  'routes/bulk-docs',
  'routes/bulk-get',
  'routes/all-docs',
  'routes/documents',
  'routes/404',
] as const;

type NodeCallback = (error: unknown, value?: unknown) => void;

interface Feed {
  cancel(): void;
}

/** The response a request is being answered on, across express-pouchdb's callbacks and promises. */
const answering = new AsyncLocalStorage<http.ServerResponse>();

function refusal(status: number, name: string, message: string): Error {
  return Object.assign(new Error(message), { status, name });
}

/** Refuses what a replicator never sends: local-style edits (`new_edits` true), and design documents. */
function checkReplicatedBatch(body: unknown, options: unknown): Error | null {
  const newEdits = (options as { new_edits?: unknown } | null)?.new_edits ?? (body as { new_edits?: unknown } | null)?.new_edits;
  if (newEdits !== false) return refusal(403, 'forbidden', HUB_MESSAGES.HUB_NOT_REPLICATION);
  const docs = (body as { docs?: unknown } | null)?.docs;
  if (Array.isArray(docs) && docs.some((d) => typeof (d as { _id?: unknown })?._id === 'string' && (d as { _id: string })._id.startsWith('_design/')))
    return refusal(403, 'forbidden', HUB_MESSAGES.HUB_NOT_REPLICATION);
  return null;
}

function guardDatabase(db: PouchDatabase): void {
  const target = db as unknown as Record<string, (...args: unknown[]) => unknown>;
  const bulkDocs = target.bulkDocs.bind(db);
  target.bulkDocs = (body: unknown, options: unknown, callback?: unknown) => {
    const refused = checkReplicatedBatch(body, options);
    if (!refused) return bulkDocs(body, options, callback);
    if (typeof callback !== 'function') return Promise.reject(refused);
    queueMicrotask(() => (callback as NodeCallback)(refused));
    return undefined;
  };
  const changes = target.changes.bind(db);
  target.changes = (options: unknown, callback?: unknown) => {
    const feed = changes(options, callback) as Feed;
    const res = answering.getStore();
    if (res && (options as { live?: unknown } | null)?.live) {
      if (res.destroyed || res.writableEnded) feed.cancel();
      else res.once('close', () => feed.cancel());
    }
    return feed;
  };
}

/** A PouchDB "class" for express-pouchdb that opens the one database and nothing else. */
function singleDatabasePouch(database: string, db: PouchDatabase): unknown {
  function HubPouch(name: string): PouchDatabase {
    if (name !== database) throw refusal(404, 'not_found', 'no_db_file');
    return db;
  }
  return Object.assign(HubPouch, {
    defaults: () => HubPouch,
    allDbs: (callback?: NodeCallback) => {
      if (callback) queueMicrotask(() => callback(null, [database]));
      return Promise.resolve([database]);
    },
    preferredAdapters: [],
  });
}

export interface ReplicationApp {
  readonly handle: RequestHandler;
  close(): Promise<void>;
}

export async function createReplicationApp(store: DocumentStoreApi, database: string): Promise<ReplicationApp> {
  const db = openLocalPouch(store, { name: database });
  guardDatabase(db);
  const expressPouch = require('express-pouchdb') as (PouchDB: unknown, options: object) => ExpressPouchApp;
  const app = expressPouch(undefined, { mode: 'custom', overrideMode: { include: [...REPLICATION_ROUTES] } });
  await app.setPouchDB(singleDatabasePouch(database, db));
  return {
    handle: (req, res) => answering.run(res, () => app(req, res)),
    close: () => db.close(),
  };
}
