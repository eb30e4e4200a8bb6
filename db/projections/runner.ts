import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { documentRegistry, type DocumentRegistry } from '../../shared/docs';
import type { ClinicOrm } from '../orm';
import { awaitingUpgrade, rejectedProjections } from '../schema';
import { deleteRowsWhere, upsertRow } from './rows';
import type { ProjectionTx, Projector } from './types';
import { checkVersionedDocument, validateDocument, type ValidationResult } from './validation';

/** A document's winning revision, as the store hands it to the projections. */
export interface WinningRevision {
  readonly id: string;
  readonly rev: string;
  readonly deleted: boolean;
  readonly type: string | null;
  /** The body with `_id`, as stored. */
  readonly doc: Readonly<Record<string, unknown>>;
  /** The schema check already made by the write path, so it is not repeated. */
  readonly checked?: ValidationResult<unknown>;
}

/**
 * Dispatches winning revisions to the projector of their type, inside the caller's transaction.
 * Unknown types are not projected. A body of an older version is upgraded first (the type's
 * upgrade functions in shared/docs). A winner that fails its schema (it can only have come by
 * replication: local writes are refused) has its rows removed and is listed in
 * `rejected_projections`; one written by a newer program is listed in `awaiting_upgrade` instead,
 * and projected after the update (`retryAwaitingUpgrade`, db/projections/rebuild.ts).
 */
export class ProjectionRunner {
  readonly tx: ProjectionTx;
  private readonly byType = new Map<string, Projector>();
  private readonly statements = new Map<string, unknown>();
  private rejectedMayExist = true;
  private deferredState = false;

  constructor(
    private readonly orm: ClinicOrm,
    sqlite: Database.Database,
    projectors: ReadonlyArray<Projector>,
    /** The declared document types (versions, schemas); the app's own unless a test says otherwise. */
    readonly registry: DocumentRegistry = documentRegistry,
  ) {
    for (const projector of projectors) {
      if (this.byType.has(projector.type)) throw new Error(`two projectors registered for type ${projector.type}`);
      this.byType.set(projector.type, projector);
    }
    const cache = this.statements;
    this.tx = {
      orm,
      sqlite,
      prepared<T>(key: string, build: (orm: ClinicOrm) => T): T {
        let statement = cache.get(key) as T | undefined;
        if (statement === undefined) {
          statement = build(orm);
          cache.set(key, statement);
        }
        return statement;
      },
    };
  }

  get projectors(): ReadonlyArray<Projector> {
    return [...this.byType.values()];
  }

  /**
   * While deferred, `apply` does nothing: a bulk load into an empty store (disaster recovery)
   * writes documents only and rebuilds the projections once at the end. Set through
   * `deferProjections` (db/projections/rebuild.ts), which also marks the rebuild as pending, so a
   * crash in between is repaired at the next open; the rebuild ends it.
   */
  setDeferred(deferred: boolean): void {
    this.deferredState = deferred;
  }

  /** Whether documents of `type` are projected at all. */
  projects(type: string): boolean {
    return this.byType.has(type);
  }

  /** Every projection table, `rejected_projections` and `awaiting_upgrade` included. */
  get tables(): ReadonlyArray<SQLiteTable> {
    const tables: SQLiteTable[] = [];
    for (const projector of this.byType.values()) for (const table of projector.tables) if (!tables.includes(table)) tables.push(table);
    tables.push(rejectedProjections, awaitingUpgrade);
    return tables;
  }

  /**
   * Called at the start of each write batch: whether `rejected_projections` or `awaiting_upgrade`
   * has any row decides if a valid winner must delete its (possible) entry there, which saves a
   * statement per document in the usual case where both are empty.
   */
  beginBatch(): void {
    const anySkipped = this.tx.prepared('rejected.any', () =>
      this.tx.sqlite.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM rejected_projections) OR EXISTS (SELECT 1 FROM awaiting_upgrade)').pluck(),
    );
    this.rejectedMayExist = anySkipped.get() === 1;
  }

  /**
   * Checks a document against its type: the declared type's upgrades and current schema, else the
   * projector's schema (a projector for an undeclared type); null when the type is not one we know.
   */
  validate(type: string | null, doc: Readonly<Record<string, unknown>>): ValidationResult<unknown> | null {
    const definition = this.registry.get(type);
    if (definition) return checkVersionedDocument(definition, doc);
    const projector = type === null ? undefined : this.byType.get(type);
    return projector ? validateDocument(projector.schema, doc) : null;
  }

  /**
   * Brings the projections of one document in line with its (new) winning revision. `fresh`: the
   * document has no projection rows yet (new document, or rebuild).
   */
  apply(previousType: string | null, winner: WinningRevision, fresh = false): void {
    if (this.deferredState) return;
    const { tx } = this;
    const target = winner.deleted || winner.type === null ? undefined : this.byType.get(winner.type);
    // A document whose winner changed type (or was deleted) leaves no rows behind elsewhere.
    if (previousType !== null && previousType !== winner.type) {
      const previous = this.byType.get(previousType);
      if (previous && previous !== target) previous.remove(tx, winner.id);
    }
    if (!target) {
      if (winner.type !== null) this.byType.get(winner.type)?.remove(tx, winner.id);
      this.clearRejected(winner.id);
      return;
    }
    const checked = winner.checked ?? this.validate(winner.type, winner.doc) ?? validateDocument(target.schema, winner.doc);
    if (!checked.ok) {
      target.remove(tx, winner.id);
      if (checked.awaiting) this.recordAwaiting(winner, checked.awaiting.version);
      else this.recordRejected(winner, checked.reason);
      return;
    }
    this.clearRejected(winner.id);
    target.project(tx, checked.value, { replacing: !fresh });
  }

  /** Empties every projection table (the first step of a rebuild). */
  clearAll(): void {
    for (const table of this.tables) this.orm.delete(table).run();
    this.rejectedMayExist = false;
  }

  private clearRejected(id: string): void {
    if (!this.rejectedMayExist) return;
    deleteRowsWhere(this.tx, rejectedProjections, rejectedProjections.docId, id);
    deleteRowsWhere(this.tx, awaitingUpgrade, awaitingUpgrade.docId, id);
  }

  private recordRejected(winner: WinningRevision, reason: string): void {
    deleteRowsWhere(this.tx, awaitingUpgrade, awaitingUpgrade.docId, winner.id);
    upsertRow(this.tx, rejectedProjections, { docId: winner.id, rev: winner.rev, type: winner.type ?? '', reason });
    this.rejectedMayExist = true;
  }

  private recordAwaiting(winner: WinningRevision, version: number): void {
    deleteRowsWhere(this.tx, rejectedProjections, rejectedProjections.docId, winner.id);
    upsertRow(this.tx, awaitingUpgrade, { docId: winner.id, rev: winner.rev, type: winner.type ?? '', version });
    this.rejectedMayExist = true;
  }
}
