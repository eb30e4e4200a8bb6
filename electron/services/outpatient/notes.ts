/**
 * Writing the visit's note: the local autosave (a draft on this PC only, every few seconds while
 * the doctor types) and the saved note (a replicated record, still a draft until signed).
 */
import { ulid } from 'ulid';
import { ApiFailure, type NoteView } from '../../../shared/api';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import type { NoteContent, OutpatientNoteDoc } from '../../../shared/docs/outpatient-note';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { patientRecords } from './chart';
import { noteDraftKey } from './queue';
import { readDocument, readEncounter, writeOne, type Stored } from './records';
import { noteViewOf } from './views';

export function saveDraft(data: ClinicData, actor: Actor, input: { encounterId: string; content: Record<string, unknown> }, now = new Date()) {
  readEncounter(data, input.encounterId);
  return { savedAt: data.store.drafts.put(actor.username, noteDraftKey(input.encounterId), input.content, now).saved_at };
}

/** The doctor writes the note of a visit they have in the room. */
function checkWritable(visit: EncounterDoc, actor: Actor): void {
  if (visit.status !== 'in_progress') throw new ApiFailure('CONFLICT', '只有就诊中的患者才能写病历，请先叫号。');
  if (visit.doctor_username !== actor.username) throw new ApiFailure('FORBIDDEN', '这位患者由另一位医生接诊，您不能写他的病历。');
}

/** WR-18: copied text may come only from the same patient's own notes. */
function checkCopies(data: ClinicData, content: NoteContent, patientId: string): void {
  const records = new Set(patientRecords(data, patientId));
  for (const mark of content.copy_marks) {
    const source = data.store.get(mark.from_note_id);
    if (!source || source.type !== 'outpatient_note' || !records.has(String(source.patient_id))) {
      throw new ApiFailure('VALIDATION_FAILED', '病历内容只能从同一位患者以前的病历复制，不能在患者之间复制。');
    }
  }
}

/** Looks a code up in the ICD dictionary of its code system and version (null: not there at all). */
export type IcdLookup = (codeSystem: string, code: string, version: string) => { readonly retired: boolean } | null;

/**
 * CD-01/CD-08: a diagnosis added now must be in the dictionary and current; one already saved keeps
 * its code as written, even if a later table retired it.
 */
function checkNewDiagnoses(lookup: IcdLookup, content: NoteContent, saved: ReadonlyArray<NoteContent['diagnoses'][number]>): void {
  const known = new Set(saved.map((d) => `${d.code_system}|${d.version}|${d.code}`));
  for (const d of content.diagnoses) {
    if (known.has(`${d.code_system}|${d.version}|${d.code}`)) continue;
    const found = lookup(d.code_system, d.code, d.version);
    if (!found) throw new ApiFailure('VALIDATION_FAILED', `诊断编码 ${d.code}（${d.name}）不在 ICD-10 字典里，请重新查找后选择。`);
    if (found.retired) throw new ApiFailure('VALIDATION_FAILED', `诊断编码 ${d.code}（${d.name}）在现行字典中已停用，请查找现行的编码。`);
  }
}

export function saveNote(
  data: ClinicData,
  icd: IcdLookup,
  actor: Actor,
  input: { encounterId: string; noteId?: string; rev?: string; content: NoteContent },
  now = new Date(),
): NoteView {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const visit = readEncounter(data, input.encounterId);
    checkWritable(visit, actor);
    checkCopies(data, input.content, visit.patient_id);
    const stamp = documentStamp(settings.code, actor.username, now);
    let note: OutpatientNoteDoc & { _rev?: string };
    if (input.noteId) {
      const existing = readDocument<OutpatientNoteDoc>(data, input.noteId, 'outpatient_note', '没有找到这份病历。');
      if (existing.encounter_id !== visit._id) throw new ApiFailure('VALIDATION_FAILED', '这份病历不属于这次就诊。');
      if (input.rev && existing._rev !== input.rev) throw new ApiFailure('CONFLICT', '这份病历刚在别处保存过，请重新打开后再改。');
      checkNewDiagnoses(icd, input.content, existing.diagnoses);
      note = { ...existing, ...input.content, updated_at: stamp.updated_at, updated_by: stamp.updated_by };
    } else {
      if (data.outpatient.notesOfEncounter(visit._id).length > 0) throw new ApiFailure('CONFLICT', '这次就诊已经有病历了，请重新打开病历后再保存。');
      checkNewDiagnoses(icd, input.content, []);
      note = {
        _id: `outpatient_note:${ulid(now.getTime())}`,
        type: 'outpatient_note',
        ...stamp,
        encounter_id: visit._id,
        patient_id: visit.patient_id,
        department_code: visit.department_code,
        doctor_username: actor.username,
        visit_type: visit.visit_type,
        visit_at: visit.called_at ?? stamp.created_at,
        ...input.content,
        status: 'draft',
      };
    }
    const rev = writeOne(data, note);
    data.store.drafts.delete(actor.username, noteDraftKey(visit._id));
    return noteViewOf({ ...note, _rev: rev } as Stored<OutpatientNoteDoc>, actor.displayName);
  });
}
