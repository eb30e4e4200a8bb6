/**
 * The store's refusal of a local edit of an immutable document (a signed note, an audit event), as
 * the services throw it and the router answers it: `FORBIDDEN` with the type's own sentence.
 */
export { ImmutableDocumentError, throwIfImmutable } from '../../db/store/errors';
