/**
 * The projection reads (and the two local writes: meta, counters) that services call, one factory
 * per domain. A query is written once, here; services take their types from these factories
 * (`ClinicQueries`, `PatientQueries` …) and the app binds them to its database with `clinicQueries`.
 */
import type { ClinicOrm } from '../orm';
import { archiveQueries } from './archive';
import { auditEventQueries } from './audit';
import { clinicSettingsQueries } from './clinic';
import { copyQueries } from './copies';
import { counterQueries } from './counters';
import { custodyQueries } from './custody';
import { departmentQueries } from './departments';
import { documentQueries } from './documents';
import { drugQueries } from './drugs';
import { encounterQueries } from './encounters';
import { icdQueries } from './icd';
import { metaQueries } from './meta';
import { outpatientQueries } from './outpatient';
import { patientQueries } from './patients';
import { recordsSearchQueries } from './records-search';
import { signingQueries } from './signing';
import { userQueries } from './users';

export type { ArchiveCaseRow, ArchiveChangeRow, ArchiveQueries, ArchiveQueueRow, ListedCaseRow, QcReviewRow, QcTaskRow } from './archive';
export type { AuditEventRow } from './audit';
export type { ClinicSettingsRow } from './clinic';
export type { CounterRecovery } from './counter-recovery';
export type { AccessGrantRow, CustodyQueries, PaperLoanRow, SealRow } from './custody';
export type { DepartmentRow } from './departments';
export type { CopyRequestRow, DisclosureRow } from './copies';
export type { ConflictedDocumentRow, RejectedProjectionRow } from './documents';
export type { DrugRow } from './drugs';
export type { DayFilters, EncounterRow, QueuePlace } from './encounters';
export type { IcdCodeInVersion, IcdCodeRow, IcdVersionRow, NewIcdVersion } from './icd';
export { META_KEYS } from './meta';
export type { NoteDiagnosisRow, NoteRow, NoteTemplateRow, PrescriptionRow } from './outpatient';
export type { SearchKeyHit } from './patient-search';
export type { LatestVisit, PatientRow } from './patients';
export type { SignatureRow } from './signing';
export type { RecordFilters, RecordHitRow, RecordsSearchQueries } from './records-search';
export type { UserAccountRow, UserRow } from './users';
export {
  auditEventQueries,
  clinicSettingsQueries,
  counterQueries,
  departmentQueries,
  documentQueries,
  drugQueries,
  encounterQueries,
  icdQueries,
  metaQueries,
  outpatientQueries,
  patientQueries,
  signingQueries,
  userQueries,
};

/** Every domain's queries on one database. */
export function clinicQueries(db: ClinicOrm) {
  return {
    patients: patientQueries(db),
    encounters: encounterQueries(db),
    outpatient: outpatientQueries(db),
    departments: departmentQueries(db),
    users: userQueries(db),
    documents: documentQueries(db),
    settings: clinicSettingsQueries(db),
    auditEvents: auditEventQueries(db),
    meta: metaQueries(db),
    counters: counterQueries(db),
    icd: icdQueries(db),
    drugs: drugQueries(db),
    signing: signingQueries(db),
    custody: custodyQueries(db),
    archive: archiveQueries(db),
    recordsSearch: recordsSearchQueries(db),
    copies: copyQueries(db),
  };
}

export type ClinicQueries = ReturnType<typeof clinicQueries>;
export type PatientQueries = ReturnType<typeof patientQueries>;
export type EncounterQueries = ReturnType<typeof encounterQueries>;
export type DepartmentQueries = ReturnType<typeof departmentQueries>;
export type UserQueries = ReturnType<typeof userQueries>;
export type DocumentQueries = ReturnType<typeof documentQueries>;
export type MetaQueries = ReturnType<typeof metaQueries>;
export type OutpatientQueries = ReturnType<typeof outpatientQueries>;
export type SigningQueries = ReturnType<typeof signingQueries>;
export type CopyQueries = ReturnType<typeof copyQueries>;
export type CounterQueries = ReturnType<typeof counterQueries>;
export type IcdQueries = ReturnType<typeof icdQueries>;
export type DrugQueries = ReturnType<typeof drugQueries>;
