import type Database from 'better-sqlite3';
import type { DocumentRegistry } from '../../shared/docs';
import { createOrm, type ClinicOrm } from '../orm';
import { DEFAULT_PROJECTORS } from '../projections';
import { listAwaitingUpgrade } from '../projections/rebuild';
import { ProjectionRunner } from '../projections/runner';
import type { Projector } from '../projections/types';
import { ChangeNotifier, readChanges, type ChangeListener } from './changes';
import { DraftStore } from './drafts';
import { DocumentStoreError } from './errors';
import { LOCAL_PREFIX, parseDocumentInput } from './input';
import { getLocalDocument, putLocalDocument, removeLocalDocument } from './local-docs';
import { LocalWriteTracker, type LocalWriteHook } from './local-write-hook';
import { readAllRevisions, readDocument, readOpenRevs } from './revisions';
import { revsDiff } from './revs-diff';
import { prepareStoreStatements, type StoreStatements } from './statements';
import type {
  AwaitingUpgrade,
  BulkOptions,
  ChangesOptions,
  ChangesPage,
  DocumentInput,
  DocumentStoreApi,
  GetOptions,
  LocalDocument,
  RevsDiffRequest,
  RevsDiffResponse,
  StoredDocument,
  StoreInfo,
  WriteResult,
} from './types';
import { writeLocalEdit, writeReplicated, type WriteContext } from './write';

export interface DocumentStoreOptions {
  /** Drizzle over the same connection; made here when not given. */
  readonly orm?: ClinicOrm;
  /** The projectors to run (default: DEFAULT_PROJECTORS). */
  readonly projectors?: ReadonlyArray<Projector>;
  /** Clock for the `stored_at` of revisions (tests). */
  readonly now?: () => number;
  /** The declared document types (default: the app's, shared/docs); a test may run an older set. */
  readonly registry?: DocumentRegistry;
}

/**
 * The document store over one SQLite connection whose schema is already migrated (see
 * `openClinicDatabase` in db/open.ts, which is how the app gets one). One writer: every write is a
 * synchronous SQLite transaction, projections included.
 */
export class DocumentStore implements DocumentStoreApi {
  readonly sqlite: Database.Database;
  readonly orm: ClinicOrm;
  readonly projections: ProjectionRunner;
  /** Local-only work in progress (put/get/list/delete by owner and key); see drafts.ts. */
  readonly drafts: DraftStore;
  private readonly statements: StoreStatements;
  private readonly now: () => number;
  private readonly localWrites = new LocalWriteTracker();
  private readonly writeBatch: Database.Transaction<(docs: ReadonlyArray<DocumentInput>, newEdits: boolean) => WriteResult[]>;
  private readonly changeNotifier: ChangeNotifier;

  constructor(sqlite: Database.Database, options: DocumentStoreOptions = {}) {
    this.sqlite = sqlite;
    this.orm = options.orm ?? createOrm(sqlite);
    this.projections = new ProjectionRunner(this.orm, sqlite, options.projectors ?? DEFAULT_PROJECTORS, options.registry);
    this.drafts = new DraftStore(sqlite);
    this.statements = prepareStoreStatements(sqlite);
    this.now = options.now ?? Date.now;
    this.changeNotifier = new ChangeNotifier(() => this.statements.updateSeq.get() ?? 0);
    this.writeBatch = sqlite.transaction((docs: ReadonlyArray<DocumentInput>, newEdits: boolean) =>
      this.localWrites.run(() => {
        const ctx: WriteContext = { statements: this.statements, projections: this.projections, storedAt: this.now() };
        this.projections.beginBatch();
        return docs.map((doc) => this.writeOne(ctx, doc, newEdits));
      }),
    );
  }

  bulkDocs(docs: ReadonlyArray<DocumentInput>, options?: BulkOptions): WriteResult[] {
    if (!Array.isArray(docs)) throw new DocumentStoreError('bad_request', 'bulkDocs 需要一个文档数组');
    // IMMEDIATE: take the write lock up front rather than failing to upgrade a read lock later.
    const results = this.writeBatch.immediate(docs, options?.newEdits !== false);
    this.changeNotifier.written();
    return results;
  }

  onChanges(listener: ChangeListener): () => void {
    return this.changeNotifier.subscribe(listener);
  }

  private writeOne(ctx: WriteContext, doc: DocumentInput, newEdits: boolean): WriteResult {
    const id = typeof doc?._id === 'string' ? doc._id : '';
    try {
      if (id.startsWith(LOCAL_PREFIX)) return this.writeLocalThroughBulk(doc, newEdits);
      const input = parseDocumentInput(doc);
      const written = newEdits ? writeLocalEdit(ctx, input) : writeReplicated(ctx, input);
      if (newEdits) this.localWrites.record(written.id);
      return { ok: true, id: written.id, rev: written.rev };
    } catch (error) {
      // A refusal concerns this document only; anything else is a fault and aborts the batch.
      if (error instanceof DocumentStoreError) return { ok: false, id, error: error.code, reason: error.message };
      throw error;
    }
  }

  /** `_local/` documents in a bulk write: local edits only, as `putLocal` / `removeLocal`. */
  private writeLocalThroughBulk(doc: DocumentInput, newEdits: boolean): WriteResult {
    if (!newEdits) throw new DocumentStoreError('bad_request', `本地文档 ${doc._id} 不参与复制，不能以 new_edits:false 写入`);
    if (doc._deleted === true) {
      removeLocalDocument(this.statements, doc._id, doc._rev ?? '');
      return { ok: true, id: doc._id, rev: '0-0' };
    }
    const { _deleted, ...rest } = doc;
    void _deleted;
    return putLocalDocument(this.statements, rest as { _id: string; _rev?: string });
  }

  get(id: string, options?: GetOptions): StoredDocument | null {
    return readDocument(this.statements, id, options);
  }

  getOpenRevs(id: string, revs: ReadonlyArray<string> | 'all', options?: GetOptions): Array<{ ok: StoredDocument } | { missing: string }> {
    return readOpenRevs(this.statements, id, revs, options);
  }

  listRevisions(id: string): Array<{ rev: string; deleted: boolean; body: StoredDocument }> {
    return readAllRevisions(this.statements, id);
  }

  changes(options?: ChangesOptions): ChangesPage {
    return readChanges(this.statements, options);
  }

  revsDiff(request: RevsDiffRequest): RevsDiffResponse {
    return revsDiff(this.statements, request);
  }

  getLocal(id: string): LocalDocument | null {
    return getLocalDocument(this.statements, id);
  }

  putLocal(doc: { _id: string; _rev?: string; [field: string]: unknown }): { ok: true; id: string; rev: string } {
    return putLocalDocument(this.statements, doc);
  }

  removeLocal(id: string, rev: string): void {
    removeLocalDocument(this.statements, id, rev);
  }

  getAttachment(digest: string): Uint8Array | null {
    return this.statements.selectAttachment.get(digest) ?? null;
  }

  info(): StoreInfo {
    const s = this.statements;
    const total = s.countDocuments.get() ?? 0;
    const deletedCount = s.countDeleted.get() ?? 0;
    return {
      docCount: total - deletedCount,
      deletedCount,
      updateSeq: s.updateSeq.get() ?? 0,
      fileSizeBytes: (s.pageCount.get() ?? 0) * (s.pageSize.get() ?? 0),
    };
  }

  awaitingUpgrade(): AwaitingUpgrade[] {
    return listAwaitingUpgrade(this);
  }

  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(() =>
      this.localWrites.run(() => {
        const result = fn();
        // better-sqlite3 commits when the function returns: a promise would commit half-way.
        if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
          throw new TypeError('transaction() takes a synchronous function');
        }
        return result;
      }),
    )();
  }

  /** See LocalWriteHook: how the main process commits a call's audit event with the call's edits. */
  onLocalWrite(hook: LocalWriteHook | null): void {
    this.localWrites.setHook(hook);
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
