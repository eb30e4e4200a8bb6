/**
 * 就诊序号 for the whole centre: a workstation claims number `n` of a department's day by creating
 * `queue:<YYYYMMDD>:<department>:<n>` on the centre's endpoint with a plain PUT and no revision.
 * CouchDB (and express-pouchdb) accept that once and answer 409 to everyone after
 * (https://docs.couchdb.org/en/stable/api/document/common.html#put--db-docid): a compare-and-set,
 * so two front desks never get the same number while the hub is up. A claim is made only there,
 * never in a local store, so claims never conflict and a partition leaves nothing to reconcile.
 * The claims replicate back like any document. See README.md, "Queue numbers".
 */
import type { PouchDatabase } from '../sync';

export interface QueueClaim {
  /** `YYYY-MM-DD`, the clinic's day. */
  readonly day: string;
  readonly department: string;
  readonly workstation: string;
  readonly clinicCode: string;
  /** The first number to try: one past the highest this PC knows of. */
  readonly from: number;
}

export function queueClaimId(day: string, department: string, n: number): string {
  return `queue:${day.replaceAll('-', '')}:${department}:${n}`;
}

const MAX_TRIES = 30;

/** The number claimed, or null when the endpoint did not settle it (unreachable, too many taken). */
export async function claimQueueNumber(db: PouchDatabase, claim: QueueClaim, at: string): Promise<number | null> {
  for (let n = Math.max(1, claim.from), tries = 0; tries < MAX_TRIES; n++, tries++) {
    try {
      await db.put({
        _id: queueClaimId(claim.day, claim.department, n),
        type: 'queue_claim',
        clinic_code: claim.clinicCode,
        workstation: claim.workstation,
        claimed_at: at,
      });
      return n;
    } catch (error) {
      if ((error as { status?: unknown } | null)?.status !== 409) return null;
    }
  }
  return null;
}
