/**
 * The clinic's drug dictionary: the administrator's edits and imports (as `drug` documents, so
 * every PC gets them by replication), the prescription screen's search, and each doctor's
 * antibiotic prescribing right.
 */
import { ApiFailure } from '../../../shared/api';
import { type DrugInput, type PrescriberGrade, type RejectedRow, checkDrugList, searchInitials } from '../../../shared/codes';
import { type DrugDoc, type PrescribingRightDoc, drugId, prescribingRightId, userId } from '../../../shared/docs';
import type { DrugRow } from '../../../db/queries';
import type { ClinicData } from '../clinic-data';
import { documentStamp, getTyped } from '../clinic-data';
import { readImportFile } from './import-file';
import { type ImportProgress, PendingImports } from './pending-imports';

export interface DrugSave extends DrugInput {
  readonly active: boolean;
}

/** The drug document for `input`, keeping the creation stamp and revision of the one it replaces. */
function drugDocument(existing: DrugDoc | null, clinicCode: string, actor: string, input: DrugSave, now: Date): DrugDoc & { _rev?: string } {
  const stamp = documentStamp(clinicCode, actor, now);
  return {
    ...(existing ? { _rev: (existing as DrugDoc & { _rev?: string })._rev } : {}),
    _id: drugId(input.code),
    type: 'drug',
    ...stamp,
    created_at: existing?.created_at ?? stamp.created_at,
    created_by: existing?.created_by ?? stamp.created_by,
    code: input.code,
    generic_name: input.genericName,
    initials: searchInitials(input.genericName).slice(0, 60),
    form: input.form,
    strength_value: input.strengthValue,
    strength_unit: input.strengthUnit,
    unit: input.unit,
    package_size: input.packageSize,
    package_unit: input.packageUnit,
    drug_class: input.drugClass,
    default_dose: input.defaultDose,
    default_dose_unit: input.defaultDoseUnit,
    default_route: input.defaultRoute,
    default_frequency: input.defaultFrequency,
    antibiotic_grade: input.antibioticGrade,
    essential: input.essential,
    active: input.active,
  };
}

const existingDrug = (data: ClinicData, code: string): DrugDoc | null => getTyped(data.store, drugId(code), 'drug') as DrugDoc | null;

/** Writes drugs in one transaction: all are stored or none (a failed one rolls the rest back). */
function writeDrugs(data: ClinicData, clinicCode: string, actor: string, inputs: ReadonlyArray<DrugSave>, now = new Date()): void {
  data.store.transaction(() => {
    const docs = inputs.map((input) => drugDocument(existingDrug(data, input.code), clinicCode, actor, input, now));
    const results = data.store.bulkDocs(docs);
    const failed = results.findIndex((r) => !r.ok);
    if (failed >= 0) {
      const result = results[failed];
      const reason = !result.ok && result.error === 'conflict' ? '刚被别人修改过，请刷新后再试' : !result.ok ? (result.reason ?? result.error) : '';
      throw new ApiFailure('VALIDATION_FAILED', `药品 ${inputs[failed].code} ${inputs[failed].genericName} 没有保存：${reason}。整批都没有保存。`);
    }
  });
}

export function saveDrug(data: ClinicData, clinicCode: string, actor: string, input: DrugSave): DrugRow {
  writeDrugs(data, clinicCode, actor, [input]);
  return data.drugs.byCode(input.code)!;
}

export interface DrugImportPreview {
  readonly token: string;
  readonly readAs: string;
  readonly counts: { readonly accepted: number; readonly rejected: number; readonly added: number; readonly updated: number };
  readonly firstRows: DrugInput[];
  readonly rejected: RejectedRow[];
}

/** Drug list imports: preview, then apply exactly what was previewed, in one transaction. */
export class DrugImports {
  private readonly pending = new PendingImports<ReadonlyArray<DrugInput>>();

  constructor(
    private readonly data: ClinicData,
    private readonly progress: ImportProgress,
  ) {}

  async preview(fileName: string, bytes: Uint8Array): Promise<DrugImportPreview> {
    this.progress.set('reading');
    try {
      const file = await readImportFile(fileName, bytes);
      const checked = checkDrugList(file.table);
      if (!checked.ok) throw new ApiFailure('VALIDATION_FAILED', checked.message, [{ path: 'file', message: checked.message }]);
      const updated = checked.drugs.filter((d) => this.data.drugs.byCode(d.code) !== null).length;
      return {
        token: this.pending.put(checked.drugs),
        readAs: file.readAs,
        counts: { accepted: checked.drugs.length, rejected: checked.rejected.length, added: checked.drugs.length - updated, updated },
        firstRows: checked.drugs.slice(0, 10),
        rejected: checked.rejected.slice(0, 500),
      };
    } finally {
      this.progress.set('idle');
    }
  }

  /** Imported drugs are active; a drug already in the list is updated in place (same code). */
  apply(token: string, clinicCode: string, actor: string): { readonly saved: number } {
    const drugs = this.pending.take(token);
    this.progress.set('saving', 0, drugs.length);
    try {
      writeDrugs(
        this.data,
        clinicCode,
        actor,
        drugs.map((d) => ({ ...d, active: true })),
      );
      return { saved: drugs.length };
    } finally {
      this.progress.set('idle');
    }
  }
}

/** The doctor's antibiotic prescribing right; none until the administrator grants one. */
export function antibioticGradeOf(data: ClinicData, username: string): PrescriberGrade {
  const doc = getTyped(data.store, prescribingRightId(username), 'prescribing_right') as PrescribingRightDoc | null;
  return doc?.antibiotic_grade ?? 'none';
}

export function setAntibioticGrade(data: ClinicData, clinicCode: string, actor: string, username: string, grade: PrescriberGrade): PrescriberGrade {
  if (!getTyped(data.store, userId(username), 'user')) throw new ApiFailure('NOT_FOUND', `没有登录名为 ${username} 的用户。`);
  const existing = getTyped(data.store, prescribingRightId(username), 'prescribing_right') as (PrescribingRightDoc & { _rev?: string }) | null;
  const stamp = documentStamp(clinicCode, actor);
  const [result] = data.store.bulkDocs([
    {
      ...(existing?._rev ? { _rev: existing._rev } : {}),
      _id: prescribingRightId(username),
      type: 'prescribing_right',
      ...stamp,
      created_at: existing?.created_at ?? stamp.created_at,
      created_by: existing?.created_by ?? stamp.created_by,
      username,
      antibiotic_grade: grade,
    },
  ]);
  if (!result.ok) throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.reason);
  return grade;
}
