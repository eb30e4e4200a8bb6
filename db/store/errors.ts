import type { WriteResult } from './types';

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

/**
 * A local edit of a document its type declares immutable in its current state (an audit event;
 * later a signed note or an archived case). Reported as CouchDB reports a `validate_doc_update`
 * refusal (`forbidden`, HTTP 403), so the PouchDB adapter and the services see the same thing.
 * Replicated revisions are never refused for this: what another place signed still lands.
 */
export class ImmutableDocumentError extends DocumentRefused {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super('forbidden', message);
    this.name = 'ImmutableDocumentError';
  }

  /** The refusal, in the words its type declares (`says`): 门诊记录签署后不能修改（note:…）。 */
  static refusing(id: string, says: string): ImmutableDocumentError {
    return new ImmutableDocumentError(id, `${says}（${id}）。需要更正时请另写一条更正记录。`);
  }
}

/**
 * A bulk write reports a refusal in the document's result, as CouchDB does. A service writing for a
 * caller throws an immutability refusal on as the error it is, so that the router answers it
 * (`FORBIDDEN`, with the type's own sentence) whichever service wrote: other refusals stay the
 * service's to word. Local writes are refused as `forbidden` for immutability only.
 */
export function throwIfImmutable(result: WriteResult): void {
  if (!result.ok && result.error === 'forbidden') throw new ImmutableDocumentError(result.id, result.reason);
}
