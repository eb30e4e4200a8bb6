/**
 * Errors in the shape PouchDB's core and replicator test for: `status`, `name`, `message`,
 * `error: true` (see pouchdb-errors). Core code compares `err.status === 404 && err.message ===
 * 'missing'`, and the checkpointer treats any 404 as "no checkpoint yet", so these must match.
 */
export class PouchStyleError extends Error {
  readonly status: number;
  readonly error = true;
  readonly reason: string;
  /** Carried through from the store so errors.ts can tell a full disk from anything else. */
  readonly code?: string;

  constructor(status: number, name: string, message: string, code?: string) {
    super(message);
    this.status = status;
    this.name = name;
    this.reason = message;
    if (code !== undefined) this.code = code;
  }
}

export const missingDoc = (): PouchStyleError => new PouchStyleError(404, 'not_found', 'missing');
export const deletedDoc = (): PouchStyleError => new PouchStyleError(404, 'not_found', 'deleted');
export const revConflict = (): PouchStyleError => new PouchStyleError(409, 'conflict', 'Document update conflict');
export const notSupported = (what: string): PouchStyleError => new PouchStyleError(501, 'not_implemented', `clinic-sqlite adapter does not support ${what}`);

const STATUS_BY_STORE_ERROR: Readonly<Record<string, number>> = { conflict: 409, bad_request: 400, forbidden: 403, not_found: 404 };

/** A refused write from the store's `bulkDocs` result, as a PouchDB per-document error. */
export function fromWriteRefusal(error: string, reason: string): PouchStyleError {
  return new PouchStyleError(STATUS_BY_STORE_ERROR[error] ?? 500, error, reason);
}

/** Anything the store threw, keeping SQLite's code (SQLITE_FULL…) for classification upstream. */
export function fromStoreException(error: unknown): PouchStyleError {
  if (error instanceof PouchStyleError) return error;
  const e = error as { message?: unknown; code?: unknown; status?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (typeof e?.status === 'number' && typeof e.name === 'string') return new PouchStyleError(e.status, e.name, message, code);
  // The store's own refusals (DocumentStoreError) carry CouchDB's error names as their code.
  if (code !== undefined && code in STATUS_BY_STORE_ERROR) return new PouchStyleError(STATUS_BY_STORE_ERROR[code], code, message);
  return new PouchStyleError(500, code === 'SQLITE_FULL' ? 'disk_full' : 'local_store_error', message, code);
}
