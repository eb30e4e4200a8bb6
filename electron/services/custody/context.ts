import { ApiFailure } from '../../../shared/api/errors';
import { rolesGrant } from '../../../shared/permissions';
import { documentStamp, type ClinicData } from '../clinic-data';
import { throwIfImmutable } from '../write-refusals';
import type { Actor } from '../sessions';
import type { CaseSource } from './case-source';

/** What every custody service call works with; the router builds one per call (electron/ipc/custody.ts). */
export interface CustodyContext {
  readonly data: ClinicData;
  readonly cases: CaseSource;
  readonly clinicCode: string;
  /** The clinic's time zone: days, due dates and the 3-year rule are clinic days. */
  readonly zone: string;
  readonly now: Date;
  /** Whether a case is under a seal in force (the one rule every list and view follows). */
  isSealed(caseNumber: string): boolean;
}

/** Sealed cases exist only for holders of archive.seal (SCENARIOS.md 4): others never see them, not even counted. */
export const seesSealed = (actor: Actor): boolean => rolesGrant(actor.roles, 'archive.seal');

export const staffOf = (actor: Actor) => ({ username: actor.username, display_name: actor.displayName });

export function stampOf(ctx: CustodyContext, actor: Actor) {
  return documentStamp(ctx.clinicCode, actor.username, ctx.now);
}

/** The same refusal for a case that does not exist and a sealed one the user may not see. */
export function caseNotFound(caseNumber: string): ApiFailure {
  return new ApiFailure('NOT_FOUND', `没有找到病案号为 ${caseNumber} 的已归档病案，请核对病案号。`);
}

/** Writes one document and passes the store's refusal on (immutable, conflict) as a clear failure. */
export function writeOne(data: ClinicData, doc: { readonly _id: string; readonly [field: string]: unknown }): { id: string; rev: string } {
  const [written] = data.store.bulkDocs([doc]);
  if (written.ok) return { id: written.id, rev: written.rev };
  throwIfImmutable(written);
  if (written.error === 'conflict') throw new ApiFailure('CONFLICT');
  throw new ApiFailure('VALIDATION_FAILED', written.reason);
}
