/**
 * One round trip less per batch on the county's side. After every batch PouchDB's checkpointer
 * reads the replication's `_local` checkpoint document from the server and writes it back with the
 * new sequence (https://docs.couchdb.org/en/stable/replication/protocol.html, "Record
 * Replication Checkpoint"). Within one run the document it reads is the one it just wrote, so the
 * read is answered here from that write.
 *
 * Safe because the write is conditional: it names the revision it replaces. If anyone else changed
 * the document in between, the server answers 409, the entry is dropped, and the checkpointer's
 * own retry reads the document from the server again. Only `_local` documents, only plain reads.
 */
import type { PouchDatabase, PouchDoc } from './pouch';

const LOCAL_PREFIX = '_local/';

/** Remembers this database's `_local` writes (the instance is changed in place; one per run). */
export function withCheckpointCache(db: PouchDatabase): PouchDatabase {
  const written = new Map<string, PouchDoc>();
  const get = db.get.bind(db);
  const put = db.put.bind(db);
  return Object.assign(db, {
    get(id: string, options?: Readonly<Record<string, unknown>>, ...rest: unknown[]) {
      // PouchDB's own helpers call with a callback (its per-document fallback for _bulk_get does):
      // those calls go straight through.
      if (rest.length > 0 || typeof options === 'function') return (get as (...args: unknown[]) => unknown)(id, options, ...rest);
      return cachedGet(id, options);
    },
    put(doc: PouchDoc, options?: Readonly<Record<string, unknown>>, ...rest: unknown[]) {
      if (rest.length > 0 || typeof options === 'function') return (put as (...args: unknown[]) => unknown)(doc, options, ...rest);
      return recordedPut(doc, options);
    },
  });

  async function cachedGet(id: string, options?: Readonly<Record<string, unknown>>): Promise<PouchDoc> {
    const known = options === undefined || Object.keys(options).length === 0 ? written.get(id) : undefined;
    // A copy: the checkpointer edits the document it is given before writing it back.
    if (known) return structuredClone(known);
    // PouchDB counts its arguments: an explicit `undefined` for the options is not "no options".
    return options === undefined ? get(id) : get(id, options);
  }

  async function recordedPut(doc: PouchDoc, options?: Readonly<Record<string, unknown>>) {
    const local = doc._id.startsWith(LOCAL_PREFIX) && (options === undefined || Object.keys(options).length === 0);
    try {
      const result = await (options === undefined ? put(doc) : put(doc, options));
      if (local && typeof result.rev === 'string') written.set(doc._id, { ...structuredClone(doc), _rev: result.rev });
      return result;
    } catch (error) {
      written.delete(doc._id);
      throw error;
    }
  }
}
