/**
 * The note editor's form: what the doctor types, as text (vitals too, so a half-typed number is
 * kept), and its conversion to and from the note's content (shared/docs/outpatient-note.ts).
 */
import { impossibleVitals, VITAL_KEYS, type VitalKey, type VitalSigns } from '../../../../shared/clinical/vitals';
import { NOTE_TEXT_FIELDS, type CopyMark, type NoteContent, type NoteDiagnosis, type NoteTextField } from '../../../../shared/docs/outpatient-note';

export interface NoteForm {
  readonly text: Readonly<Record<NoteTextField, string>>;
  readonly onsetDate: string;
  readonly vitals: Readonly<Record<VitalKey, string>>;
  readonly diagnoses: ReadonlyArray<NoteDiagnosis>;
  readonly copyMarks: ReadonlyArray<CopyMark>;
}

const blankText = () => Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, ''])) as Record<NoteTextField, string>;
const blankVitals = () => Object.fromEntries(VITAL_KEYS.map((k) => [k, ''])) as Record<VitalKey, string>;

export const EMPTY_NOTE_FORM: NoteForm = { text: blankText(), onsetDate: '', vitals: blankVitals(), diagnoses: [], copyMarks: [] };

export function formOfContent(content: NoteContent): NoteForm {
  return {
    text: Object.fromEntries(NOTE_TEXT_FIELDS.map((f) => [f, content[f] ?? ''])) as Record<NoteTextField, string>,
    onsetDate: content.onset_date ?? '',
    vitals: Object.fromEntries(VITAL_KEYS.map((k) => [k, content.vitals[k] === undefined ? '' : String(content.vitals[k])])) as Record<VitalKey, string>,
    diagnoses: content.diagnoses,
    copyMarks: content.copy_marks,
  };
}

/** A draft as it was autosaved (the form itself); anything unreadable falls back to blank. */
export function formOfDraft(content: Readonly<Record<string, unknown>>): NoteForm {
  const form = content as Partial<NoteForm>;
  return {
    text: { ...blankText(), ...(form.text ?? {}) },
    onsetDate: typeof form.onsetDate === 'string' ? form.onsetDate : '',
    vitals: { ...blankVitals(), ...(form.vitals ?? {}) },
    diagnoses: Array.isArray(form.diagnoses) ? form.diagnoses : [],
    copyMarks: Array.isArray(form.copyMarks) ? form.copyMarks : [],
  };
}

export function vitalsOf(form: NoteForm): { vitals: VitalSigns; unreadable: VitalKey[] } {
  const vitals: VitalSigns = {};
  const unreadable: VitalKey[] = [];
  for (const key of VITAL_KEYS) {
    const raw = form.vitals[key].trim();
    if (raw === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value)) vitals[key] = value;
    else unreadable.push(key);
  }
  return { vitals, unreadable };
}

/** The note's content, or the problems that stop it being saved (field path → message). */
export function contentOfForm(form: NoteForm): { ok: true; content: NoteContent } | { ok: false; errors: Record<string, string> } {
  const { vitals, unreadable } = vitalsOf(form);
  const errors: Record<string, string> = {};
  for (const key of unreadable) errors[`vitals.${key}`] = '请填写数字';
  for (const problem of impossibleVitals(vitals)) errors[`vitals.${problem.key}`] = problem.message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    content: {
      ...form.text,
      ...(form.onsetDate ? { onset_date: form.onsetDate } : {}),
      vitals,
      diagnoses: [...form.diagnoses],
      copy_marks: [...form.copyMarks],
    },
  };
}

/** Fills the empty parts of the note from a template; what the doctor already wrote stays. */
export function applyTemplate(form: NoteForm, fields: Partial<Record<NoteTextField, string>>): NoteForm {
  const text = { ...form.text };
  for (const field of NOTE_TEXT_FIELDS) {
    const value = fields[field];
    if (value && text[field].trim() === '') text[field] = value;
  }
  return { ...form, text };
}

/** Copies an earlier note of the same patient as a draft, every copied part marked (WR-18). */
export function copyEarlierNote(form: NoteForm, noteId: string, content: NoteContent): NoteForm {
  const text = { ...form.text };
  const marks: CopyMark[] = form.copyMarks.filter((m) => m.from_note_id !== noteId);
  for (const field of NOTE_TEXT_FIELDS) {
    if (content[field].trim() === '') continue;
    text[field] = content[field];
    marks.push({ field, from_note_id: noteId, proofread: false });
  }
  return { ...form, text, diagnoses: form.diagnoses.length > 0 ? form.diagnoses : content.diagnoses, copyMarks: marks };
}

/** Adds a diagnosis; the first one is the primary. The same code twice is not added again. */
export function addDiagnosis(form: NoteForm, diagnosis: Omit<NoteDiagnosis, 'position'>): NoteForm {
  if (form.diagnoses.some((d) => d.code === diagnosis.code)) return form;
  const position = form.diagnoses.some((d) => d.position === 'primary') ? 'secondary' : 'primary';
  return { ...form, diagnoses: [...form.diagnoses, { ...diagnosis, position }] };
}

export function removeDiagnosis(form: NoteForm, code: string): NoteForm {
  const rest = form.diagnoses.filter((d) => d.code !== code);
  const hasPrimary = rest.some((d) => d.position === 'primary');
  return { ...form, diagnoses: rest.map((d, i) => (!hasPrimary && i === 0 ? { ...d, position: 'primary' } : d)) };
}

/**
 * Puts a 常用语 where the cursor is (over the selected text, if any), with a comma before it when it
 * follows the end of a phrase; returns the new text and where the cursor goes (after the phrase).
 */
export function insertPhraseAt(text: string, start: number, end: number, phrase: string): { text: string; caret: number } {
  const before = text.slice(0, Math.max(0, Math.min(start, text.length)));
  const after = text.slice(Math.max(start, Math.min(end, text.length)));
  const joiner = before !== '' && !/[，。；：、,.;:\s]$/.test(before) ? '，' : '';
  const inserted = `${joiner}${phrase}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + inserted.length };
}

/** 疑似 ↔ 确诊 for one diagnosis. */
export function toggleCertainty(form: NoteForm, code: string): NoteForm {
  return {
    ...form,
    diagnoses: form.diagnoses.map((d) => (d.code === code ? { ...d, certainty: d.certainty === 'confirmed' ? 'suspected' : 'confirmed' } : d)),
  };
}
