import { archiveCaseProjector } from './archive_case';
import { auditProjector } from './audit';
import { copyRequestProjector } from './copy';
import { disclosureProjector } from './disclosure';
import { clinicSettingsProjector } from './clinic_settings';
import { departmentProjector } from './department';
import { drugProjector } from './drug';
import { encounterProjector } from './encounter';
import { noteTemplateProjector } from './note_template';
import { outpatientNoteProjector } from './outpatient_note';
import { patientProjector } from './patient';
import { prescriptionProjector } from './prescription';
import { amendmentProjector, signatureProjector } from './signing';
import type { Projector } from './types';
import { userProjector } from './user';

export type { ProjectContext, Projector, ProjectionTx } from './types';
export { defineProjector } from './define';
export { ProjectionRunner, type WinningRevision } from './runner';
export { deleteRowsWhere, insertRowIfAbsent, upsertRow, type ProjectionRow } from './rows';

/**
 * The projectors the store runs, one per document type. To project a new type: declare it in
 * shared/docs/types.ts, add its table(s) to db/schema and a migration (`npm run db:generate`), a
 * `db/projections/<type>.ts` made with `defineProjector`, and list it here.
 */
export const DEFAULT_PROJECTORS: ReadonlyArray<Projector> = [
  clinicSettingsProjector,
  departmentProjector,
  userProjector,
  patientProjector,
  encounterProjector,
  outpatientNoteProjector,
  prescriptionProjector,
  noteTemplateProjector,
  auditProjector,
  drugProjector,
  signatureProjector,
  amendmentProjector,
  archiveCaseProjector,
  copyRequestProjector,
  disclosureProjector,
] as ReadonlyArray<Projector>;
