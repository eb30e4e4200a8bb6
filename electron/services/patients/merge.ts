/**
 * Merging two records of one person, and undoing it. The absorbed record is not deleted or
 * rewritten into the survivor: it gets `merged_into` (a new revision, so its history stays), its
 * visits keep pointing at it, and everything that reads patients shows the survivor in its place
 * (search, look-ups, the survivor's visit list). Undoing a merge is therefore one more revision
 * that clears the field. Both are audited by the router (ids of both records).
 */
import { ApiFailure } from '../../../shared/api';
import type { PatientDoc } from '../../../shared/docs/patient';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { readPatient, requireSettings } from './patient-records';

function writeRevision(data: ClinicData, doc: PatientDoc & { _rev: string }): string {
  const [result] = data.store.bulkDocs([doc]);
  if (!result.ok) throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.error === 'conflict' ? undefined : result.reason);
  return result.rev;
}

export function mergePatients(
  data: ClinicData,
  input: { survivorId: string; survivorRev: string; absorbedId: string; absorbedRev: string },
  actor: string,
  now = new Date(),
): { survivor: { id: string; rev: string }; absorbed: { id: string; rev: string } } {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const survivor = readPatient(data, input.survivorId);
    const absorbed = readPatient(data, input.absorbedId);
    if (survivor._rev !== input.survivorRev || absorbed._rev !== input.absorbedRev) throw new ApiFailure('CONFLICT');
    if (survivor.merged_into) {
      throw new ApiFailure('VALIDATION_FAILED', undefined, [{ path: 'survivorId', message: '要保留的档案本身已经合并到别的档案了，请改选那份档案。' }]);
    }
    if (absorbed.merged_into) {
      throw new ApiFailure('VALIDATION_FAILED', undefined, [{ path: 'absorbedId', message: '这份档案已经合并过了；如需改合并到别处，请先撤销原来的合并。' }]);
    }
    const stamp = documentStamp(settings.code, actor, now);
    const rev = writeRevision(data, { ...absorbed, merged_into: survivor._id, updated_at: stamp.updated_at, updated_by: stamp.updated_by });
    return { survivor: { id: survivor._id, rev: survivor._rev }, absorbed: { id: absorbed._id, rev } };
  });
}

export function unmergePatient(
  data: ClinicData,
  input: { absorbedId: string; absorbedRev: string },
  actor: string,
  now = new Date(),
): { id: string; rev: string; survivorId: string } {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const absorbed = readPatient(data, input.absorbedId);
    if (absorbed._rev !== input.absorbedRev) throw new ApiFailure('CONFLICT');
    const survivorId = absorbed.merged_into;
    if (!survivorId) throw new ApiFailure('VALIDATION_FAILED', undefined, [{ path: 'absorbedId', message: '这份档案没有被合并，不需要撤销。' }]);
    const { merged_into: _dropped, ...rest } = absorbed;
    const stamp = documentStamp(settings.code, actor, now);
    const rev = writeRevision(data, { ...rest, updated_at: stamp.updated_at, updated_by: stamp.updated_by });
    return { id: absorbed._id, rev, survivorId };
  });
}
