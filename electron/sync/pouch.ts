/**
 * PouchDB 9, typed at the edges we use. PouchDB ships no types, so this module loads the CommonJS
 * packages once and describes the slice of their API the sync engine calls; everything else in
 * electron/sync goes through these types.
 *
 * The class has the HTTP adapter (the county's CouchDB), the replicator, and our `clinic-sqlite`
 * adapter over the local document store (registered in ./pouch-adapter).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PouchDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly [field: string]: unknown;
}

export interface PouchWriteResult {
  readonly ok?: boolean;
  readonly id?: string;
  readonly rev?: string;
  readonly error?: unknown;
  readonly status?: number;
  readonly name?: string;
  readonly message?: string;
}

export interface PouchInfo {
  readonly db_name: string;
  readonly doc_count: number;
  readonly update_seq: number | string;
  readonly [field: string]: unknown;
}

export interface PouchChangesResult {
  readonly results: ReadonlyArray<{ id: string; seq: number | string; changes: Array<{ rev: string }>; deleted?: boolean; doc?: PouchDoc }>;
  readonly last_seq: number | string;
}

export interface PouchDatabase {
  readonly name: string;
  readonly adapter: string;
  info(): Promise<PouchInfo>;
  id(): Promise<string>;
  get(id: string, options?: Readonly<Record<string, unknown>>): Promise<PouchDoc>;
  put(doc: PouchDoc, options?: Readonly<Record<string, unknown>>): Promise<PouchWriteResult>;
  bulkDocs(docs: ReadonlyArray<PouchDoc>, options?: Readonly<Record<string, unknown>>): Promise<PouchWriteResult[]>;
  allDocs(
    options?: Readonly<Record<string, unknown>>,
  ): Promise<{ rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }>; total_rows: number }>;
  changes(options?: Readonly<Record<string, unknown>>): Promise<PouchChangesResult>;
  revsDiff(request: Readonly<Record<string, ReadonlyArray<string>>>): Promise<Record<string, { missing: string[] }>>;
  bulkGet(options: Readonly<Record<string, unknown>>): Promise<{ results: Array<{ id: string; docs: Array<{ ok?: PouchDoc; error?: unknown }> }> }>;
  getAttachment(docId: string, name: string, options?: Readonly<Record<string, unknown>>): Promise<Buffer>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/** What a replication reports as it goes (PouchDB's `change` / `complete` info). */
export interface ReplicationInfo {
  readonly ok?: boolean;
  readonly docs_read: number;
  readonly docs_written: number;
  readonly doc_write_failures: number;
  readonly errors: ReadonlyArray<unknown>;
  readonly last_seq?: number | string;
  readonly status?: string;
  readonly docs?: ReadonlyArray<PouchDoc>;
}

export interface Replication extends PromiseLike<ReplicationInfo> {
  on(event: 'change', listener: (info: ReplicationInfo) => void): Replication;
  on(event: 'complete', listener: (info: ReplicationInfo) => void): Replication;
  on(event: 'error', listener: (error: unknown) => void): Replication;
  on(event: 'denied', listener: (error: unknown) => void): Replication;
  on(event: 'checkpoint', listener: (info: Readonly<Record<string, unknown>>) => void): Replication;
  on(event: 'active' | 'paused', listener: (error?: unknown) => void): Replication;
  cancel(): void;
}

export interface PouchStatic {
  new (name: string, options?: Readonly<Record<string, unknown>>): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  adapter(id: string, adapter: unknown, preferred?: boolean): void;
  replicate(source: PouchDatabase, target: PouchDatabase, options?: Readonly<Record<string, unknown>>): Replication;
  readonly adapters: Readonly<Record<string, unknown>>;
}

let loaded: PouchStatic | null = null;

/** PouchDB with the HTTP adapter and the replicator (our adapter is added by ./pouch-adapter). */
export function pouchdb(): PouchStatic {
  if (!loaded) {
    const core = require('pouchdb-core') as PouchStatic;
    loaded = core.plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication'));
  }
  return loaded;
}
