import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { documents, rejectedProjections } from '../schema';
import { statement } from './statements';

export type RejectedProjectionRow = typeof rejectedProjections.$inferSelect;

export interface ConflictedDocumentRow {
  readonly id: string;
  readonly type: string | null;
  readonly winningRev: string;
  readonly conflictCount: number;
}

/** Reads of the document index itself (`documents`, `rejected_projections`), never of bodies. */
export function documentQueries(db: ClinicOrm) {
  return {
    /** Documents with conflicting live leaves: the conflict inbox (use the store to read the leaves). */
    conflicted(options: { type?: string; limit?: number } = {}): ConflictedDocumentRow[] {
      const conditions: SQL[] = [gt(documents.conflictCount, 0)];
      if (options.type) conditions.push(eq(documents.type, options.type));
      return db
        .select({ id: documents.id, type: documents.type, winningRev: documents.winningRev, conflictCount: documents.conflictCount })
        .from(documents)
        .where(and(...conditions))
        .orderBy(asc(documents.id))
        .limit(options.limit ?? 500)
        .all();
    },

    /** Replicated documents stored but not projected because their winner fails its schema. */
    rejectedProjections(): RejectedProjectionRow[] {
      return db.select().from(rejectedProjections).orderBy(asc(rejectedProjections.docId)).all();
    },

    /** The winning revision id of a live document, without reading its body (lists that offer edits). */
    winningRev(id: string): string | undefined {
      return statement<[string], string>(db, 'SELECT winning_rev FROM documents WHERE id = ? AND deleted = 0').pluck().get(id);
    },
  };
}
