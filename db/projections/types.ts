import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { ClinicOrm } from '../orm';

/**
 * What a projector gets to write with. It runs inside the transaction of the document write (or of
 * a rebuild batch), on the store's connection.
 */
export interface ProjectionTx {
  readonly orm: ClinicOrm;
  readonly sqlite: Database.Database;
  /**
   * A statement built once per connection and reused on every document (see rows.ts for the
   * usual ones). Building a drizzle query per row costs ~60 µs; a prepared statement ~1–3 µs.
   */
  prepared<T>(key: string, build: (orm: ClinicOrm) => T): T;
}

export interface ProjectContext {
  /**
   * False when the document cannot have rows yet (its first revision, or a rebuild after the tables
   * were emptied): a projector may then skip deleting old child rows. True otherwise.
   */
  readonly replacing: boolean;
}

/**
 * Keeps the projection tables of one document type in step with its documents' winning revisions.
 * `project` gets the winner already checked against `schema` (an upsert: the document may be new or
 * changed); `remove` drops every row derived from the document (deleted, or its winner no longer
 * valid / of this type). Both must be deterministic functions of the document so a rebuild gives the
 * same rows.
 */
export interface Projector<Doc = unknown> {
  readonly type: string;
  readonly schema: z.ZodType<Doc>;
  /** Every table this projector writes: a rebuild empties them first. */
  readonly tables: ReadonlyArray<SQLiteTable>;
  project(tx: ProjectionTx, doc: Doc, context: ProjectContext): void;
  remove(tx: ProjectionTx, id: string): void;
}
