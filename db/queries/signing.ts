import { and, asc, eq, gte, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { amendments, signatures } from '../schema';

export interface SignatureRow {
  readonly id: string;
  readonly targetId: string;
  readonly targetType: string;
  readonly patientId: string | null;
  readonly purpose: string;
  readonly signer: string;
  readonly signedAt: string;
}

const LISTED = {
  id: signatures.id,
  targetId: signatures.targetId,
  targetType: signatures.targetType,
  patientId: signatures.patientId,
  purpose: signatures.purpose,
  signer: signatures.signer,
  signedAt: signatures.signedAt,
};

/** Reads of the signature and amendment projections (electron/signing). */
export function signingQueries(db: ClinicOrm) {
  return {
    /** The signatures over one document, oldest first. */
    signaturesOf(targetId: string): SignatureRow[] {
      return db.select(LISTED).from(signatures).where(eq(signatures.targetId, targetId)).orderBy(asc(signatures.signedAt), asc(signatures.id)).all();
    },

    /** Every signature, or a patient's, or those made since a time (the verification command). */
    listSignatures(filter: { patientId?: string; since?: string } = {}): SignatureRow[] {
      const conditions: SQL[] = [];
      if (filter.patientId) conditions.push(eq(signatures.patientId, filter.patientId));
      if (filter.since) conditions.push(gte(signatures.signedAt, filter.since));
      return db
        .select(LISTED)
        .from(signatures)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(signatures.signedAt), asc(signatures.id))
        .all();
    },

    /** The amendments of one document in order (sequence, then time, then id: two made apart stay in a stable order). */
    amendmentIdsOf(targetId: string): string[] {
      return db
        .select({ id: amendments.id })
        .from(amendments)
        .where(eq(amendments.targetId, targetId))
        .orderBy(asc(amendments.sequence), asc(amendments.createdAt), asc(amendments.id))
        .all()
        .map((row) => row.id);
    },
  };
}
