/**
 * 处方: saved only once every check of shared/rx has passed or been answered (allergy, same drug
 * twice, RX-01 days, the doctor's antibiotic grade, absurd quantities). One patient per prescription:
 * it belongs to the visit, and the visit to one patient. The 处方笺 PDF is made from the saved one.
 */
import { ulid } from 'ulid';
import { ApiFailure, type PrescriptionItemInput, type PrescriptionView, type PrescriptionWarning } from '../../../shared/api';
import type { PrescriberGrade } from '../../../shared/codes/drug-codes';
import { frequencyOf, routeLabel } from '../../../shared/codes/drug-codes';
import type { PatientDoc } from '../../../shared/docs/patient';
import { PRESCRIPTION_KIND_LABELS, type PrescriptionDoc, type PrescriptionItem } from '../../../shared/docs/prescription';
import { blockingFindings, checkPrescription, itemPackages, type RxDrug, type RxItem } from '../../../shared/rx';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { FontUnavailableError } from '../../print/cjk-font';
import { prescriptionPdf as drawPrescription } from '../../print/prescription';
import { ageOn, sexLabel } from '../patients/display';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { visitNames } from '../visits/visit-views';
import { readDocument, readEncounter, writeOne, type Stored } from './records';
import { doctorNames, prescriptionViewOf } from './views';

/** Where the rules learn about drugs and the doctor's prescribing grade (the clinic drug dictionary). */
export interface DrugSource {
  drug(code: string): RxDrug | null;
  prescriberGrade(username: string): PrescriberGrade;
}

export interface PrescriptionInput {
  readonly encounterId: string;
  readonly id?: string;
  readonly rev?: string;
  readonly kind: PrescriptionDoc['kind'];
  readonly items: ReadonlyArray<PrescriptionItemInput>;
  readonly answers: Readonly<Record<string, string>>;
}

type SaveOutcome = { outcome: 'saved'; prescription: PrescriptionView } | { outcome: 'warnings'; warnings: PrescriptionWarning[] };

function rxItems(drugs: DrugSource, items: ReadonlyArray<PrescriptionItemInput>): RxItem[] {
  return items.map((item, index) => {
    const drug = item.drug_ref ? drugs.drug(item.drug_ref) : null;
    if (!drug) throw new ApiFailure('VALIDATION_FAILED', `第 ${index + 1} 项“${item.drug_name}”不在本院药品目录中，请从药品查找中选择。`);
    return { drug, dose: item.dose, doseUnit: item.dose_unit, route: item.route, frequency: item.frequency, days: item.days, quantity: item.quantity };
  });
}

export function savePrescription(data: ClinicData, drugs: DrugSource, actor: Actor, input: PrescriptionInput, now = new Date()): SaveOutcome {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const visit = readEncounter(data, input.encounterId);
    if (visit.status !== 'in_progress' || visit.doctor_username !== actor.username) {
      throw new ApiFailure('CONFLICT', '只能给自己正在接诊的患者开处方。');
    }
    const patient = readDocument<PatientDoc>(data, visit.patient_id, 'patient', '没有找到这位患者的档案。');
    const items = rxItems(drugs, input.items);
    const findings = checkPrescription({ kind: input.kind, items, allergies: patient.allergies, prescriberGrade: drugs.prescriberGrade(actor.username) });
    const answered = Object.entries(input.answers)
      .filter(([, answer]) => answer.trim() !== '')
      .map(([key]) => key);
    const blocking = blockingFindings(findings, answered);
    if (blocking.length > 0)
      return { outcome: 'warnings', warnings: blocking.map(({ key, code, severity, message, itemIndex }) => ({ key, code, severity, message, itemIndex })) };

    const stamp = documentStamp(settings.code, actor.username, now);
    const written: PrescriptionItem[] = input.items.map((item, i) => ({
      ...item,
      quantity: itemPackages(items[i]) ?? 0,
      quantity_unit: items[i].drug.packageUnit,
    }));
    const existing = input.id ? readDocument<PrescriptionDoc>(data, input.id, 'prescription', '没有找到这张处方。') : null;
    if (existing && (existing.encounter_id !== visit._id || (input.rev && existing._rev !== input.rev))) throw new ApiFailure('CONFLICT');
    const doc: PrescriptionDoc & { _rev?: string } = {
      ...(existing ?? {
        _id: `prescription:${ulid(now.getTime())}`,
        type: 'prescription' as const,
        ...stamp,
        encounter_id: visit._id,
        patient_id: visit.patient_id,
        department_code: visit.department_code,
        doctor_username: actor.username,
      }),
      updated_at: stamp.updated_at,
      updated_by: stamp.updated_by,
      kind: input.kind,
      items: written,
      warnings_answered: findings
        .filter((f) => f.severity === 'warning')
        .map((f) => ({ code: f.code, message: f.message, answer: input.answers[f.key] ?? '' })),
      status: 'draft',
    };
    const rev = writeOne(data, doc);
    return { outcome: 'saved', prescription: prescriptionViewOf({ ...doc, _rev: rev } as Stored<PrescriptionDoc>, actor.displayName) };
  });
}

/** “每次 0.5g 口服 每日三次 ×5天”. */
export function usageText(item: PrescriptionItem): string {
  const frequency = frequencyOf(item.frequency);
  return `用法：每次 ${item.dose}${item.dose_unit}　${routeLabel(item.route)}　${frequency?.label ?? item.frequency}　×${item.days}天`;
}

export async function prescriptionPdf(data: ClinicData, id: string, options: { fontFile?: string } = {}) {
  const settings = requireSettings(data);
  const prescription = readDocument<PrescriptionDoc>(data, id, 'prescription', '没有找到这张处方。');
  const visit = readEncounter(data, prescription.encounter_id);
  const patient = readDocument<PatientDoc>(data, prescription.patient_id, 'patient', '没有找到这位患者的档案。');
  const names = visitNames(data, settings);
  const note = data.outpatient.notesOfEncounter(visit._id)[0];
  const diagnosis = note ? data.outpatient.diagnosesOf([note.id]).map((d) => (d.certainty === 'suspected' ? `${d.name}？` : d.name)) : [];
  let pdf: Uint8Array;
  try {
    pdf = await drawPrescription(
      {
        clinicName: settings.name,
        kindLabel: PRESCRIPTION_KIND_LABELS[prescription.kind].replace('处方', ''),
        visitNumber: visit.visit_number,
        feeCategory: names.feeCategories.get(visit.fee_category) ?? visit.fee_category,
        department: names.departments.get(visit.department_code) ?? visit.department_code,
        patient: { name: patient.name, sex: sexLabel(patient.sex), age: ageOn(patient.birth_date, visit.visit_date).text },
        diagnosis: diagnosis.join('；') || '（未填写）',
        items: prescription.items.map((item) => ({
          name: item.strength ? `${item.drug_name}（${item.strength}）` : item.drug_name,
          quantity: `×${item.quantity}${item.quantity_unit}`,
          usage: usageText(item),
        })),
        doctor: doctorNames(data)(prescription.doctor_username),
        issuedAt: prescription.updated_at,
        timeZone: settings.time_zone,
      },
      options,
    );
  } catch (error) {
    if (error instanceof FontUnavailableError) throw new ApiFailure('INTERNAL', error.message);
    throw error;
  }
  return {
    fileName: `处方笺-${visit.visit_number}.pdf`,
    contentType: 'application/pdf' as const,
    pdfBase64: Buffer.from(pdf).toString('base64'),
    bytes: pdf.byteLength,
  };
}
