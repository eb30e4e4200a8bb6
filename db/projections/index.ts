import { accessGrantProjector } from './access-grant';
import { archiveChangeProjector, qcReviewProjector, qcTaskProjector } from './archive-qc';
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
import { withTextIndex } from './fts';
import { pageSetProjector, pageTextProjector } from './page-set';
import { amendmentText, noteText } from '../search/record-text';
import { patientProjector } from './patient';
import { paperLoanProjector } from './paper-loan';
import { prescriptionProjector } from './prescription';
import { sealProjector } from './seal';
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
  withTextIndex(outpatientNoteProjector, noteText),
  prescriptionProjector,
  noteTemplateProjector,
  auditProjector,
  drugProjector,
  signatureProjector,
  accessGrantProjector,
  paperLoanProjector,
  sealProjector,
  withTextIndex(amendmentProjector, amendmentText),
  pageSetProjector,
  pageTextProjector,
  archiveCaseProjector,
  qcReviewProjector,
  qcTaskProjector,
  archiveChangeProjector,
  copyRequestProjector,
  disclosureProjector,
] as ReadonlyArray<Projector>;
