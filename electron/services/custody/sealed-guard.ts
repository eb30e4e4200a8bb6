/**
 * Sealed documents cannot be amended or changed (REGULATIONS.md AR-33, AR-34): a correction of any
 * revision on a seal in force is refused with the seal named. Signed documents are immutable already;
 * this closes the one way a signed record still changes, an amendment.
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { ClinicData } from '../clinic-data';

export function refuseIfSealed(data: Pick<ClinicData, 'custody'>, docIds: ReadonlyArray<string>): void {
  const held = data.custody.sealsHolding(docIds);
  if (held.length === 0) return;
  throw new ApiFailure('FORBIDDEN', `记录 ${held[0].docId} 属于已封存的病案，封存期间不能修改，也不能补写修改记录。启封后才能修改；如有疑问请联系医务科。`);
}
