/**
 * Public shape of the document store. It mirrors the parts of the CouchDB API that replication
 * needs (https://docs.couchdb.org/en/stable/api/database/), so a PouchDB adapter can sit on it:
 * a changes feed by local sequence, revs-diff, bulk writes with new_edits:false, `_local`
 * documents and attachments.
 */

/** CouchDB's `_revisions` field: the revision ids from newest to oldest, hashes only. */
export interface RevisionHistory {
  readonly start: number;
  readonly ids: ReadonlyArray<string>;
}

export interface AttachmentStub {
  readonly content_type: string;
  /** `md5-<base64>`, as CouchDB writes it. */
  readonly digest: string;
  readonly length: number;
  readonly revpos: number;
  readonly stub: true;
}

/** An attachment as given to a write: either inline bytes, or a stub for one already stored. */
export type AttachmentInput = { readonly content_type: string; readonly data: Uint8Array | string /* base64 */ } | AttachmentStub;

/** A document as read back: body plus the reserved fields CouchDB defines. */
export interface StoredDocument {
  readonly _id: string;
  readonly _rev: string;
  readonly _deleted?: true;
  readonly _attachments?: Readonly<Record<string, AttachmentStub>>;
  readonly _revisions?: RevisionHistory;
  readonly _conflicts?: ReadonlyArray<string>;
  readonly [field: string]: unknown;
}

/** A document given to a write. With new_edits:false, `_rev` and `_revisions` say where it goes. */
export interface DocumentInput {
  readonly _id: string;
  readonly _rev?: string;
  readonly _deleted?: boolean;
  readonly _revisions?: RevisionHistory;
  readonly _attachments?: Readonly<Record<string, AttachmentInput>>;
  readonly [field: string]: unknown;
}

export type WriteResult =
  | { readonly ok: true; readonly id: string; readonly rev: string }
  | { readonly ok: false; readonly id: string; readonly error: 'conflict' | 'bad_request' | 'forbidden' | 'not_found'; readonly reason: string };

export interface ChangeRow {
  readonly seq: number;
  readonly id: string;
  /** Leaf revisions: the winner first, then conflicts (style=all_docs). */
  readonly changes: ReadonlyArray<{ readonly rev: string }>;
  readonly deleted?: true;
  readonly doc?: StoredDocument;
}

export interface ChangesOptions {
  readonly since?: number;
  readonly limit?: number;
  readonly includeDocs?: boolean;
  /** Only winning revision in `changes` (style=main_only) unless true. */
  readonly allLeaves?: boolean;
}

export interface ChangesPage {
  readonly results: ReadonlyArray<ChangeRow>;
  readonly lastSeq: number;
}

export interface GetOptions {
  readonly rev?: string;
  readonly revs?: boolean;
  readonly conflicts?: boolean;
  /** Include attachment bytes (as base64 `data`) instead of stubs. */
  readonly attachments?: boolean;
}

export type RevsDiffRequest = Readonly<Record<string, ReadonlyArray<string>>>;
export type RevsDiffResponse = Record<string, { missing: string[]; possible_ancestors?: string[] }>;

export interface StoreInfo {
  readonly docCount: number;
  readonly deletedCount: number;
  readonly updateSeq: number;
  readonly fileSizeBytes: number;
}

export interface AwaitingUpgrade {
  readonly docId: string;
  readonly rev: string;
  readonly type: string;
  /** The version it was written in. */
  readonly version: number;
}

export interface LocalDocument {
  readonly _id: string; // `_local/...`
  readonly _rev: string; // `0-N`
  readonly [field: string]: unknown;
}

/** The drafts of one PC (drafts.ts): one per owner and key, each save replacing the last. */
export interface DraftStoreApi {
  put(owner: string, key: string, content: Readonly<Record<string, unknown>>, savedAt?: Date): { readonly saved_at: string };
  get(owner: string, key: string): { readonly saved_at: string; readonly content: Readonly<Record<string, unknown>> } | null;
  delete(owner: string, key: string): boolean;
}

export interface BulkOptions {
  /**
   * true (default): local edits. Each doc's `_rev` (if any) must be the current winning leaf, a new
   * revision id `N-<md5 hex>` is made. false: replicated revisions, placed in the tree by
   * `_revisions` (or `_rev`) as CouchDB does, never a conflict error.
   */
  readonly newEdits?: boolean;
}

/** What the rest of the app (services, sync adapter, CLI, benchmarks) may call on the store. */
export interface DocumentStoreApi {
  /** Local-only work in progress (the note editor's autosave): never replicated, never a record. */
  readonly drafts: DraftStoreApi;
  /** One transaction for the whole batch, projections included; results in input order. */
  bulkDocs(docs: ReadonlyArray<DocumentInput>, options?: BulkOptions): WriteResult[];
  /** Winning revision (or the given `rev`), or null when missing / deleted (unless rev asked). */
  get(id: string, options?: GetOptions): StoredDocument | null;
  /** The given leaf revisions, or all leaves ('all'); missing ones reported as `{ missing: rev }`. */
  getOpenRevs(id: string, revs: ReadonlyArray<string> | 'all', options?: GetOptions): Array<{ ok: StoredDocument } | { missing: string }>;
  /** Every stored revision of a document, oldest first, bodies included. */
  listRevisions(id: string): Array<{ rev: string; deleted: boolean; body: StoredDocument }>;
  changes(options?: ChangesOptions): ChangesPage;
  /**
   * Calls `listener` with the update sequence after writes have committed (same process, same
   * store object); returns the unsubscribe function.
   */
  onChanges(listener: (updateSeq: number) => void): () => void;
  revsDiff(request: RevsDiffRequest): RevsDiffResponse;
  getLocal(id: string): LocalDocument | null;
  /** `_rev` must match the stored one (or be absent for a new doc); returns the new `0-N` rev. */
  putLocal(doc: { _id: string; _rev?: string; [field: string]: unknown }): { ok: true; id: string; rev: string };
  removeLocal(id: string, rev: string): void;
  /** Attachment bytes by digest (`md5-...`), or null. */
  getAttachment(digest: string): Uint8Array | null;
  info(): StoreInfo;
  /**
   * Documents kept but not projected because a newer program wrote them (a `schema_version` this
   * program does not know): the administrator sees them as waiting for a program update.
   */
  awaitingUpgrade(): AwaitingUpgrade[];
  /** Run `fn` in one SQLite transaction (nestable). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
