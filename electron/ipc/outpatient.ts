import type { AppContext } from './context';
import { openChart, patientHistory } from '../services/outpatient/chart';
import { antibioticGradeOf } from '../services/dictionary/drugs';
import { icdDictionaryOf } from '../services/dictionary/icd-dictionary';
import { amendNote } from '../services/outpatient/note-amendments';
import { saveDraft, saveNote, type IcdLookup } from '../services/outpatient/notes';
import { ICD_CODE_SYSTEMS } from '../../shared/codes';
import { outpatientLog } from '../services/outpatient/outpatient-log';
import { exportLog } from '../services/outpatient/outpatient-log-export';
import { prescriptionPdf, savePrescription, type DrugSource } from '../services/outpatient/prescriptions';
import { callNext, doctorQueue, visitAction } from '../services/outpatient/queue';
import { listTemplates, saveTemplate } from '../services/outpatient/templates';
import type { Router } from './router';

const isIcdCodeSystem = (value: string): value is (typeof ICD_CODE_SYSTEMS)[number] => (ICD_CODE_SYSTEMS as ReadonlyArray<string>).includes(value);

export function registerOutpatient(router: Router, app: AppContext): void {
  const { data, amendments } = app;
  const icd = icdDictionaryOf(data.icd);
  const icdLookup: IcdLookup = (codeSystem, code, version) => (isIcdCodeSystem(codeSystem) ? icd.resolve(codeSystem, code, version) : null);
  // The clinic drug dictionary: active drugs only; the grade the administrator granted (none until then).
  const drugs: DrugSource = {
    drug: (code) => {
      const row = data.drugs.byCode(code);
      return row?.active ? row : null;
    },
    prescriberGrade: (username) => antibioticGradeOf(data, username),
  };
  router
    .implement('outpatient.queue', (input, { actor }) => doctorQueue(data, actor, input))
    .implement('outpatient.callNext', (input, { actor }) => callNext(data, actor, input))
    .implement('outpatient.visitAction', (input, { actor }) => visitAction(data, actor, input))
    .implement('outpatient.chart', (input, { actor }) => openChart(data, actor, input.encounterId))
    .implement('outpatient.history', (input) => patientHistory(data, input.patientId))
    .implement('outpatient.saveDraft', (input, { actor }) => saveDraft(data, actor, input))
    .implement('outpatient.saveNote', (input, { actor }) => saveNote(data, icdLookup, actor, input))
    .implement('outpatient.savePrescription', (input, { actor }) => savePrescription(data, drugs, actor, input))
    .implement('outpatient.prescriptionPdf', (input) => prescriptionPdf(data, input.id))
    .implement('outpatient.templates', (_input, { actor }) => listTemplates(data, actor))
    .implement('outpatient.saveTemplate', (input, { actor }) => saveTemplate(data, actor, input))
    .implement('outpatient.amendNote', (input, { actor }) => amendNote(data, amendments, actor, input))
    .implement('outpatient.log', (input) => outpatientLog(data, input))
    .implement('outpatient.logExport', (input) => exportLog(data, input));
}
