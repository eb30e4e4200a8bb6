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
    readonly type: string,
    says: string,
  ) {
    super('forbidden', `${says}（${id}）。需要更正时请另写一条更正记录。`);
    this.name = 'ImmutableDocumentError';
  }
}
