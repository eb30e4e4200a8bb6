import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { documents, rejectedProjections } from '../schema';
import { statement } from './statements';

/** Documents with conflicting live leaves: the conflict inbox (use the store to read the leaves). */
export function listConflictedDocuments(db: ClinicOrm, options: { type?: string; limit?: number } = {}): Array<{ id: string; type: string | null; winningRev: string; conflictCount: number }> {
  const conditions: SQL[] = [gt(documents.conflictCount, 0)];
  if (options.type) conditions.push(eq(documents.type, options.type));
  return db
    .select({ id: documents.id, type: documents.type, winningRev: documents.winningRev, conflictCount: documents.conflictCount })
    .from(documents)
    .where(and(...conditions))
    .orderBy(asc(documents.id))
    .limit(options.limit ?? 500)
    .all();
}

export type RejectedProjectionRow = typeof rejectedProjections.$inferSelect;

/** Replicated documents stored but not projected because their winner fails its schema. */
export function listRejectedProjections(db: ClinicOrm): RejectedProjectionRow[] {
  return db.select().from(rejectedProjections).orderBy(asc(rejectedProjections.docId)).all();
}

/** The winning revision id of a live document, without reading its body (lists that offer edits). */
export function findWinningRev(db: ClinicOrm, id: string): string | undefined {
  return statement<[string], string>(db, 'SELECT winning_rev FROM documents WHERE id = ? AND deleted = 0').pluck().get(id);
}
