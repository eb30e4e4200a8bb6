/**
 * An error the store throws for a caller's mistake (not a bug): a wrong `_local` revision, a bad
 * argument. `code` is stable and matches CouchDB's error names; `message` is for the user.
 */
export type DocumentStoreErrorCode = 'conflict' | 'bad_request' | 'not_found' | 'forbidden';

export class DocumentStoreError extends Error {
  readonly code: DocumentStoreErrorCode;

  constructor(code: DocumentStoreErrorCode, message: string) {
    super(message);
    this.name = 'DocumentStoreError';
    this.code = code;
  }
}

/** A per-document refusal inside a bulk write: reported in that document's result, the batch goes on. */
export class DocumentRefused extends DocumentStoreError {}
