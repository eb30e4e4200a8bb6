import { and, asc, desc, eq, gt, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { isCaseSealed } from './archive-visibility';
import { accessGrantCases, accessGrants, paperLoans, sealedDocuments, seals } from '../schema';

export type AccessGrantRow = typeof accessGrants.$inferSelect & { readonly caseNumbers: string[] };
export type PaperLoanRow = typeof paperLoans.$inferSelect;
export type SealRow = typeof seals.$inferSelect;

/** How many rows a custody list shows at most (newest first); older ones stay in the documents. */
const LIST_LIMIT = 500;

/** Reads of the lending and sealing projections (electron/services/custody). */
export function custodyQueries(db: ClinicOrm) {
  const casesOf = (grantIds: ReadonlyArray<string>): Map<string, string[]> => {
    const byGrant = new Map<string, string[]>();
    if (grantIds.length === 0) return byGrant;
    const rows = db
      .select()
      .from(accessGrantCases)
      .where(inArray(accessGrantCases.grantId, [...grantIds]))
      .orderBy(asc(accessGrantCases.caseNumber))
      .all();
    for (const row of rows) byGrant.set(row.grantId, [...(byGrant.get(row.grantId) ?? []), row.caseNumber]);
    return byGrant;
  };
  const withCases = (rows: ReadonlyArray<typeof accessGrants.$inferSelect>): AccessGrantRow[] => {
    const cases = casesOf(rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, caseNumbers: cases.get(row.id) ?? [] }));
  };

  return {
    /** Grants newest first; `grantee` narrows to one user's; `liveAt` to those not revoked and not ended at that instant. */
    grants(filter: { grantee?: string; liveAt?: string } = {}): AccessGrantRow[] {
      const conditions: SQL[] = [];
      if (filter.grantee) conditions.push(eq(accessGrants.granteeUsername, filter.grantee));
      if (filter.liveAt) conditions.push(eq(accessGrants.status, 'granted'), gt(accessGrants.validUntil, filter.liveAt));
      const rows = db
        .select()
        .from(accessGrants)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(accessGrants.approvedAt), desc(accessGrants.id))
        .limit(LIST_LIMIT)
        .all();
      return withCases(rows);
    },

    grantById(id: string): AccessGrantRow | undefined {
      const row = db.select().from(accessGrants).where(eq(accessGrants.id, id)).get();
      return row ? withCases([row])[0] : undefined;
    },

    /** The grants through which `grantee` may open `caseNumber` at instant `at` (in force then). */
    grantsInForce(grantee: string, caseNumber: string, at: string): string[] {
      return db
        .select({ id: accessGrants.id })
        .from(accessGrants)
        .innerJoin(accessGrantCases, eq(accessGrantCases.grantId, accessGrants.id))
        .where(
          and(
            eq(accessGrants.granteeUsername, grantee),
            eq(accessGrantCases.caseNumber, caseNumber),
            eq(accessGrants.status, 'granted'),
            lte(accessGrants.validFrom, at),
            gt(accessGrants.validUntil, at),
          ),
        )
        .orderBy(asc(accessGrants.id))
        .all()
        .map((row) => row.id);
    },

    /** Paper loans newest first: all, or only the folders still out. */
    paperLoans(filter: { outOnly?: boolean } = {}): PaperLoanRow[] {
      return db
        .select()
        .from(paperLoans)
        .where(filter.outOnly ? eq(paperLoans.status, 'out') : undefined)
        .orderBy(desc(paperLoans.lentAt), desc(paperLoans.id))
        .limit(LIST_LIMIT)
        .all();
    },

    paperLoanById(id: string): PaperLoanRow | undefined {
      return db.select().from(paperLoans).where(eq(paperLoans.id, id)).get();
    },

    /** The loan a folder is out on, if it is out. */
    outstandingLoan(caseNumber: string): PaperLoanRow | undefined {
      return db
        .select()
        .from(paperLoans)
        .where(and(eq(paperLoans.caseNumber, caseNumber), eq(paperLoans.status, 'out')))
        .orderBy(asc(paperLoans.lentAt))
        .get();
    },

    /** 逾期未还: folders still out whose due date is before `today`, the longest overdue first. */
    overdueLoans(today: string): PaperLoanRow[] {
      return db
        .select()
        .from(paperLoans)
        .where(and(eq(paperLoans.status, 'out'), lt(paperLoans.dueDate, today)))
        .orderBy(asc(paperLoans.dueDate), asc(paperLoans.lentAt))
        .all();
    },

    /** Seals newest first. */
    seals(): SealRow[] {
      return db.select().from(seals).orderBy(desc(seals.sealedAt), desc(seals.id)).limit(LIST_LIMIT).all();
    },

    /** The seals in force whose list holds any revision of one of `docIds`. */
    sealsHolding(docIds: ReadonlyArray<string>): Array<{ sealId: string; docId: string }> {
      if (docIds.length === 0) return [];
      return db
        .selectDistinct({ sealId: sealedDocuments.sealId, docId: sealedDocuments.docId })
        .from(sealedDocuments)
        .where(and(inArray(sealedDocuments.docId, [...docIds]), eq(sealedDocuments.sealStatus, 'sealed')))
        .all();
    },

    /** Whether a case is under a seal in force (`case_seals`, the record room's one visibility rule). */
    isSealed(caseNumber: string): boolean {
      return isCaseSealed(db, caseNumber);
    },
  };
}

export type CustodyQueries = ReturnType<typeof custodyQueries>;
